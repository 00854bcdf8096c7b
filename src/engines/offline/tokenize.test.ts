import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.js';

const kinds = (text: string) => tokenize(text).map((t) => `${t.kind}:${t.text}`);

describe('tokenize', () => {
  it('when text has words, numbers and punctuation, then each is its own token with its offsets', () => {
    const tokens = tokenize('Встреча, 26 ноября.');
    expect(tokens.map((t) => [t.kind, t.text, t.start, t.end])).toEqual([
      ['word', 'Встреча', 0, 7],
      ['punct', ',', 7, 8],
      ['space', ' ', 8, 9],
      ['number', '26', 9, 11],
      ['space', ' ', 11, 12],
      ['word', 'ноября', 12, 18],
      ['punct', '.', 18, 19],
    ]);
  });

  it('when a word is hyphenated, then it stays one token', () => {
    expect(kinds('генерал-полковник')).toEqual(['word:генерал-полковник']);
  });

  it('when a number has a decimal comma, a time dot or a range, then it stays one token', () => {
    expect(kinds('1,5 10.30 2017-2018')).toEqual(['number:1,5', 'space: ', 'number:10.30', 'space: ', 'number:2017-2018']);
  });

  it('when a digit ordinal has a Russian ending, then it is an ordinal token', () => {
    expect(kinds('1-й')).toEqual(['ordinal:1-й']);
  });

  it('when digits run into letters, then the whole is a word', () => {
    expect(kinds('10-летний С-400')).toEqual(['word:10-летний', 'space: ', 'word:С-400']);
  });

  it('when an offset is given, then positions are shifted by it', () => {
    expect(tokenize('да', 5)[0]).toMatchObject({ start: 5, end: 7 });
  });
});
