import type { Case } from './lexicon.js';
import type { Token } from './tokenize.js';

/** What a number-led expression turned out to be; prepositions and agreement depend on it. */
export type NumberKind = 'date' | 'year' | 'time' | 'amount' | 'ordinal';

export interface NumberMatch {
  kind: NumberKind;
  english: string;
  /** Tokens consumed from the start index, spaces included. */
  length: number;
  /** The quantity, for the plural of a following noun; absent for dates, years and times. */
  value?: number;
  /** Case of the word "год" after a year: на 2025 год (accusative) → for 2025, в 2025 году → in 2025. */
  case?: Case;
  /** A percentage (5%) or a sum of money ($10 billion): a complete noun phrase, no noun follows. */
  percent?: boolean;
  currency?: boolean;
}

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Genitive month names (as in "26 ноября") and the abbreviations news agencies use in datelines. */
const monthByWord = new Map<string, number>([
  ...['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'].map(
    (w, i) => [w, i] as [string, number],
  ),
  ...(
    [
      ['янв', 0], ['фев', 1], ['февр', 1], ['мар', 2], ['апр', 3], ['июн', 5], ['июл', 6], ['авг', 7],
      ['сен', 8], ['сент', 8], ['окт', 9], ['ноя', 10], ['нояб', 10], ['дек', 11],
    ] as [string, number][]
  ),
]);

const yearWords = new Map<string, Case>([
  ['год', 'accs'], ['года', 'gent'], ['году', 'loct'], ['годом', 'ablt'], ['годе', 'loct'],
  ['годы', 'accs'], ['годов', 'gent'], ['годах', 'loct'], ['годам', 'datv'], ['годами', 'ablt'],
]);
const yearAbbreviations = new Set(['г', 'гг']);

const scales: readonly [RegExp, string, number][] = [
  [/^(тыс|тысяч[аиуейм]?|тысячами|тысячах)$/, 'thousand', 1e3],
  [/^(млн|миллион(а|у|ом|е|ов|ы|ами|ах)?)$/, 'million', 1e6],
  [/^(млрд|миллиард(а|у|ом|е|ов|ы|ами|ах)?)$/, 'billion', 1e9],
  [/^(трлн|триллион(а|у|ом|е|ов|ы|ами|ах)?)$/, 'trillion', 1e12],
];

/** Currencies after an amount, abbreviated or in full: English puts a symbol before the number or a word after it. */
const currencies: readonly { re: RegExp; symbol?: string; words?: [string, string]; abbreviation?: boolean }[] = [
  { re: /^руб$/, words: ['rouble', 'roubles'], abbreviation: true },
  { re: /^рубл(ь|я|ю|ем|е|и|ей|ям|ями|ях)$/, words: ['rouble', 'roubles'] },
  { re: /^долл$/, symbol: '$', abbreviation: true },
  { re: /^доллар(а|у|ом|е|ы|ов|ам|ами|ах)?$/, symbol: '$' },
  { re: /^евро$/, words: ['euro', 'euros'] },
  { re: /^юан(ь|я|ю|ем|е|и|ей|ям|ями|ях)$/, words: ['yuan', 'yuan'] },
  { re: /^манат(а|у|ом|е|ы|ов|ам|ами|ах)?$/, words: ['manat', 'manats'] },
  { re: /^тенге$/, words: ['tenge', 'tenge'] },
  { re: /^фунт(а|ов)? стерлингов$/, symbol: '£' },
];

/** Words for "percent" after a number: 5 процентов → 5%. */
const percentWords = /^процент(а|у|ом|е|ы|ов|ам|ами|ах)?$/;

/** Tries every number pattern at `tokens[i]` (a number or ordinal token), most specific first. */
export function matchNumber(tokens: readonly Token[], i: number): NumberMatch | undefined {
  const token = tokens[i];
  if (!token) return undefined;
  if (token.kind === 'ordinal') return ordinalDate(tokens, i) ?? decade(tokens, i) ?? ordinal(token.text);
  if (token.kind !== 'number') return undefined;
  return date(tokens, i) ?? dottedDate(token.text) ?? time(token.text) ?? score(token.text) ?? year(tokens, i) ?? amount(tokens, i);
}

