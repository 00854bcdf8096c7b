import type { Morphology, Parse } from '../../morphology/morph.js';
import { pastOf } from './english.js';
import type { Cat, Choice, Unit } from './item.js';
import { type Case, type LexEntry, type Lexicon, type LexPos, fold, isCase } from './lexicon.js';

export const personTags = ['Name', 'Surn', 'Patr'];
const placeTags = ['Geox', 'Orgn'];
const functionPos = new Set<LexPos>(['ADV', 'CONJ', 'PRCL', 'INTJ', 'PREP', 'PRON', 'NUM']);
const genders = ['masc', 'femn', 'neut'];

/**
 * English verbs that are used without an object for the Russian reflexive: "цены снизились" → "prices fell",
 * not "were lowered". Other reflexives missing from the lexicon become passives of their base verb.
 */
const ergative = new Set([
  'increase', 'decrease', 'reduce', 'grow', 'rise', 'fall', 'drop', 'decline', 'change', 'begin', 'start', 'end', 'finish',
  'open', 'close', 'continue', 'improve', 'develop', 'stop', 'move', 'return', 'gather', 'unite', 'turn', 'worsen',
  'expand', 'shrink', 'slow', 'accelerate', 'strengthen', 'weaken', 'stabilize', 'recover', 'resume', 'complete',
  'conclude', 'double', 'triple', 'spread', 'break', 'burn', 'collapse', 'intensify', 'ease', 'narrow', 'widen',
]);

export const blank = {
  gram: new Set<string>(),
  caseOptions: new Set<Case>(),
  lemma: '',
} satisfies Partial<Unit>;

/** az's readings of a word; for a few odd hyphenated forms (и-У) it gives a reading without a lemma, which is dropped. */
export function readings(morph: Morphology, word: string): readonly Parse[] {
  return morph.parse(word).filter((p) => typeof p.lemma === 'string');
}

export function dropAbbreviations(parses: readonly Parse[]): readonly Parse[] {
  const full = parses.filter((p) => !p.grammemes.has('Abbr'));
  return full.length > 0 ? full : parses;
}

export function isPerson(p: Parse): boolean {
  return p.pos === 'NOUN' && personTags.some((t) => p.grammemes.has(t));
}

export function isPlace(p: Parse): boolean {
  return placeTags.some((t) => p.grammemes.has(t));
}

/** Every case the readings of one lemma allow. */
export function casesOf(parses: readonly Parse[], lemma: string): Set<Case> {
  const found = new Set<Case>();
  for (const p of parses) {
    const c = p.lemma === lemma ? caseOf(p.grammemes) : undefined;
    if (c) found.add(c);
  }
  return found;
}

/** Grammar fields of an item from a reading (or empty ones). */
export function fromParse(parse: Parse | undefined): Pick<Unit, 'gram' | 'case' | 'caseOptions' | 'lemma' | 'animate'> {
  if (!parse) return { ...blank };
  const gram = new Set(parse.grammemes);
  const c = caseOf(parse.grammemes);
  if (c) gram.add(c);
  return {
    gram,
    case: c,
    caseOptions: new Set(c ? [c] : []),
    lemma: fold(parse.lemma),
    animate: parse.grammemes.has('anim'),
  };
}

const caseAliases: Record<string, Case> = { loc2: 'loct', loc1: 'loct', gen2: 'gent', gen1: 'gent', acc2: 'accs', voct: 'nomn' };

export function caseOf(grammemes: ReadonlySet<string>): Case | undefined {
  for (const g of grammemes) {
    if (isCase(g)) return g;
    const alias = caseAliases[g];
    if (alias) return alias;
  }
  return undefined;
}

export function catOf(parse: Parse): Cat {
  switch (parse.pos) {
    case 'NOUN': case 'VERB': case 'INFN': case 'PRTF': case 'PRTS': case 'GRND': case 'ADJS': case 'COMP':
    case 'PREP': case 'CONJ': case 'PRCL': case 'INTJ':
      return parse.pos;
    case 'ADJF': return 'ADJ';
    case 'NUMR': return 'NUM';
    case 'NPRO': return 'PRON';
    default: return 'ADV'; // ADVB, PRED and anything az adds later
  }
}

