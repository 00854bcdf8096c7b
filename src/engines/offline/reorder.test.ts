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

describe('word order: the subject goes before its verb', () => {
  it.each([
    ["В Москве состоялись переговоры.", "The talks took place in Moscow."],
    ["Во вторник состоялись переговоры.", "On Tuesday the talks took place."],
    ["За законопроект проголосовали 300 депутатов.", "300 lawmakers voted for the bill."],
    ["Чемпионом стала команда из Казани.", "The team from Kazan became champion."],
  ])("when \"%s\" is translated, then the subject comes first: \"%s\"", async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('word order: the object follows its verb', () => {
  it.each([
    ["Министр провел в Баку переговоры.", "The minister held talks in Baku."],
    ["Президент передал министру письмо.", "The president handed over a letter to the minister."],
    ["Он ничего не сказал.", "He did not say anything."],
  ])("when \"%s\" is translated, then the object comes right after the verb: \"%s\"", async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('word order: times between subject and verb go last', () => {
  it.each([
    ["Министр во вторник посетил Баку.", "The minister visited Baku on Tuesday."],
  ])("when \"%s\" is translated, then the time phrase ends the clause: \"%s\"", async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('word order: a reported question opens with whether', () => {
  it.each([
    ["Журналист спросил, готовы ли стороны к переговорам.", "The journalist asked whether the sides are ready for the talks."],
  ])("when \"%s\" is translated, then the question is in statement order: \"%s\"", async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('word order: adverbs English puts last', () => {
  it('when впервые stands before the verb, then "for the first time" ends the clause', async () => {
    expect(await english('Таким образом, чемпионом впервые стала команда из Казани.')).toBe('Thus, the team from Kazan became champion for the first time.');
  });
});

describe('word order: lists of noun phrases', () => {
  it.each([
    ['В Москве, Казани и Сочи прошли выборы.', 'The elections took place in Moscow, Kazan and Sochi.'],
    ['В мероприятии приняли участие школьники, студенты и учителя.', 'Schoolchildren, students and teachers took part in the event.'],
  ])('when "%s" is translated, then the listed phrases move together: "%s"', async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('word order: fronted objects', () => {
  it.each([
    ['Резервы фонда мы сохраняем.', 'We preserve the reserves of the fund.'],
    ['Отрядом кораблей командует капитан.', 'The captain commands the detachment of ships.'],
    ['Государственная дума одобрила в первом чтении поправки в закон.', 'The State Duma approved amendments to the law in the first reading.'],
  ])('when "%s" is translated, then the object follows the verb: "%s"', async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});
