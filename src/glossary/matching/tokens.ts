/** A word of the text; offsets are UTF-16 indices into the original, end exclusive. */
export interface Token {
  readonly start: number;
  readonly end: number;
  readonly raw: string;
  readonly folded: string;
}

/** A token whose `raw` is sliced only when asked for: most words of an article are never looked at again. */
class TextToken implements Token {
  constructor(
    private readonly text: string,
    readonly start: number,
    readonly end: number,
    readonly folded: string,
  ) {}

  get raw(): string {
    return this.text.slice(this.start, this.end);
  }

  toJSON(): Token {
    return { start: this.start, end: this.end, raw: this.raw, folded: this.folded };
  }
}

/**
 * Splits text into words, keeping offsets into the original. A word is letters, combining marks
 * (stress accents), digits and soft hyphens, hyphen-joined: "генерал-полковник" is one word.
 * A hand-written scanner: it runs over every article on the hot path, and the Unicode-class regex was a third of it.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const lower = text.toLowerCase();
  // Lower-casing the whole text once is cheaper than word by word, when it keeps offsets and nothing needs normalising.
  const sliceLower = lower.length === text.length && !SPECIAL.test(text);
  const n = text.length;
  let k = 0;
  while (k < n) {
    let step = wordUnit(text, k);
    if (step === 0) {
      k++;
      continue;
    }
    const start = k;
    for (;;) {
      while (step > 0) {
        k += step;
        step = k < n ? wordUnit(text, k) : 0;
      }
      const h = text.charCodeAt(k);
      if ((h === 0x2d || h === 0x2010 || h === 0x2011) && k + 1 < n && (step = wordUnit(text, k + 1)) > 0) {
        k++;
        continue;
      }
      break;
    }
    let folded = sliceLower ? lower.slice(start, k) : fold(text.slice(start, k));
    if (sliceLower && folded.includes('ё')) folded = folded.replace(/ё/g, 'е');
    tokens.push(new TextToken(text, start, k, folded));
  }
  return tokens;
}

const WORD_CHAR = /^[\p{L}\p{M}\p{N}\u00AD]$/u;
/** Per UTF-16 code unit: 0 not yet known, 1 part of a word, 2 not. */
const wordTable = new Uint8Array(0x10000);

/** How many code units of a word character start at text[k] (2 for an astral letter), or 0. */
function wordUnit(text: string, k: number): number {
  const c = text.charCodeAt(k);
  if ((c >= 0x430 && c <= 0x44f) || (c >= 0x410 && c <= 0x42f) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) return 1;
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(k)!)) ? 2 : 0;
  let known = wordTable[c]!;
  if (known === 0) wordTable[c] = known = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
  return known === 1 ? 1 : 0;
}

// Only these need the slow path: composed letters, stress marks, soft and typographic hyphens.
const SPECIAL = /[\u0300-\u036f\u00AD\u2010\u2011]/;
const DROPPED = /[\u0300\u0301\u00AD]/g;

/** The comparison key of a word: lower case, ё → е, typographic hyphens → "-", stress marks and soft hyphens dropped. */
export function fold(word: string): string {
  let w = SPECIAL.test(word) ? word.normalize('NFC').replace(DROPPED, '').replace(/[\u2010\u2011]/g, '-') : word;
  w = w.toLowerCase();
  return w.includes('ё') ? w.replace(/ё/g, 'е') : w;
}

export function startsCapital(word: string): boolean {
  const c = word.charCodeAt(0);
  if ((c >= 0x410 && c <= 0x42f) || c === 0x401 || (c >= 0x41 && c <= 0x5a)) return true;
  if (c < 0xc0 || (c >= 0x430 && c <= 0x45f)) return false;
  return /^\p{Lu}/u.test(word);
}

/** az tags ALL CAPS and lowercase names as adjectives; it reads them right title-cased. */
export function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

const isSpace = (c: number) =>
  c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x0b || c === 0x0c || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;

/**
 * True when only whitespace separates a and b, with at most one line break: a term may wrap onto the
 * next line, but punctuation or a blank line (a new paragraph) ends it.
 */
export function spaced(text: string, a: Token, b: Token): boolean {
  if (b.start === a.end) return false;
  let breaks = 0;
  for (let k = a.end; k < b.start; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x0a) breaks++;
    else if (c === 0x0d) {
      if (text.charCodeAt(k + 1) !== 0x0a) breaks++;
    } else if (!isSpace(c)) return false;
  }
  return breaks <= 1;
}

/** True when `t` is an initial: one capital letter followed by a full stop ("В." in "В. Герасимов", "В.В.Путин"). */
export function isInitial(text: string, t: Token): boolean {
  return t.end - t.start === 1 && text.charCodeAt(t.end) === 0x2e && startsCapital(t.raw);
}

/** After an initial's full stop, only spaces (or nothing, "В.Герасимов") may come before the next word. */
export function afterInitial(text: string, initial: Token, next: Token): boolean {
  for (let k = initial.end + 1; k < next.start; k++) if (!isSpace(text.charCodeAt(k))) return false;
  return true;
}

const DASHES = /^[\u2012\u2013\u2014\u2212]$/;
// A hyphen left at a line end, or before a space where a line end was lost in copying.
const BROKEN_HYPHEN = /^[-\u2010\u2011\u00AD](?:[^\S\n]*\r?\n[^\S\n]*|[^\S\n]+)$/;

/**
 * Joins words a typesetter split: "генерал–полковник" with a dash, and a word hyphenated at a line
 * end ("генерал-\nполковник", "Гера-\nсимов", or "Гера- симов" once the line end was lost). A join
 * is kept only when `known` has the result, so a route like "Москва–Баку" stays two words.
 */
export function joinSplitWords(text: string, tokens: Token[], known: (folded: string) => boolean): Token[] {
  let out: Token[] | undefined;
  for (let k = 0; k < tokens.length; k++) {
    const a = (out ? out[out.length - 1] : tokens[k - 1]) as Token | undefined;
    const b = tokens[k]!;
    const c = a ? text.charCodeAt(a.end) : 0;
    const maybe = a && (c === 0x2d || c === 0x2010 || c === 0x2011 || c === 0xad || c === 0x2012 || c === 0x2013 || c === 0x2014 || c === 0x2212);
    let joined: string | undefined;
    if (maybe) {
      const gap = text.slice(a.end, b.start);
      if (DASHES.test(gap)) joined = [`${a.folded}-${b.folded}`].find(known);
      else if (BROKEN_HYPHEN.test(gap)) joined = [`${a.folded}-${b.folded}`, a.folded + b.folded].find(known);
    }
    if (joined && a) {
      out ??= tokens.slice(0, k);
      out[out.length - 1] = { start: a.start, end: b.end, raw: text.slice(a.start, b.end), folded: joined };
    } else out?.push(b);
  }
  return out ?? tokens;
}