export function lexPosOf(cat: Cat): LexPos {
  switch (cat) {
    case 'ADJ': case 'ADJS': case 'COMP': return 'ADJ';
    case 'VERB': case 'INFN': case 'PRTF': case 'PRTS': case 'GRND': return 'VERB';
    case 'PUNCT': return 'PRCL';
    default: return cat;
  }
}

export function catOfPos(pos: LexPos): Cat {
  return pos === 'PHRASE' ? 'ADV' : pos;
}

/** Same case, number and (in the singular) gender: a modifier fits this noun or adjective. */
export function agreeing(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (caseOf(a) !== caseOf(b)) return false;
  const plural = a.has('plur');
  if (plural !== b.has('plur')) return false;
  if (plural) return true;
  const g1 = genders.find((g) => a.has(g));
  const g2 = genders.find((g) => b.has(g));
  // Common-gender nouns (ms-f: коллега, глава) agree with either.
  if (b.has('Ms-f') || a.has('Ms-f')) return true;
  return !g1 || !g2 || g1 === g2;
}

const derived = new WeakMap<LexEntry, LexEntry>();

/** The lexicon entry for a reading; reflexive verbs missing from the lexicon come from their base verb. */
export function entryFor(parse: Parse, lexicon: Lexicon): { entry: LexEntry; cat: Cat } | undefined {
  const cat = catOf(parse);
  const pos = lexPosOf(cat);
  const lemma = fold(parse.lemma);
  // az files ordinals under their cardinal (первый → один, второй → два): the NUM row names the ordinal.
  if (parse.grammemes.has('Anum')) {
    const numeral = lexicon.lookup(lemma, 'NUM');
    const ordinal = numeral?.forms.get('ordinal');
    if (numeral && ordinal) return { entry: memo(numeral, () => ({ ...numeral, pos: 'ADJ', english: ordinal, forms: new Map(), flags: new Set(['ordinal']) })), cat };
  }
  const exact = lexicon.lookup(lemma, pos);
  if (exact) return { entry: exact, cat };
  const any = lexicon.lookup(lemma);
  if (any && functionPos.has(pos) && functionPos.has(any.pos)) return { entry: any, cat: catOfPos(any.pos) };
  if (pos === 'VERB' && /(ся|сь)$/.test(lemma)) {
    const base = lexicon.lookup(lemma.slice(0, -2), 'VERB');
    if (base) return { entry: memo(base, () => reflexiveOf(base)), cat };
  }
  return undefined;
}

/** Derived entries are made once per lexicon entry, so items can be compared by entry. */
function memo(base: LexEntry, make: () => LexEntry): LexEntry {
  let entry = derived.get(base);
  if (!entry) {
    entry = make();
    derived.set(base, entry);
  }
  return entry;
}

/** "увеличиться" from "увеличить: increase" → "increase" (intransitive); "обсуждаться" from "обсуждать: discuss" → "be discussed". */
function reflexiveOf(base: LexEntry): LexEntry {
  const space = base.english.indexOf(' ');
  const head = space < 0 ? base.english : base.english.slice(0, space);
  if (ergative.has(head)) return { ...base, flags: new Set([...base.flags, 'intr']), note: 'intransitive use of the base verb' };
  const rest = space < 0 ? '' : base.english.slice(space);
  const participle = base.forms.get('participle') ?? base.forms.get('past') ?? pastOf(head);
  return { ...base, english: `be ${participle}${rest}`, forms: new Map(), flags: new Set(['passive']), note: 'passive of the base verb' };
}

/** Cases a preposition takes, from the case keys of its lexicon row, most usual first. */
export function prepositionCases(entry: LexEntry | undefined): Case[] {
  if (!entry) return [];
  return [...entry.forms.keys()].filter(isCase);
}

/** Every reading of a word with its lexicon entry; cached per word form, since news repeats its words. */
export function choicesOf(parses: readonly Parse[], lexicon: Lexicon): Choice[] {
  return parses.map((parse) => {
    const found = entryFor(parse, lexicon);
    return { parse, entry: found?.entry, cat: found?.cat ?? catOf(parse) };
  });
}
