export type TokenKind = 'word' | 'number' | 'ordinal' | 'punct' | 'space';

/** A piece of source text; offsets are UTF-16 indices into the segment, end exclusive. */
export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
}

// Tried in order at each position; the first that matches wins.
const patterns: readonly [TokenKind, RegExp][] = [
  ['space', /\s+/uy],
  // 1-й, 2-го, 10-м: a digit ordinal with its Russian ending.
  ['ordinal', /\d+-(?:й|я|е|ое|ый|ий|ая|го|ого|му|ому|м|ом|х|ых|ми|ыми|ой|ые|ую)(?![\p{L}\p{N}])/uy],
  // 1,5  10.30  26.11.2024  2017-2018  (a digit run followed by letters is a word: 10-летний)
  ['number', /\d+(?:[.,:]\d+)*(?:[-–]\d+(?:[.,:]\d+)*)?(?![\p{L}\p{N}-])/uy],
  ['word', /[\p{L}\p{M}\p{N}]+(?:[-‐][\p{L}\p{M}\p{N}]+)*/uy],
  ['punct', /\.{2,}|./suy],
];

/** Splits text into words, numbers, punctuation and whitespace; `offset` is added to every position. */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    for (const [kind, re] of patterns) {
      re.lastIndex = at;
      const m = re.exec(text);
      if (!m) continue;
      tokens.push({ kind, text: m[0], start: offset + at, end: offset + at + m[0].length });
      at += m[0].length;
      break;
    }
  }
  return tokens;
}
