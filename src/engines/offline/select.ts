import { clausesOf, isPredicate } from './clauses.js';
import type { Item } from './item.js';
import type { Case } from './lexicon.js';
import { agreeing, caseOf, prepositionCases } from './readings.js';
import { isQuantity } from './reorder.js';
import { agreeModifiers, canBe, modifierLike, nominal, reread, withChoice } from './rereading.js';
import { agreesWithVerb, quantifying, subjects } from './subjects.js';

/**
 * Revisits the readings chosen word by word, with the whole clause in view:
 * 1. a preposition fixes the case of its noun phrase (adjectives and noun together);
 * 2. adjectives and their noun agree in case, number and gender, and a word that agrees with the noun after it is its adjective;
 * 3. each finite verb gets a nominative subject agreeing with it; other noun phrases of the clause are then not nominative
 *    (a noun after a noun is its genitive, a noun before a transitive verb that has its subject is its object).
 */
export function selectReadings(items: Item[]): Item[] {
  const out = [...items];
  government(out);
  adjectivesBeforeNouns(out);
  agreement(out);
  genitiveAfterNouns(out);
  genitiveOfQuantity(out);
  for (const clause of clausesOf(out)) {
    recoverVerb(out, clause.indices);
    subjects(out, clause.indices);
  }
  return out;
}

/**
 * A clause needs a verb: "Программа начала работу" has one if начала is the verb (began), not the noun (of the start).
 * The first word with a finite verb reading that agrees with a nominative noun before it becomes that verb.
 */
function recoverVerb(items: Item[], clause: readonly number[]): void {
  if (clause.some((i) => isPredicate(items[i]))) return;
  for (const i of clause) {
    const item = items[i] as Item;
    const verb = item.alternatives?.find((a) => a.cat === 'VERB' && a.entry && (a.parse.grammemes.has('past') || a.parse.grammemes.has('pres') || a.parse.grammemes.has('futr')));
    if (!verb || item.cat === 'VERB') continue;
    const subject = clause.find((k) => k < i && nominal(items[k]) && items[k]?.case === 'nomn' && agreesWithVerb((items[k] as Item).gram, verb.parse.grammemes, false, items[k] as Item));
    if (subject === undefined) continue;
    items[i] = withChoice(item, verb);
    return;
  }
}

/**
 * "в нескольких районах Астраханской области": a noun phrase right after a noun, in a case that has no other reason
 * to be there (dative, locative or instrumental without a preposition), is the genitive the noun governs.
 */
function genitiveAfterNouns(items: Item[]): void {
  items.forEach((item, i) => {
    if (!nominal(item) || item.cat === 'PRON' || item.governed || !item.case || !['datv', 'loct', 'ablt'].includes(item.case)) return;
    let k = i - 1;
    while (k >= 0 && modifierLike(items[k]) && items[k]?.kind !== 'number') k--;
    const before = items[k];
    if (!before || before.cat !== 'NOUN' || before.kind === 'number' || before.kind === 'name' || before.person) return;
    if (items[k - 1]?.cat === 'PREP' && before.case === item.case) return; // "с министром обороной" stays one phrase
    if (!canBe(item, (g) => caseOf(g) === 'gent')) return;
    const g = reread(items, i, (gram) => caseOf(gram) === 'gent');
    if (g) agreeModifiers(items, i, g);
  });
}

/** "больше воды", "меньше денег": a noun after a comparative of quantity is genitive ("more water"). */
function genitiveOfQuantity(items: Item[]): void {
  items.forEach((item, i) => {
    const before = items[i - 1];
    if (!nominal(item) || item.case === 'gent' || before?.cat !== 'COMP' || !['больше', 'меньше'].includes(before.source.toLowerCase())) return;
    reread(items, i, (g) => caseOf(g) === 'gent');
  });
}

/** Cases a preposition (or a phrase acting as one) allows, most usual first. */
function governedCases(item: Item): Case[] {
  if (item.cat !== 'PREP') return [];
  if (item.kind === 'phrase') return (item.entry?.forms.get('gov')?.split(',') ?? []) as Case[];
  return prepositionCases(item.entry);
}

