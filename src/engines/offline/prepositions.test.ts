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

describe('prepositions by noun', () => {
  it.each([
    ["Встреча прошла на заводе.", "The meeting took place at the plant."],
    ["Делегация прибыла на саммит.", "The delegation arrived at the summit."],
    ["Министр выступил на конференции.", "The minister spoke at the conference."],
    ["Встреча состоится в понедельник.", "The meeting will take place on Monday."],
    ["Он возглавлял штаб в течение двух лет.", "He headed a headquarters for two years."],
  ])("when \"%s\" is translated, then the preposition fits the noun: \"%s\"", async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('prepositions by the governing word', () => {
  it.each([
    ["Средства выделены на строительство.", "Funds have been allocated for construction."],
    ["Он объявил о завершении карьеры.", "He announced the completion of the career."],
    ["Цены выросли на 5%.", "Prices grew by 5%."],
    ["Цены выросли до 100 рублей.", "Prices grew to 100 roubles."],
    ["Температура поднимется до 35 градусов.", "The temperature will rise to 35 degrees."],
  ])("when \"%s\" is translated, then the preposition fits the verb: \"%s\"", async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('comparison and quantity', () => {
  it.each([
    ["Уровень воды поднялся выше критической отметки.", "The level of water rose above the critical mark."],
    ["Волонтеры собрали более двух тонн мусора.", "Volunteers collected more than two tons of garbage."],
    ["Более 500 человек приняли участие в акции.", "More than 500 people took part in the share."],
  ])("when \"%s\" is translated, then the comparison is English: \"%s\"", async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('prepositions English leaves out', () => {
  it('when дойти до means reach, then there is no preposition', async () => {
    expect(await english('Каждый рубль должен дойти до людей.')).toBe('Each rouble must reach people.');
  });
});
