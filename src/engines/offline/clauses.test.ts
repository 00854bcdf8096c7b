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

describe('clauses: participles', () => {
  it.each([
    ["Делегация, прибывшая в Баку, встретилась с министром.", "The delegation, which arrived in Baku, met with the minister."],
    ["Генерал, прибывший в Москву, встретился с министром.", "The general, who arrived in Moscow, met with the minister."],
    ["Соглашение, подписанное в 2019 году, вступило в силу.", "The agreement, signed in 2019, took effect."],
    ["Подписанное в 2019 году соглашение вступило в силу.", "The agreement signed in 2019 took effect."],
    ["Компании, работающие в регионе, получат льготы.", "Companies working in the region will receive benefits."],
  ])("when \"%s\" is translated, then the participle clause is English: \"%s\"", async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('clauses: gerunds', () => {
  it.each([
    ["Отметив успехи сторон, министр поблагодарил делегацию.", "Noting successes of the sides, the minister thanked the delegation."],
  ])("when \"%s\" is translated, then the gerund is an -ing form: \"%s\"", async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('clauses: sentences without a subject', () => {
  it.each([
    ["Его задержали в аэропорту.", "He was detained at the airport."],
    ["Жителям рекомендуют не выходить на улицу.", "Residents are advised not to take to the streets."],
    ["Об этом сообщили в Министерстве обороны.", "The Ministry of Defense reported this."],
    ["Парламенту предстоит принять закон.", "The parliament has to pass a law."],
    ["Ему не удалось прибыть.", "He failed to arrive."],
  ])("when \"%s\" is translated, then English gets a subject: \"%s\"", async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('clauses: a dash between two nouns', () => {
  it.each([
    ["Москва — столица России.", "Moscow is the capital of Russia."],
  ])("when \"%s\" is translated, then it stands for is: \"%s\"", async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('clauses: pronouns for things', () => {
  it.each([
    ["Министр посетил завод, его визит завершился.", "The minister visited a plant, his visit ended."],
    ["Программа начала работу, она продлится год.", "The program began work, it will last a year."],
  ])("when \"%s\" is translated, then it and its refer to things, his to people: \"%s\"", async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('clauses: attribution after the statement', () => {
  it.each([
    ["Безработица снизилась до 3%, сообщил Росстат.", "Unemployment declined to 3%, Rosstat said."],
  ])("when \"%s\" is translated, then a reporting verb after the statement is said: \"%s\"", async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});
describe('clauses: a country before a title and a name becomes an adjective', () => {
  it('when a title, a country in the genitive and a name follow each other, then the country is an adjective before the title', async () => {
    const text = 'Министр финансов России Антон Силуанов выступил.';
    const terms = [
      ['Министр финансов', 'Finance Minister'],
      ['России', 'Russia'],
      ['Антон Силуанов', 'Anton Siluanov'],
    ].map(([surface = '', target = ''], n) => ({ start: text.indexOf(surface), end: text.indexOf(surface) + surface.length, target, entryId: `t${n}` }));
    const [result] = await offlineEngine.translate([{ text, terms }]);
    expect(result?.text).toBe('Russian Finance Minister Anton Siluanov spoke.');
  });

  it('when a title has no name after it, then the country stays with "of"', async () => {
    expect(await english('Посол Ирана выступил.')).toBe('The ambassador of Iran spoke.');
  });

  it('when a national team is named by its country, then the country is an adjective', async () => {
    expect(await english('Сборная России обыграла команду Казахстана.')).toBe('The Russian national team beat the team of Kazakhstan.');
  });
});

describe('clauses: relative clauses with который', () => {
  it.each([
    ['Делегация, которая прибыла в Баку, встретилась с министром.', 'The delegation, which arrived in Baku, met with the minister.'],
    ['Министр, с которым встретился президент, прибыл вчера.', 'The minister, with whom the president met, arrived yesterday.'],
    ['Программа, по которой семьи получат ипотеку, утверждена.', 'The program, under which families will receive a mortgage, has been approved.'],
  ])('when "%s" is translated, then the relative word fits its noun and stays first: "%s"', async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('clauses: a field after по in front of its noun', () => {
  it('when a team is named with its sport, then the sport goes before "team"', async () => {
    expect(await english('Сборная России по хоккею обыграла команду Казахстана.')).toBe('The Russian national hockey team beat the team of Kazakhstan.');
  });
});

describe('clauses: an institution that speaks', () => {
  it.each([
    ['В МИД России заявили, что переговоры продолжатся.', 'The Foreign Ministry of Russia said that the talks would continue.'],
    ['Представители МИД прибыли.', 'The representatives of the Foreign Ministry arrived.'],
  ])('when "%s" is translated, then the abbreviation takes the case its place needs: "%s"', async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});