/** The noun phrase after index `from`: its modifiers (and adverbs among them) and its head, or undefined. */
function phraseAfter(items: readonly Item[], from: number): { modifiers: number[]; head: number } | undefined {
  const modifiers: number[] = [];
  for (let k = from; k < items.length; k++) {
    const item = items[k];
    if (!item) return undefined;
    if (nominal(item) || item.lemma === 'который') return { modifiers, head: k }; // "по которой" is a phrase of its own
    if (modifierLike(item)) {
      if (item.kind !== 'number') modifiers.push(k);
      continue;
    }
    if (item.cat === 'ADV' && item.kind === 'word') continue; // "на очень высоком уровне"
    return undefined;
  }
  return undefined;
}

function government(items: Item[]): void {
  items.forEach((item, i) => {
    const cases = governedCases(item);
    if (cases.length === 0) return;
    if (quantifying.has(item.lemma) && isQuantity(items[i + 1]) && item.lemma !== 'до') return;
    const np = phraseAfter(items, i + 1);
    if (!np) return;
    const head = items[np.head] as Item;
    // The case the head and most of its modifiers can share; the preposition's first case breaks ties.
    let best: { c: Case; score: number } | undefined;
    for (const c of cases) {
      if (!canBe(head, (g) => caseOf(g) === c)) continue;
      // Ties go to the preposition's usual case: "в колонии" is "in the colony", not "to the colonies".
      const score = np.modifiers.filter((k) => canBe(items[k] as Item, (g) => caseOf(g) === c)).length + (c === cases[0] ? 0.6 : 0) + (head.case === c ? 0.5 : 0);
      if (!best || score > best.score) best = { c, score };
    }
    if (!best) return;
    const c = best.c;
    govern(items, np, c);
    // "в Москве, Казани и Сочи": phrases joined to it by commas and "и" share the case if they can take it.
    // A comma only joins when the list ends with "и" ("По словам министра, учения…" is not a list).
    const chain: { np: { modifiers: number[]; head: number }; comma: boolean }[] = [];
    let last = np.head;
    while (items[last + 1]?.source === ',' || (items[last + 1]?.lemma === 'и' && items[last + 1]?.cat === 'CONJ')) {
      const next = phraseAfter(items, last + 2);
      if (!next || !canBe(items[next.head] as Item, (g) => caseOf(g) === c)) break;
      chain.push({ np: next, comma: items[last + 1]?.source === ',' });
      last = next.head;
    }
    const endsWithAnd = chain.length > 0 && chain[chain.length - 1]?.comma === false;
    for (const link of chain) {
      if (link.comma && !endsWithAnd) break;
      govern(items, link.np, c);
    }
  });
}

function govern(items: Item[], np: { modifiers: number[]; head: number }, c: Case): void {
  const headGram = reread(items, np.head, (g) => caseOf(g) === c);
  items[np.head] = { ...(items[np.head] as Item), governed: true };
  for (const k of np.modifiers) {
    reread(items, k, (g) => caseOf(g) === c && (!headGram || agreeing(g, headGram)));
    items[k] = { ...(items[k] as Item), governed: true };
  }
}

/** "военного ведомства": a word read as a noun that agrees with the noun right after it is that noun's adjective. */
function adjectivesBeforeNouns(items: Item[]): void {
  for (let i = items.length - 2; i >= 0; i--) {
    const item = items[i] as Item;
    const next = items[i + 1] as Item;
    if (item.cat !== 'NOUN' || item.kind !== 'word' || !nominal(next) || next.cat === 'PRON' || next.spaceBefore === '') continue;
    const adjective = item.alternatives?.find(
      (a) => (a.cat === 'ADJ' || a.cat === 'PRTF') && a.entry && !a.parse.grammemes.has('Apro') && agreeing(a.parse.grammemes, next.gram),
    );
    if (adjective) items[i] = withChoice(item, adjective);
  }
}

/** Modifiers and their noun agree: the noun's reading follows its modifiers unless a preposition fixed it. */
function agreement(items: Item[]): void {
  items.forEach((head, h) => {
    if (!nominal(head) || head.cat === 'PRON') return;
    const modifiers: number[] = [];
    for (let k = h - 1; k >= 0 && modifierLike(items[k]) && items[k]?.kind !== 'number'; k--) modifiers.push(k);
    if (modifiers.length === 0) return;
    const fits = (g: ReadonlySet<string>) => modifiers.every((k) => canBe(items[k] as Item, (m) => agreeing(m, g)));
    if (!fits(head.gram) && !head.governed) reread(items, h, fits);
    const headGram = (items[h] as Item).gram;
    for (const k of modifiers) {
      const m = items[k] as Item;
      if (!agreeing(m.gram, headGram)) reread(items, k, (g) => agreeing(g, headGram));
    }
  });
}
