import { describe, expect, it } from 'vitest';
import { checkInput } from '../../tests/fixtures/check-input.js';
import { untranslatedCheck } from './untranslated.js';

describe('the untranslated check', () => {
  it.each<[string, string, unknown]>([
    ['the English has no Cyrillic', 'The meeting took place.', undefined],
    ['a Russian word is left', 'The meeting took place in Подмосковье.', ['Подмосковье']],
    ['a hyphenated Russian word is left', 'A генерал-полковник arrived.', ['генерал-полковник']],
    ['a Russian word is left twice', 'да and да.', ['да']],
    ['a word mixes scripts', 'The Мoscow meeting.', ['Мoscow']],
    ['Latin letters with accents are used', 'Café Zürich, São Paulo.', undefined],
  ])('when %s, then the words reported are as expected', (_name, target, expected) => {
    // One issue listing the words, or no issue at all when nothing is expected.
    const issues = untranslatedCheck.run(checkInput('Совещание прошло.', target));
    expect(issues.map((issue) => issue.details?.words)).toEqual(expected === undefined ? [] : [expected]);
  });

  it('when Russian is left, then each occurrence is a span in the target and the message quotes it', () => {
    const target = 'да and да.';
    const [issue] = untranslatedCheck.run(checkInput('Да и да.', target));
    expect(issue?.spans?.map((s) => target.slice(s.start, s.end))).toEqual(['да', 'да']);
    expect(issue?.message).toBe('The English still contains Russian: “да”');
  });
});
