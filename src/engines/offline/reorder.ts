import type { Cat, Item } from './analyse.js';

/** What a subject noun phrase may contain: nouns, names, terms, their adjectives and numerals, "и" between them. */
const nominalCats = new Set<Cat>(['NOUN', 'ADJ', 'PRTF', 'NUM']);

/**
 * Russian often puts the subject after the verb: "состоялись переговоры", "— подчеркнул министр".
 * When a finite verb or short participle is followed by a nominative noun phrase agreeing with it, the phrase
 * moves before the verb (and before its "не" or "был"). Everything else keeps the Russian order.
 */
export function subjectsFirst(items: readonly Item[]): Item[] {
  const out = [...items];
  for (let i = 0; i < out.length; i++) {
    const verb = out[i];
    if ((verb?.cat !== 'VERB' && verb?.cat !== 'PRTS') || !verb.entry) continue;
    const end = nominalRunEnd(out, i + 1);
    const subject = out.slice(i + 1, end);
    if (!isSubjectOf(subject, verb)) continue;
    // The verb takes its "не" and, before a short participle, its "был": "был подписан договор" → "the treaty was signed".
    let start = i;
    while (out[start - 1]?.lemma === 'не' || (out[start - 1]?.lemma === 'быть' && out[start - 1]?.cat === 'VERB')) start--;
    const verbPart = out.slice(start, i + 1);
    // The moved words trade their leading whitespace, so "Состоялась встреча" does not glue "meetingtook".
    const [firstSubject, ...restSubject] = subject;
    const [firstVerb, ...restVerb] = verbPart;
    if (!firstSubject || !firstVerb) continue;
    out.splice(
      start,
      end - start,
      { ...firstSubject, spaceBefore: firstVerb.spaceBefore },
      ...restSubject,
      { ...firstVerb, spaceBefore: firstSubject.spaceBefore },
      ...restVerb,
    );
    i = end - 1;
  }
  return out;
}

/** Words that may open a counted subject: "более 500 военнослужащих". */
const quantifiers = new Set(['более', 'менее', 'около', 'свыше', 'почти', 'примерно']);

/** Index after the noun phrases (with genitive chains and "и") that start at `from`. */
function nominalRunEnd(items: readonly Item[], from: number): number {
  const first = items[from];
  if (first?.cat === 'PRON' && first.case === 'nomn') return from + 1; // "— сказал он."
  let k = from;
  if (first && quantifiers.has(first.lemma) && items[from + 1]?.kind === 'number') k++;
  while (k < items.length) {
    const item = items[k];
    if (!item) break;
    const nominal = (nominalCats.has(item.cat) && item.kind !== 'phrase') || item.kind === 'number';
    const and = item.lemma === 'и' && item.cat === 'CONJ' && k > from && nominalCats.has(items[k + 1]?.cat ?? 'PUNCT');
    if (!nominal && !and) break;
    k++;
  }
  // A run must end on a noun: "обсудили важные" is not a subject.
  while (k > from && items[k - 1]?.cat !== 'NOUN') k--;
  return k;
}

function isSubjectOf(subject: readonly Item[], verb: Item): boolean {
  const pronoun = subject.length === 1 && subject[0]?.cat === 'PRON' ? subject[0] : undefined;
  if (pronoun) return pronoun.case === 'nomn' && !['это', 'что', 'кто'].includes(pronoun.lemma);
  const head = subject.find((item) => item.cat === 'NOUN' && item.kind !== 'number');
  if (!head || head.kind === 'number') return false;
  // "более 500 военнослужащих": a counted subject stands in the genitive and takes a plural verb.
  const counted = subject.some((item) => item.kind === 'number' || item.cat === 'NUM');
  if (head.case !== 'nomn' && !(counted && head.case === 'gent' && verb.gram.has('plur'))) return false;
  if (counted) return true;
  const coordinated = subject.some((item) => item.lemma === 'и');
  const plural = head.gram.has('plur') || coordinated;
  if (verb.gram.has('plur') !== plural && (verb.gram.has('sing') || verb.gram.has('plur'))) return false;
  return true;
}
