import { clausesOf, isPredicate } from './clauses.js';
import type { Choice, Item } from './item.js';
import type { Case } from './lexicon.js';
import { agreeing, caseOf, fromParse, prepositionCases } from './readings.js';

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
  for (const clause of clausesOf(out)) subjects(out, clause.indices);
  return out;
}

/** Cases a preposition (or a phrase acting as one) allows, most usual first. */
function governedCases(item: Item): Case[] {
  if (item.cat !== 'PREP') return [];
  if (item.kind === 'phrase') return (item.entry?.forms.get('gov')?.split(',') ?? []) as Case[];
  return prepositionCases(item.entry);
}

const nominal = (item: Item | undefined) => item !== undefined && (item.cat === 'NOUN' || item.cat === 'PRON') && item.kind !== 'number';
const modifierLike = (item: Item | undefined) =>
  item !== undefined && (item.cat === 'ADJ' || item.cat === 'PRTF' || item.cat === 'NUM') && item.kind !== 'phrase';

/** The noun phrase after index `from`: its modifiers (and adverbs among them) and its head, or undefined. */
function phraseAfter(items: readonly Item[], from: number): { modifiers: number[]; head: number } | undefined {
  const modifiers: number[] = [];
  for (let k = from; k < items.length; k++) {
    const item = items[k];
    if (!item) return undefined;
    if (nominal(item)) return { modifiers, head: k };
    if (modifierLike(item)) {
      if (item.kind !== 'number') modifiers.push(k);
      continue;
    }
    if (item.cat === 'ADV' && item.kind === 'word') continue; // "на очень высоком уровне"
    return undefined;
  }
  return undefined;
}

/** Prepositions that only quantify a number after them: "около 20 тысяч жителей" (about 20,000 residents). */
export const quantifying = new Set(['около', 'свыше', 'более', 'менее', 'порядка', 'почти', 'примерно', 'до']);

