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

describe('articles: a/an for a first-mention object, the for people and known things', () => {
  it.each([
    ["Министр подписал соглашение.", "The minister signed an agreement."],
    ["Министр встретился с делегацией.", "The minister met with the delegation."],
    ["Министр поблагодарил делегацию.", "The minister thanked the delegation."],
    ["Президент встретился с премьер-министром.", "The president met with the prime minister."],
  ])("when \"%s\" is translated, then the article follows the rule: \"%s\"", async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('articles: predicates', () => {
  it.each([
    ["Это важный шаг.", "This is an important step."],
    ["Он стал членом комитета.", "He became a member of the committee."],
    ["Он назначен командующим армией.", "He has been appointed commander of the army."],
  ])("when \"%s\" is translated, then a predicate takes a/an, an appointed role none: \"%s\"", async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('articles: definite by form', () => {
  it.each([
    ["Второе чтение пройдет в мае.", "The second reading will take place in May."],
    ["Россия является крупнейшим партнером Китая.", "Russia is the largest partner of China."],
    ["Один из участников встречи выступил.", "One of the participants of the meeting spoke."],
  ])("when \"%s\" is translated, then ordinals, superlatives and \"one of\" take the: \"%s\"", async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('articles: none for deictic times, generic plurals and mass nouns', () => {
  it.each([
    ["Министр приехал в следующем месяце.", "The minister arrived next month."],
    ["Волонтеры собрали мусор.", "Volunteers collected garbage."],
    ["Стороны обсудили вопросы безопасности.", "The sides discussed issues of security."],
  ])("when \"%s\" is translated, then no article is added: \"%s\"", async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('articles: second mention', () => {
  it.each([
    ["Министр провел встречу. Встреча прошла успешно.", "The minister held a meeting. The meeting took place successfully."],
  ])("when \"%s\" is translated, then the second mention takes the: \"%s\"", async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('articles: names, such, the two', () => {
  it.each([
    ["США являются партнером Канады.", "The US is a partner of Canada."],
    ["Сотрудничество двух стран развивается.", "The cooperation between the two countries is developing."],
    ["Такое решение принято впервые.", "Such a decision has been made for the first time."],
  ])("when \"%s\" is translated, then names stay bare and determiners are English: \"%s\"", async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('articles: a noun named earlier in the paragraph', () => {
  it('when the paragraph mentioned the noun before this segment, then it takes "the"', async () => {
    const text = 'Министр подписал соглашение.';
    const [alone] = await offlineEngine.translate([{ text, terms: [] }]);
    const [later] = await offlineEngine.translate([{ text, terms: [], context: `Стороны обсудили проект соглашения. ${text}` }]);
    expect(alone?.text).toBe('The minister signed an agreement.');
    expect(later?.text).toBe('The minister signed the agreement.');
  });
});

describe('articles: names of institutions and regions', () => {
  it.each([
    ['Губернатор Курской области прибыл в Москву.', 'The governor of the Kursk Region arrived in Moscow.'],
    ['Делегация прибыла в Нидерланды.', 'The delegation arrived in the Netherlands.'],
  ])('when "%s" is translated, then the name takes "the": "%s"', async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});
