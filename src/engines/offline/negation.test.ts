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

describe('negation', () => {
  it.each([
    ["Министр не подписал соглашение.", "The minister did not sign an agreement."],
    ["Никто не пострадал.", "Nobody was injured."],
    ["Он никогда не встречался с министром.", "He never met with the minister."],
    ["Ни Москва, ни Анкара не подтвердили эту информацию.", "Neither Moscow nor Ankara confirmed this information."],
    ["Он не назвал ни даты, ни места встречи.", "He did not name either the date or the place of the meeting."],
    ["Министр уехал, не подписав соглашение.", "The minister left, without signing an agreement."],
  ])("when \"%s\" is translated, then English has one negation: \"%s\"", async (ru, en) => {
    expect(await english(ru)).toBe(en);
  });
});

describe('negation: пока не', () => {
  it('when пока stands before a negated verb, then the negation is "not yet"', async () => {
    expect(await english('Решение пока не принято.')).toBe('The decision has not yet been made.');
  });
});
