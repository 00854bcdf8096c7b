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

describe('verbs: passive participles', () => {
  it.each([
    ["Соглашение подписано в 2019 году.", "The agreement was signed in 2019."],
    ["Соглашение подписано.", "The agreement has been signed."],
    ["Соглашение было подписано вчера.", "The agreement was signed yesterday."],
    ["Соглашение будет подписано в мае.", "The agreement will be signed in May."],
  ])("when \"%s\" is translated, then the tense follows the copula or the time named: \"%s\"", async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('verbs: reflexives', () => {
  it.each([
    ["Цены снизились.", "Prices declined."],
    ["Вопрос обсуждается.", "The issue is being discussed."],
  ])("when \"%s\" is translated, then an ergative verb stays intransitive, others become passive: \"%s\"", async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('verbs: future and present', () => {
  it.each([
    ["Стороны будут обсуждать этот вопрос.", "The sides will discuss this issue."],
    ["Делегация прибудет в Москву.", "The delegation will arrive in Moscow."],
    ["Сейчас стороны обсуждают условия соглашения.", "Now the sides are discussing the conditions of the agreement."],
    ["Цены растут.", "Prices are growing."],
    ["Если делегация прибудет, переговоры начнутся.", "If the delegation arrives, the talks will begin."],
  ])("when \"%s\" is translated, then the tense and aspect are English: \"%s\"", async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('verbs: the sequence of tenses after a reporting verb in the past', () => {
  it.each([
    ["Министр заявил, что делегация прибудет в мае.", "The minister said that the delegation would arrive in May."],
    ["Министр заявил, что стороны подписали соглашение.", "The minister said that the sides had signed an agreement."],
    ["Министр сообщил журналистам, что переговоры продолжатся.", "The minister told journalists that the talks would continue."],
  ])("when \"%s\" is translated, then the reported verb shifts back: \"%s\"", async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('verbs: modals', () => {
  it.each([
    ["Министр должен был прибыть вчера.", "The minister had to arrive yesterday."],
    ["Стороны смогут подписать соглашение.", "The sides will be able to sign an agreement."],
  ])("when \"%s\" is translated, then the modal is English: \"%s\"", async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('verbs: a sense chosen by the object', () => {
  it.each([
    ["Государственная дума приняла закон.", "The State Duma passed a law."],
    ["Он принял решение.", "He made a decision."],
    ["Теннисистка вышла в полуфинал.", "The tennis player reached the semifinal."],
    ["Он проведет в тюрьме пять лет.", "He will spend five years in the prison."],
  ])("when \"%s\" is translated, then the verb fits its object: \"%s\"", async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('verbs: a preposition English needs before the object', () => {
  it('when ждать has an object, then it is "wait for"', async () => {
    expect(await english('Дольщики ждут завершения строительства.')).toBe('Equity holders are waiting for the completion of construction.');
  });
});

describe('verbs: speech verbs with a listener', () => {
  it('when сказать has a person in the dative, then it is "told"', async () => {
    expect(await english('Адмирал сказал журналистам, что учения прошли успешно.')).toBe('The admiral told journalists that the exercises had taken place successfully.');
  });
});
