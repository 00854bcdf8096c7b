import type { AppContext } from '../context.js';
import { PayloadTooLargeError } from '../errors.js';
import type { TermMatch } from './glossary.js';

/** The longest text matched in one call: a long article is about 20,000 characters. */
export const MAX_MATCH_CHARS = 200_000;

const messages = {
  tooLong: (n: number) => `The text has ${n.toLocaleString('en')} characters; at most ${MAX_MATCH_CHARS.toLocaleString('en')} can be matched at once`,
};

/** Every glossary term in `text` as the active glossary matches it; offsets are UTF-16 indices into `text`. */
export async function findTerms(ctx: Pick<AppContext, 'glossary'>, text: string): Promise<TermMatch[]> {
  if (text.length > MAX_MATCH_CHARS) throw new PayloadTooLargeError(messages.tooLong(text.length));
  return (await ctx.glossary()).match(text);
}

/** Matches as a plain-text table for a terminal: offsets, the words found, the official English, the entry. */
export function termsTable(matches: readonly TermMatch[]): string {
  const rows = matches.map((m) => [String(m.start), String(m.end), m.surface.replace(/\s+/g, ' '), m.ambiguous ? `${m.target} ?` : m.target, m.entryId]);
  const header = ['start', 'end', 'found', 'official English', 'entry'];
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)));
  const line = (r: string[]) => r.map((cell, k) => (k < 2 ? cell.padStart(widths[k]!) : cell.padEnd(widths[k]!))).join('  ').trimEnd();
  const flagged = matches.filter((m) => m.ambiguous).length;
  const summary = `${matches.length} ${matches.length === 1 ? 'term' : 'terms'}${flagged ? `, ${flagged} flagged "?" for the reviewer (could be someone else)` : ''}`;
  return [...(rows.length ? [line(header), ...rows.map(line)] : []), summary].join('\n');
}