function government(items: Item[]): void {
  items.forEach((item, i) => {
    const cases = governedCases(item);
    if (cases.length === 0) return;
    if (quantifying.has(item.lemma) && items[i + 1]?.kind === 'number' && item.lemma !== 'до') return;
    const np = phraseAfter(items, i + 1);
    if (!np) return;
    const head = items[np.head] as Item;
    // The case the head and most of its modifiers can share; the preposition's first case breaks ties.
    let best: { c: Case; score: number } | undefined;
    for (const c of cases) {
      if (!canBe(head, (g) => caseOf(g) === c)) continue;
      const score = np.modifiers.filter((k) => canBe(items[k] as Item, (g) => caseOf(g) === c)).length + (head.case === c ? 0.5 : 0);
      if (!best || score > best.score) best = { c, score };
    }
    if (!best) return;
    const c = best.c;
    const headGram = reread(items, np.head, (g) => caseOf(g) === c);
    items[np.head] = { ...(items[np.head] as Item), governed: true };
    for (const k of np.modifiers) {
      reread(items, k, (g) => caseOf(g) === c && (!headGram || agreeing(g, headGram)));
      items[k] = { ...(items[k] as Item), governed: true };
    }
  });
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

function subjects(items: Item[], clause: readonly number[]): void {
  const verbAt = clause.find((i) => isPredicate(items[i]));
  if (verbAt === undefined) return;
  const verb = items[verbAt] as Item;
  const heads = clause.filter((i) => nominal(items[i]) && !(items[i] as Item).governed && !afterPreposition(items, i));
  const fitsVerb = (i: number, g: ReadonlySet<string>) => caseOf(g) === 'nomn' && agreesWithVerb(g, verb.gram, coordinated(items, i), items[i] as Item);
  let subject = heads.find((i) => fitsVerb(i, (items[i] as Item).gram) && !inGenitiveSlot(items, i));
  if (subject === undefined) {
    // Nearest to the verb first, before it first: "переговоры провели министры" is decided by agreement, not position.
    const order = [...heads].sort((a, b) => Math.abs(a - verbAt) - Math.abs(b - verbAt) || a - b);
    subject = order.find((i) => !inGenitiveSlot(items, i) && canBe(items[i] as Item, (g) => fitsVerb(i, g)));
    if (subject !== undefined) {
      const g = reread(items, subject, (gram) => fitsVerb(subject as number, gram));
      if (g) agreeModifiers(items, subject, g);
    }
  }
  if (subject === undefined) subject = countedSubject(items, clause, verbAt);
  if (subject === undefined) return;
  items[subject] = { ...(items[subject] as Item), role: 'subject' };
  const subjectItem = items[subject] as Item;
  // "300 тыс. рублей выделено", "США являются": the English verb agrees with the English subject.
  const englishPlural = counted(items, subject) ? true : isProperPlural(subjectItem) ? false : undefined;
  if (englishPlural !== undefined) items[verbAt] = { ...verb, subjectNumber: englishPlural ? 'plur' : 'sing' };
  const transitive = verb.cat === 'VERB' && !verb.gram.has('intr') && verb.entry?.flags.has('passive') !== true;
  for (const i of heads) {
    const item = items[i] as Item;
    if (i === subject || item.case !== 'nomn' || isCoordinatedWith(items, i, subject)) continue;
    if (apposition(items, i, subject)) continue;
    // A noun after a noun is its genitive: "в министерстве обороны республики прошли переговоры".
    if (inGenitiveSlot(items, i) || items[i - 1]?.cat === 'NOUN') {
      const g = reread(items, i, (gram) => caseOf(gram) === 'gent');
      if (g) agreeModifiers(items, i, g);
      continue;
    }
    // The subject found elsewhere, a nominative-looking noun phrase is the object: "этот вопрос обсудили министры".
    if (transitive) {
      const g = reread(items, i, (gram) => caseOf(gram) === 'accs');
      if (g) agreeModifiers(items, i, g);
    }
  }
}

/** "более 40 мероприятий", "12 новых школ", "пять человек": a noun counted by a number before it. */
function counted(items: readonly Item[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && modifierLike(items[k]) && items[k]?.kind !== 'number' && items[k]?.cat !== 'NUM') k--;
  const before = items[k];
  if (!before) return false;
  if (before.kind === 'number') return before.numberKind === 'amount' && before.value !== 1;
  return before.cat === 'NUM' && before.lemma !== 'один';
}

/** With no nominative subject, a counted genitive is the subject: "в Москве откроются 12 новых школ". */
function countedSubject(items: readonly Item[], clause: readonly number[], verbAt: number): number | undefined {
  return clause.find((i) => {
    const item = items[i] as Item;
    return nominal(item) && item.cat === 'NOUN' && item.case === 'gent' && !item.governed && !afterPreposition(items, i) && counted(items, i) && i !== verbAt;
  });
}

/** США, Нидерланды: plural in Russian, a singular name in English. */
function isProperPlural(item: Item): boolean {
  return item.gram.has('plur') && /^(the )?[A-Z]/.test(item.entry?.english ?? '');
}

function afterPreposition(items: readonly Item[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const item = items[k] as Item;
    if (item.cat === 'PREP') return !(quantifying.has(item.lemma) && items[k + 1]?.kind === 'number' && item.lemma !== 'до');
    if (!modifierLike(item) && !(item.cat === 'ADV' && item.kind === 'word')) return false;
  }
  return false;
}

/** Right after another noun (past its own modifiers), in a form that can be genitive: where Russian puts a genitive. */
function inGenitiveSlot(items: readonly Item[], i: number): boolean {
  if (!canBe(items[i] as Item, (g) => caseOf(g) === 'gent')) return false;
  let k = i - 1;
  while (k >= 0 && modifierLike(items[k]) && items[k]?.kind !== 'number') k--;
  const before = items[k];
  return before !== undefined && before.cat === 'NOUN' && before.kind !== 'number' && before.kind !== 'name' && items[k + 1]?.spaceBefore !== '';
}

/** "министр Лавров", "глава МИД Сергей Лавров": a name right after the subject noun is the same person. */
function apposition(items: readonly Item[], i: number, subject: number): boolean {
  const item = items[i] as Item;
  if (item.kind !== 'name' && item.kind !== 'term') return false;
  for (let k = i - 1; k >= subject; k--) {
    const between = items[k] as Item;
    if (k === subject) return true;
    if (between.cat !== 'NOUN' && !modifierLike(between)) return false;
  }
  return false;
}

/** "Россия и Китай": nominal items joined by "и" form one plural subject. */
function coordinated(items: readonly Item[], i: number): boolean {
  for (let k = i + 1; k < items.length; k++) {
    const item = items[k] as Item;
    if (item.lemma === 'и' && item.cat === 'CONJ') return true;
    if (!nominal(item) && !modifierLike(item)) break;
  }
  for (let k = i - 1; k >= 0; k--) {
    const item = items[k] as Item;
    if (item.lemma === 'и' && item.cat === 'CONJ') return true;
    if (!nominal(item) && !modifierLike(item)) break;
  }
  return false;
}

function isCoordinatedWith(items: readonly Item[], i: number, subject: number): boolean {
  const [a, b] = i < subject ? [i, subject] : [subject, i];
  for (let k = a + 1; k < b; k++) {
    const item = items[k] as Item;
    if (item.lemma === 'и' && item.cat === 'CONJ') return true;
    if (!nominal(item) && !modifierLike(item)) return false;
  }
  return false;
}

const genders = ['masc', 'femn', 'neut'];

/** Number, person and (past singular) gender agreement between a subject reading and its verb. */
function agreesWithVerb(noun: ReadonlySet<string>, verb: ReadonlySet<string>, coordinatedSubject: boolean, item: Item): boolean {
  const plural = noun.has('plur') || coordinatedSubject;
  if (verb.has('plur') !== plural && (verb.has('plur') || verb.has('sing'))) return false;
  if (verb.has('1per') || verb.has('2per')) return (verb.has('1per') && noun.has('1per')) || (verb.has('2per') && noun.has('2per'));
  if (item.cat === 'PRON' && (noun.has('1per') || noun.has('2per')) && (verb.has('3per'))) return false;
  if (!plural) {
    const gv = genders.find((g) => verb.has(g));
    const gn = genders.find((g) => noun.has(g));
    if (gv && gn && gv !== gn && !noun.has('Ms-f') && !noun.has('GNdr')) return false;
  }
  return true;
}

/** Whether some reading of the item satisfies the test. Items without alternatives only have their own. */
function canBe(item: Item, test: (g: ReadonlySet<string>) => boolean): boolean {
  if (test(item.gram)) return true;
  return (item.alternatives ?? []).some((a) => sameWord(item, a) && test(gramOf(a)));
}

/** Switches the item to its best reading satisfying the test (same lemma first); returns the new grammemes. */
function reread(items: Item[], i: number, test: (g: ReadonlySet<string>) => boolean): ReadonlySet<string> | undefined {
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

function agreeModifiers(items: Item[], head: number, headGram: ReadonlySet<string>): void {
  for (let k = head - 1; k >= 0 && modifierLike(items[k]) && items[k]?.kind !== 'number'; k--) {
    if (!agreeing((items[k] as Item).gram, headGram)) reread(items, k, (g) => agreeing(g, headGram));
  }
}

/** Alternatives of the same part of speech and lemma are preferred; a different lemma must still be in the lexicon. */
function rank(item: Item, a: Choice): number {
  return (a.cat === item.cat ? 2 : 0) + (a.entry === item.entry ? 1 : 0) + a.parse.score;
}

function sameWord(item: Item, a: Choice): boolean {
  return item.kind === 'name' || a.entry !== undefined;
}

const gramCache = new WeakMap<Choice, ReadonlySet<string>>();

/** A reading's grammemes with its case normalised, as items carry them. */
function gramOf(a: Choice): ReadonlySet<string> {
  let g = gramCache.get(a);
  if (!g) {
    g = fromParse(a.parse).gram;
    gramCache.set(a, g);
  }
  return g;
}

/** The item with another reading; names keep their English and lemma, only their grammar changes. */
function withChoice(item: Item, a: Choice): Item {
  const grammar = fromParse(a.parse);
  if (item.kind === 'name') return { ...item, gram: grammar.gram, case: grammar.case };
  const caseOptions = new Set<Case>();
  for (const other of item.alternatives ?? []) {
    const c = other.parse.lemma === a.parse.lemma ? caseOf(other.parse.grammemes) : undefined;
    if (c) caseOptions.add(c);
  }
  return { ...item, ...grammar, caseOptions, cat: a.cat, entry: a.entry };
}
