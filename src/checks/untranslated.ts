import type { Check, CheckInput, Issue } from './check.js';

const messages = {
  cyrillic: (words: string[]) => `The English still contains Russian: ${words.map((w) => `“${w}”`).join(', ')}`,
};

const CYRILLIC_WORD = /[\p{L}\p{M}-]*\p{Script=Cyrillic}[\p{L}\p{M}-]*/gu;

/** Russian words left in the English target (an engine's fallback, or a half-finished edit). */
export const untranslatedCheck = {
  id: 'untranslated',
  label: 'No Russian left in the English',
  severity: 'warning',
  run({ target }: CheckInput): Issue[] {
    const hits = [...target.matchAll(CYRILLIC_WORD)];
    if (hits.length === 0) return [];
    const words = [...new Set(hits.map((m) => m[0]))];
    return [
      {
        code: 'cyrillic_left',
        message: messages.cyrillic(words.slice(0, 5)),
        spans: hits.map((m) => ({ side: 'target' as const, start: m.index, end: m.index + m[0].length })),
        details: { words },
      },
    ];
  },
} satisfies Check;
