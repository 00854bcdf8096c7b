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
    ["Чемпионом стала команда из Казани.", "The team from Kazan became a champion."],
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
