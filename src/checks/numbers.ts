import type { Check, CheckInput, Issue } from './check.js';

const messages = {
  missing: (raw: string) => `The number ${raw} in the Russian is not in the English`,
};

const SMALL = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

// 26.11.2024: day and year are kept, the month becomes a word in English.
const DOTTED_DATE = /(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/g;
// Russian groups thousands with (no-break) spaces and writes decimals with a comma: 10 000, 1,5.
const RU_NUMBER = /(?:\d{1,3}(?:[ \u00A0\u202F]\d{3}(?!\d))+|\d+)(?:,\d+)?/g;
// English groups with commas and writes decimals with a point: 10,000, 1.5.
const EN_NUMBER = /(?:\d{1,3}(?:,\d{3}(?!\d))+|\d+)(?:\.\d+)?/g;

/** Every number of the source appears in the target (10 000 → 10,000; 1,5 → 1.5; 26.11.2024 → November 26, 2024). */
export const numbersCheck = {
  id: 'numbers',
  label: 'Numbers carried over',
  severity: 'warning',
  run({ source, target }: CheckInput): Issue[] {
    if (target.trim() === '') return [];
    const inTarget = new Set([...target.matchAll(EN_NUMBER)].map((m) => canonical(m[0].replace(/,/g, ''))));
    const words = new Set(target.toLowerCase().match(/\p{L}+/gu) ?? []);
    const issues: Issue[] = [];
    const reported = new Set<string>();
    for (const n of sourceNumbers(source)) {
      if (reported.has(n.value) || inTarget.has(n.value)) continue;
      const small = Number(n.value);
      if (Number.isInteger(small) && small <= 10 && words.has(SMALL[small]!)) continue;
      reported.add(n.value);
      issues.push({ code: 'number_missing', message: messages.missing(n.raw), spans: [{ side: 'source', start: n.start, end: n.end }], details: { number: n.value } });
    }
    return issues;
  },
} satisfies Check;

interface SourceNumber {
  raw: string;
  value: string;
  start: number;
  end: number;
}

function sourceNumbers(source: string): SourceNumber[] {
  const out: SourceNumber[] = [];
  // Dates first, blanked out (same length) so their parts are not read again as numbers.
  const rest = source.replace(DOTTED_DATE, (whole, day: string, _month: string, year: string, at: number) => {
    out.push({ raw: day, value: canonical(day), start: at, end: at + day.length });
    out.push({ raw: year, value: canonical(year), start: at + whole.length - 4, end: at + whole.length });
    return ' '.repeat(whole.length);
  });
  for (const m of rest.matchAll(RU_NUMBER)) {
    const raw = m[0];
    out.push({ raw, value: canonical(raw.replace(/[ \u00A0\u202F]/g, '').replace(',', '.')), start: m.index, end: m.index + raw.length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** "05" → "5", "1.50" → "1.5": numbers compare by value, not by spelling. */
function canonical(digits: string): string {
  const n = Number(digits);
  return Number.isFinite(n) ? String(n) : digits;
}