/** 26 ноября [2024 [года]] → November 26[, 2024]; 25-26 ноября → November 25-26; 10 по 15 июля → July 10 to 15. */
function date(tokens: readonly Token[], i: number): NumberMatch | undefined {
  const days = (tokens[i]?.text ?? '').split(/[-–]/);
  if (!days.every((d) => /^\d{1,2}$/.test(d) && Number(d) >= 1 && Number(d) <= 31)) return undefined;
  // "10 по 15 июля": the month comes once, after the second day.
  let through: string | undefined;
  let monthAfter = i;
  const link = wordAfter(tokens, i);
  const second = link && (link.word === 'по' || link.word === 'до') && isGroupSpace(tokens[link.end]) ? tokens[link.end + 1] : undefined;
  if (second && link && /^\d{1,2}$/.test(second.text) && Number(second.text) <= 31) {
    through = second.text;
    monthAfter = link.end + 1;
  }
  const m = wordAfter(tokens, monthAfter);
  if (!m) return undefined;
  const month = monthByWord.get(m.word);
  if (month === undefined) return undefined;
  // Abbreviated months ("ноя.") are four letters at most; "мая" is the one full name that short.
  let end = abbreviationDot(tokens, m.end, m.word.length <= 4 && m.word !== 'мая');
  let english = `${months[month]} ${days.join('-')}${through ? ` to ${through}` : ''}`;
  const y = nextNonSpace(tokens, end);
  if (y !== undefined && /^\d{4}$/.test(tokens[y]?.text ?? '') && isYear(tokens[y]?.text ?? '')) {
    english += `, ${tokens[y]?.text}`;
    end = yearTail(tokens, y + 1);
  }
  return { kind: 'date', english, length: end - i };
}

/** 26.11.2024 → November 26, 2024. */
function dottedDate(text: string): NumberMatch | undefined {
  const m = /^(\d{1,2})\.(\d{2})\.(\d{4})$/.exec(text);
  if (!m) return undefined;
  const [day, month] = [Number(m[1]), Number(m[2])];
  if (day < 1 || day > 31 || month < 1 || month > 12) return undefined;
  return { kind: 'date', english: `${months[month - 1]} ${day}, ${m[3]}`, length: 1 };
}

/** 10.30 or 10:30 → 10:30 (Russian writes decimals with a comma, so a dot between hours and minutes is a time). */
function time(text: string): NumberMatch | undefined {
  const m = /^(\d{1,2})[.:](\d{2})$/.exec(text);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return undefined;
  return { kind: 'time', english: `${m[1]}:${m[2]}`, length: 1 };
}

/** 4:1 → 4-1: a sports score (a time always has two digits of minutes). */
function score(text: string): NumberMatch | undefined {
  const m = /^(\d{1,2}):(\d)$/.exec(text);
  if (!m) return undefined;
  return { kind: 'amount', english: `${m[1]}-${m[2]}`, length: 1, value: 2 };
}

/** 2017 году / 2017 г. / 2017-2018 годах → 2017 / 2017-2018 (the word "year" is dropped, as in English news). */
function year(tokens: readonly Token[], i: number): NumberMatch | undefined {
  const text = tokens[i]?.text ?? '';
  const years = text.split(/[-–]/);
  if (!years.every((y) => /^\d{4}$/.test(y) && isYear(y))) return undefined;
  const end = yearTail(tokens, i + 1);
  if (end === i + 1) return undefined;
  const word = wordAfter(tokens, i)?.word ?? '';
  return { kind: 'year', english: years.join('-'), length: end - i, case: yearWords.get(word) };
}

/**
 * 1,5 млрд руб. → 1.5 billion roubles; 10 млрд долларов → $10 billion; 20 тыс. → 20,000; 10 000 → 10,000; 2,5 → 2.5;
 * 5% and 5 процентов → 5%.
 */
function amount(tokens: readonly Token[], i: number): NumberMatch | undefined {
  // A decimal point also counts (1.5 млн): some sources write English numbers.
  let text = (tokens[i]?.text ?? '').replace(/^(\d+)\.(\d+)$/, '$1,$2');
  if (!/^\d+(,\d+)?$/.test(text)) return rangeOrOther(tokens, i, text);
  let end = i + 1;
  // Thousands written with a space: 10 000, 1 500 000.
  if (/^\d{1,3}$/.test(text)) {
    while (isGroupSpace(tokens[end]) && /^\d{3}(,\d+)?$/.test(tokens[end + 1]?.text ?? '')) {
      text += ` ${tokens[end + 1]?.text}`;
      end += 2;
    }
  }
  const [whole = '', fraction] = text.split(',');
  const groups = whole.split(' ');
  let value = Number(`${groups.join('')}${fraction ? `.${fraction}` : ''}`);
  let english = groups.length > 1 ? groups.join(',') : whole;
  if (fraction) english += `.${fraction}`;
  const scaleWord = wordAfter(tokens, end - 1);
  const scale = scaleWord && scales.find(([re]) => re.test(scaleWord.word));
  if (scaleWord && scale) {
    value *= scale[2];
    // Thousands are written out in digits (20 тыс. → 20,000); millions and more keep the word (1.5 million).
    english = scale[2] === 1e3 && Number.isInteger(value) ? withCommas(value) : `${english} ${scale[1]}`;
    end = abbreviationDot(tokens, scaleWord.end, scaleWord.word.length <= 4);
  }
  const percent = percentAfter(tokens, end);
  if (percent) return { kind: 'amount', english: `${english}%`, length: percent - i, value, percent: true };
  const currencyWord = wordAfter(tokens, end - 1);
  const currency = currencyWord && currencies.find((c) => c.re.test(currencyWord.word));
  if (currencyWord && currency) {
    english = currency.symbol ? `${currency.symbol}${english}` : `${english} ${value === 1 ? currency.words?.[0] : currency.words?.[1]}`;
    end = currency.abbreviation ? abbreviationDot(tokens, currencyWord.end, true) : currencyWord.end;
    return { kind: 'amount', english, length: end - i, value, currency: true };
  }
  return { kind: 'amount', english, length: end - i, value };
}

