import { beforeAll, describe, expect, it } from 'vitest';
import { offlineEngine } from './index.js';

/** The draft of one segment without glossary terms. */
async function english(text: string): Promise<string | undefined> {
  const [result] = await offlineEngine.translate([{ text, terms: [] }]);
  return result?.text;
}

beforeAll(async () => {
  await offlineEngine.warmUp();
});

describe('parse selection: a preposition fixes the case of its noun phrase', () => {
  it.each([
    ["Он проведет в колонии шесть лет.", "He will spend six years in the penal colony."],
  ])("when \"%s\" is translated, then the noun phrase keeps the preposition's case: \"%s\"", async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('parse selection: adjectives agree with their noun', () => {
  it.each([
    ["Представитель российского военного ведомства выступил.", "The representative of the Russian military agency spoke."],
    ["Совместные учения прошли успешно.", "The joint exercises took place successfully."],
  ])("when \"%s\" is translated, then the agreeing reading is chosen: \"%s\"", async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('parse selection: the subject is the nominative that agrees with the verb', () => {
  it.each([
    ["В министерстве обороны республики прошли переговоры.", "The talks took place in the Ministry of Defense of the republic."],
    ["Этот вопрос обсудили министры.", "Ministers discussed this issue."],
    ["Россия и Китай подписали соглашение.", "Russia and China signed an agreement."],
    ["Ни Москва, ни Анкара не подтвердили эту информацию.", "Neither Moscow nor Ankara confirmed this information."],
  ])("when \"%s\" is translated, then subject, genitive and object are told apart: \"%s\"", async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('parse selection: a clause needs a verb', () => {
  it.each([
    ["Программа начала работу.", "The program began work."],
  ])("when \"%s\" is translated, then the verb reading wins: \"%s\"", async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('parse selection: a passive takes its agent in the instrumental', () => {
  it.each([
    ["Закон был принят Государственной думой.", "The law was passed by the State Duma."],
  ])("when \"%s\" is translated, then the agent gets \"by\": \"%s\"", async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('parse selection: a person after a verb of giving is the recipient', () => {
  it.each([
    ["Президент передал Алиеву письмо.", "The president handed over a letter to Aliyev."],
  ])("when \"%s\" is translated, then the name is dative: \"%s\"", async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('parse selection: a noun phrase after a noun is its genitive', () => {
  it('when an adjective and noun after a noun could be dative or genitive, then they are the genitive: "of"', async () => {
    expect(await english('Ветер оборвал линии в нескольких районах Астраханской области.')).toBe('The wind cut off lines in several areas of the Astrakhan Region.');
  });
});

describe('parse selection: a woman holding a title', () => {
  it('when a masculine title has a feminine verb, then the title is still the subject and her name its apposition', async () => {
    expect(await english('Председатель комитета Анна Иванова приняла делегацию.')).toBe('Chairman of the committee Anna Ivanova received the delegation.');
  });
});
