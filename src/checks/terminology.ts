import type { GlossaryEntry, TermMatch } from '../glossary/glossary.js';
import type { Check, CheckInput, Issue } from './check.js';
import { atSentenceStart, occurrences, type Occurrence } from './text.js';

const messages = {
  missing: (surface: string, expected: string) => `“${surface}” must be translated as “${expected}” (glossary)`,
  forbidden: (found: string, expected: string) => `“${found}” is a forbidden variant: the glossary says “${expected}”`,
  ambiguous: (surface: string, candidate: string) => `Decide: is “${surface}” ${candidate}? The Russian alone cannot tell.`,
};

/** Each matched glossary term in its official English, and none of its forbidden variants. */
export const terminologyCheck = {
  id: 'terminology',
  label: 'Glossary terms in their official English',
  severity: 'error',
  run({ target, matches, glossary }: CheckInput): Issue[] {
    if (target.trim() === '') return [];
    const issues: Issue[] = [];
    const seen = new Set<string>();
    const official = matches.flatMap((m) => accepted(m, glossary.get(m.entryId)).flatMap((f) => find(target, f)));
    for (const m of matches) {
      const key = `${m.entryId}\u0000${m.ambiguous}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = glossary.get(m.entryId);
      const details = { entryId: m.entryId, expected: m.target };
      if (m.ambiguous) {
        issues.push({ code: 'term_ambiguous', severity: 'warning', message: messages.ambiguous(m.surface, m.target), spans: [{ side: 'source', start: m.start, end: m.end }], details });
        continue;
      }
      const present = accepted(m, entry).some((form) => find(target, form).length > 0);
      if (!present) {
        issues.push({ code: 'term_missing', message: messages.missing(m.surface, m.target), spans: [{ side: 'source', start: m.start, end: m.end }], details });
      }
    }
    // Forbidden variants are wrong whoever is meant, so ambiguous matches are checked too.
    const entries = new Map(matches.map((m) => [m.entryId, m]));
    for (const [entryId, m] of entries) {
      for (const variant of glossary.get(entryId)?.forbidden ?? []) {
        const hits = occurrences(target, variant, { ignoreCase: true }).filter((o) => !official.some((f) => f.start <= o.start && o.end <= f.end));
        if (hits.length === 0) continue;
        issues.push({
          code: 'term_forbidden',
          message: messages.forbidden(target.slice(hits[0]!.start, hits[0]!.end), m.target),
          spans: hits.map((h) => ({ side: 'target' as const, ...h })),
          details: { entryId, expected: m.target, variant },
        });
      }
    }
    return issues;
  },
} satisfies Check;

/**
 * The English forms that satisfy a match: the official form, both spellings, without a leading
 * "the", for a lone surname of a person ("Герасимова") the English surname alone, and in capitals
 * where the Russian is in capitals (a dateline "МОСКВА" → "MOSCOW").
 */
export function accepted(m: TermMatch, entry: GlossaryEntry | undefined): string[] {
  const forms = new Set([m.target, entry?.en, entry?.enGb].filter((f): f is string => !!f));
  for (const f of [...forms]) if (/^the\s+/i.test(f)) forms.add(f.replace(/^the\s+/i, ''));
  const loneSurname = entry?.type === 'person' && !/\s/u.test(m.surface.trim()) && /\s/u.test(entry.ru.trim());
  if (loneSurname) for (const f of [...forms]) forms.add(f.split(/\s+/).at(-1)!);
  const capitals = /\p{L}.*\p{L}/u.test(m.surface) && m.surface === m.surface.toUpperCase();
  if (capitals) for (const f of [...forms]) forms.add(f.toUpperCase());
  return [...forms];
}

/** Case-sensitive whole-word occurrences, also capitalised at the start of a sentence ("the Caspian" → "The Caspian"). */
function find(target: string, form: string): Occurrence[] {
  const hits = occurrences(target, form, { plural: true });
  const capital = form.charAt(0).toUpperCase() + form.slice(1);
  if (capital !== form) hits.push(...occurrences(target, capital, { plural: true }).filter((o) => atSentenceStart(target, o.start)));
  return hits;
}