/** Index after a "%" or a word for percent following the number, or undefined. */
function percentAfter(tokens: readonly Token[], end: number): number | undefined {
  if (tokens[end]?.text === '%') return end + 1;
  if (isGroupSpace(tokens[end]) && tokens[end + 1]?.text === '%') return end + 2;
  const word = wordAfter(tokens, end - 1);
  return word && percentWords.test(word.word) ? word.end : undefined;
}

function withCommas(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Ranges and anything else digit-led: copied with decimal commas made points, a percent sign kept with them. */
function rangeOrOther(tokens: readonly Token[], i: number, text: string): NumberMatch {
  const english = text.replace(/(\d),(\d)/g, '$1.$2').replace('–', '-');
  const first = Number(english.split(/[-–]/)[0]);
  const value = Number.isFinite(first) ? Math.max(first, 2) : 2;
  const percent = percentAfter(tokens, i + 1);
  if (percent) return { kind: 'amount', english: `${english}%`, length: percent - i, value, percent: true };
  return { kind: 'amount', english, length: 1, value };
}

/** 26-го ноября → November 26. */
function ordinalDate(tokens: readonly Token[], i: number): NumberMatch | undefined {
  const day = Number((tokens[i]?.text ?? '').split('-')[0]);
  const m = wordAfter(tokens, i);
  const month = m && monthByWord.get(m.word);
  if (!m || month === undefined || day < 1 || day > 31) return undefined;
  return { kind: 'date', english: `${months[month]} ${day}`, length: m.end - i };
}

/** 1990-е годы, 2000-х годах → the 1990s, the 2000s. */
function decade(tokens: readonly Token[], i: number): NumberMatch | undefined {
  const m = /^(\d{3}0)-(е|х|ые|ых)$/.exec(tokens[i]?.text ?? '');
  if (!m || !isYear(m[1] ?? '')) return undefined;
  const end = yearTail(tokens, i + 1);
  return { kind: 'year', english: `the ${m[1]}s`, length: end - i, case: yearWords.get(wordAfter(tokens, i)?.word ?? '') };
}

/** 1-й → 1st, 22-го → 22nd. */
function ordinal(text: string): NumberMatch {
  const n = Number(text.slice(0, text.indexOf('-')));
  const lastTwo = n % 100;
  const suffix = lastTwo >= 11 && lastTwo <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return { kind: 'ordinal', english: `${n}${suffix}`, length: 1 };
}

function isYear(text: string): boolean {
  const n = Number(text);
  return n >= 1000 && n <= 2199;
}

/** Consumes " года" / " году" / " г." after a year; returns the index after it (or `from` when absent). */
function yearTail(tokens: readonly Token[], from: number): number {
  const w = wordAfter(tokens, from - 1);
  if (!w) return from;
  if (yearWords.has(w.word)) return w.end;
  if (yearAbbreviations.has(w.word) && tokens[w.end]?.text === '.') return abbreviationDot(tokens, w.end, true);
  return from;
}

/**
 * Index after an abbreviation's full stop at `dotAt`. The stop is left in the text when it also ends
 * the sentence (end of segment, or a capital follows), so "руб." at the end still gets its full stop.
 */
function abbreviationDot(tokens: readonly Token[], dotAt: number, isAbbreviation: boolean): number {
  if (!isAbbreviation || tokens[dotAt]?.text !== '.') return dotAt;
  const next = nextNonSpace(tokens, dotAt + 1);
  if (next === undefined) return dotAt;
  const first = tokens[next]?.text.charAt(0) ?? '';
  if (first !== first.toLowerCase()) return dotAt;
  return dotAt + 1;
}

/** The word right after `tokens[i]` (one space between), folded, with the index after it. */
function wordAfter(tokens: readonly Token[], i: number): { word: string; end: number } | undefined {
  if (!isGroupSpace(tokens[i + 1])) return undefined;
  const t = tokens[i + 2];
  if (t?.kind !== 'word') return undefined;
  return { word: t.text.toLowerCase().replaceAll('ё', 'е'), end: i + 3 };
}

function isGroupSpace(token: Token | undefined): boolean {
  return token?.kind === 'space' && !token.text.includes('\n');
}

function nextNonSpace(tokens: readonly Token[], from: number): number | undefined {
  let j = from;
  while (tokens[j]?.kind === 'space') j++;
  return j < tokens.length ? j : undefined;
}
