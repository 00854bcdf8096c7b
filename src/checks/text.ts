/** Text helpers shared by the checks: tolerant, offset-preserving comparisons of English. */

/**
 * Typographic apostrophes and quotes → ASCII, no-break and thin spaces → space, typographic
 * hyphens → "-". One UTF-16 unit in, one out, so offsets found in the result are offsets in the input.
 */
export function normalise(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02BC\u2032`]/g, "'")
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/[\u2010\u2011]/g, '-');
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** True when `text[at]` is a letter, mark or digit. */
export function isWordChar(text: string, at: number): boolean {
  const c = text[at];
  return c !== undefined && WORD_CHAR.test(c);
}

/** A position where English starts a sentence: the start of the text, or after . ! ? … and an optional quote. */
export function atSentenceStart(text: string, at: number): boolean {
  return /(?:^|[.!?…:]["'»”)]?\s+)["'«“(\-—–\s]*$/u.test(text.slice(Math.max(0, at - 12), at)) || /^["'«“(\-—–\s]*$/u.test(text.slice(0, at));
}

export interface Occurrence {
  start: number;
  end: number;
}

/**
 * Whole-word occurrences of `needle` in `haystack`, both normalised first. `plural` also accepts
 * an English plural ending (-s, -es) right after the needle.
 */
export function occurrences(haystack: string, needle: string, options: { ignoreCase?: boolean; plural?: boolean } = {}): Occurrence[] {
  const fold = (s: string) => (options.ignoreCase ? normalise(s).toLowerCase() : normalise(s));
  const hay = fold(haystack);
  const n = fold(needle).trim();
  const out: Occurrence[] = [];
  if (!n) return out;
  for (let at = hay.indexOf(n); at !== -1; at = hay.indexOf(n, at + 1)) {
    let end = at + n.length;
    if (options.plural) {
      const suffix = /^(?:es|s)(?![\p{L}\p{M}\p{N}])/u.exec(hay.slice(end, end + 3));
      if (suffix) end += suffix[0].length;
    }
    if (isWordChar(hay, at - 1) && isWordChar(n, 0)) continue;
    if (isWordChar(hay, end) && isWordChar(n, n.length - 1)) continue;
    out.push({ start: at, end });
  }
  return out;
}
