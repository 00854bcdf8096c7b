import type { Choice, Item } from './item.js';
import type { Case } from './lexicon.js';
import { agreeing, caseOf, fromParse } from './readings.js';
import { capitalise, transliterate } from './transliterate.js';

/** Nouns and pronouns: what can head a noun phrase and be a subject or object. */
export const nominal = (item: Item | undefined) => item !== undefined && (item.cat === 'NOUN' || item.cat === 'PRON') && item.kind !== 'number';

/** Adjectives, participles and numerals: what can modify a noun. */
export const modifierLike = (item: Item | undefined) =>
  item !== undefined && (item.cat === 'ADJ' || item.cat === 'PRTF' || item.cat === 'NUM') && item.kind !== 'phrase' && item.lemma !== 'который';

/** Whether some reading of the item satisfies the test. Items without alternatives only have their own. */
export function canBe(item: Item, test: (g: ReadonlySet<string>) => boolean): boolean {
  if (test(item.gram)) return true;
  return (item.alternatives ?? []).some((a) => sameWord(item, a) && test(gramOf(a)));
}

/** Switches the item to its best reading satisfying the test (same lemma first); returns the new grammemes. */
export function reread(items: Item[], i: number, test: (g: ReadonlySet<string>) => boolean): ReadonlySet<string> | undefined {
  const item = items[i] as Item;
  if (test(item.gram)) return item.gram;
  let best: Choice | undefined;
  for (const a of item.alternatives ?? []) {
    if (!sameWord(item, a) || !test(gramOf(a))) continue;
    if (!best || rank(item, a) > rank(item, best)) best = a;
  }
  if (!best) return undefined;
  const switched = withChoice(item, best);
  items[i] = switched;
  return switched.gram;
}

export function agreeModifiers(items: Item[], head: number, headGram: ReadonlySet<string>): void {
  for (let k = head - 1; k >= 0 && modifierLike(items[k]) && items[k]?.kind !== 'number'; k--) {
    if (!agreeing((items[k] as Item).gram, headGram)) reread(items, k, (g) => agreeing(g, headGram));
  }
}

/** Alternatives of the same part of speech and lemma are preferred; a different lemma must still be in the lexicon. */
function rank(item: Item, a: Choice): number {
  return (a.cat === item.cat ? 2 : 0) + (a.entry === item.entry ? 1 : 0) + a.parse.score;
}

function sameWord(item: Item, a: Choice): boolean {
  return item.kind === 'name' || item.kind === 'term' || item.kind === 'phrase' || a.entry !== undefined;
}

const gramCache = new WeakMap<Choice, ReadonlySet<string>>();

/** A reading's grammemes with its case normalised, as items carry them. */
export function gramOf(a: Choice): ReadonlySet<string> {
  let g = gramCache.get(a);
  if (!g) {
    g = fromParse(a.parse).gram;
    gramCache.set(a, g);
  }
  return g;
}

/** The item with another reading; names keep their English and lemma, only their grammar changes. */
export function withChoice(item: Item, a: Choice): Item {
  const grammar = fromParse(a.parse);
  if (item.kind === 'term' || item.kind === 'phrase') return { ...item, gram: grammar.gram, case: grammar.case };
  if (item.kind === 'name') {
    // "Алиеву" is his dative or her accusative: the English name follows the reading.
    const female = a.parse.grammemes.has('femn') && a.parse.grammemes.has('Surn');
    const changed = female !== (item.gram.has('femn') && item.gram.has('Surn'));
    const nominative = changed ? (a.parse.inflect(female ? ['nomn', 'sing', 'femn'] : ['nomn', 'sing']) ?? a.parse.lemma) : undefined;
    const spelled = nominative && !/ё/i.test(item.source) ? nominative.replaceAll('ё', 'е') : nominative;
    const fixed = spelled ? transliterate(capitalise(spelled.toLowerCase())) : item.fixed;
    return { ...item, gram: grammar.gram, case: grammar.case, fixed };
  }
  const caseOptions = new Set<Case>();
  for (const other of item.alternatives ?? []) {
    const c = other.parse.lemma === a.parse.lemma ? caseOf(other.parse.grammemes) : undefined;
    if (c) caseOptions.add(c);
  }
  return { ...item, ...grammar, caseOptions, cat: a.cat, entry: a.entry };
}
