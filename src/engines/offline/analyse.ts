import type { Morphology, Parse } from '../../morphology/morph.js';
import type { TermHit } from '../engine.js';
import { pastOf } from './english.js';
import { type Case, type LexEntry, type Lexicon, type LexPos, type Phrase, fold, isCase } from './lexicon.js';
import { type NumberKind, matchNumber } from './numbers.js';
import { type Token, tokenize } from './tokenize.js';
import { capitalise, hasCyrillic, transliterate } from './transliterate.js';

/** What an item does in the sentence: OpenCorpora's classes, merged where English does not care. */
export type Cat =
  | 'NOUN' | 'ADJ' | 'ADJS' | 'COMP' | 'VERB' | 'INFN' | 'PRTF' | 'PRTS' | 'GRND'
  | 'ADV' | 'PREP' | 'CONJ' | 'PRCL' | 'PRON' | 'NUM' | 'INTJ' | 'PUNCT';

/** One unit of the source with everything generation needs: a word, a phrase, a term, a number or punctuation. */
export interface Item {
  kind: 'word' | 'phrase' | 'term' | 'name' | 'unknown' | 'foreign' | 'number' | 'punct';
  cat: Cat;
  source: string;
  /** Whitespace before the item in the source: '', ' ' or a line break. */
  spaceBefore: string;
  /** Grammemes of the chosen reading, with case normalised (loc2 → loct, gen2 → gent, acc2 → accs). */
  gram: ReadonlySet<string>;
  /** Case of the chosen reading, if it has one. */
  case?: Case;
  /** Every case the word form could be in: lets an adjective join the noun it agrees with. */
  caseOptions: ReadonlySet<Case>;
  /** Folded lemma of the chosen reading ('' for terms, numbers, punctuation). */
  lemma: string;
  entry?: LexEntry;
  /** English decided during analysis: glossary targets, names, numbers, transliterations, foreign words. */
  fixed?: string;
  numberKind?: NumberKind;
  value?: number;
  /** A person's name or a glossary term: no "of" between it and an animate noun before it (apposition). */
  person?: boolean;
  animate?: boolean;
  /** Written with a capital in the middle of a sentence: part of a proper name. */
  capitalised?: boolean;
  /** Written in capitals (a dateline's БАКУ), not as an abbreviation: the English is too. */
  upper?: boolean;
}

export interface Analysis {
  items: Item[];
  /** Source words that were neither in the lexicon nor names, in order of first appearance. */
  unknownWords: string[];
}

type SourceToken = Token | { kind: 'term'; text: string; start: number; end: number; target: string };

const personTags = ['Name', 'Surn', 'Patr'];
const placeTags = ['Geox', 'Orgn'];
const sentenceEnd = /^[.!?…]+$/;
const functionPos = new Set<LexPos>(['ADV', 'CONJ', 'PRCL', 'INTJ', 'PREP', 'PRON', 'NUM']);
const possessives = new Set(['его', 'ее', 'их']);

export function analyse(text: string, terms: readonly TermHit[], morph: Morphology, lexicon: Lexicon): Analysis {
  const tokens = withTerms(text, terms);
  const phrases = phraseIndex(lexicon, morph);
  const items: Item[] = [];
  const unknownWords: string[] = [];
  let space = '';
  let sentenceStart = true;
  /** Cases the last preposition allows, until its noun phrase ends. */
  let govern: ReadonlySet<string> | undefined;

  const push = (item: Omit<Item, 'spaceBefore'>) => {
    items.push({ ...item, spaceBefore: space });
    space = '';
  };

  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i];
    if (!token) break;
    const prev = items[items.length - 1];
    if (token.kind === 'space') {
      space = token.text.includes('\n') ? token.text.replace(/[^\n]/g, '') : ' ';
      i++;
      continue;
    }
    if (token.kind === 'term') {
      const head = firstWordParse(token.text, morph);
      push({ ...fromParse(head), kind: 'term', cat: 'NOUN', source: token.text, fixed: token.target, person: true, lemma: '' });
      govern = undefined;
      sentenceStart = false;
      i++;
      continue;
    }
    if (token.kind === 'number' || token.kind === 'ordinal') {
      const m = matchNumber(tokens as Token[], i);
      if (m) {
        const source = tokens.slice(i, i + m.length).map((t) => t.text).join('');
        const cat: Cat = m.kind === 'ordinal' ? 'ADJ' : m.kind === 'amount' ? 'NUM' : 'NOUN';
        push({ ...blank, kind: 'number', cat, source, fixed: m.english, numberKind: m.kind, value: m.value, case: m.case });
        if (m.kind !== 'amount' && m.kind !== 'ordinal') govern = undefined;
        sentenceStart = false;
        i += m.length;
        continue;
      }
    }
    if (token.kind === 'punct' || token.kind === 'number' || token.kind === 'ordinal') {
      push({ ...blank, kind: 'punct', cat: 'PUNCT', source: token.text });
      if (sentenceEnd.test(token.text)) sentenceStart = true;
      if (!/^["«„“(]$/.test(token.text)) govern = undefined;
      i++;
      continue;
    }

    // A word: phrases first (longest), then the word alone.
    const phrase = matchPhrase(tokens, i, phrases, morph);
    if (phrase) {
      push(phraseItem(phrase.phrase, phrase.parses, tokens.slice(i, i + phrase.length)));
      govern = phraseGovern(phrase.phrase);
      sentenceStart = false;
      i += phrase.length;
      continue;
    }

    const word = token.text;
    const next = nextWord(tokens, i);
    const ctx: Context = {
      govern,
      afterNoun: !govern && prev?.cat === 'NOUN' && prev.kind !== 'number',
      afterVerb:
        govern || !prev || !(verbal.has(prev.cat) || prev.cat === 'PRTS') ? undefined
        : prev.gram.has('intr') || prev.cat === 'PRTS' ? 'intr' // a passive takes no object: what follows is its subject
        : 'tran',
      next: next === undefined ? [] : readings(morph, next),
      modifier: prev && (prev.cat === 'ADJ' || prev.cat === 'PRTF') && prev.kind === 'word' ? prev.gram : undefined,
      sentenceStart,
    };
    const item = analyseWord(word, ctx, morph, lexicon);
    if (item.kind === 'unknown' && !unknownWords.includes(word)) unknownWords.push(word);
    push(item);
    sentenceStart = false;
    if (item.cat === 'PREP') govern = new Set(prepositionCases(item.entry));
    else if (!['ADJ', 'PRTF', 'NUM', 'ADV'].includes(item.cat)) govern = undefined;
    i++;
  }
  return { items, unknownWords };
}

interface Context {
  govern: ReadonlySet<string> | undefined;
  afterNoun: boolean;
  /** Right after a verb: a transitive one takes an accusative object, after an intransitive one a noun is its subject. */
  afterVerb: 'tran' | 'intr' | undefined;
  /** Readings of the next word, for determiners that must agree with it. */
  next: readonly Parse[];
  /** Grammemes of the adjective or participle right before, for the noun that must agree with it. */
  modifier: ReadonlySet<string> | undefined;
  sentenceStart: boolean;
}

const verbal = new Set<Cat>(['VERB', 'INFN', 'GRND', 'PRTF']);

const blank = {
  gram: new Set<string>(),
  caseOptions: new Set<Case>(),
  lemma: '',
} satisfies Partial<Item>;

function analyseWord(word: string, ctx: Context, morph: Morphology, lexicon: Lexicon): Omit<Item, 'spaceBefore'> {
  if (!hasCyrillic(word)) return { ...blank, kind: 'foreign', cat: 'NOUN', source: word, fixed: word };
  const letters = [...word].filter((c) => c.toLowerCase() !== c.toUpperCase());
  const allCaps = letters.length > 1 && letters.every((c) => c === c.toUpperCase());
  const titled = word.charAt(0) !== word.charAt(0).toLowerCase();

  // Abbreviations (США, МИД, НАТО) are looked up as written; other capitals (БАКУ) are parsed title-cased.
  const abbreviation = allCaps && (letters.length <= 3 || readings(morph, word).some((p) => p.grammemes.has('Abbr')));
  if (abbreviation) {
    const entry = lexicon.lookup(fold(word));
    const reading = choose(readings(morph, word).filter((p) => p.grammemes.has('Abbr')), ctx, lexicon)?.parse;
    // A long word in capitals that the lexicon spells in lower case is a shouted word (БАКУ in a dateline).
    const upper = letters.length >= 4 && entry !== undefined && /\p{Ll}/u.test(entry.english) && !/^the /.test(entry.english);
    if (entry) return { ...fromParse(reading), kind: 'word', cat: catOfPos(entry.pos), source: word, lemma: fold(word), entry, upper };
  }
  const parses = readings(morph, allCaps ? capitalise(word.toLowerCase()) : word);
  const usable = allCaps ? parses : dropAbbreviations(parses); // В, С at a sentence start are prepositions, not век, секунда
  const lexical = choose(usable, ctx, lexicon);

  if (titled && isName(parses, lexical, ctx.sentenceStart)) {
    const people = parses.filter(isPerson);
    return nameItem(word, people.length > 0 ? people : parses, ctx, lexicon, allCaps && !abbreviation);
  }
  // az reads only the last part of some compounds (российско-азербайджанские → азербайджанский).
  const partial = word.includes('-') && lexical !== undefined && !lexical.parse.lemma.includes('-');
  if (partial) return compound(word, morph, lexicon) ?? unknownItem(word, lexical?.parse);
  if (lexical?.entry) {
    return {
      ...fromParse(lexical.parse),
      caseOptions: casesOf(usable, lexical.parse.lemma),
      kind: 'word',
      cat: lexical.cat,
      source: word,
      entry: lexical.entry,
      capitalised: titled && !ctx.sentenceStart,
      upper: allCaps && !abbreviation,
    };
  }
  return (word.includes('-') ? compound(word, morph, lexicon) : undefined) ?? unknownItem(word, lexical?.parse);
}

/** A word neither the lexicon nor the name rules know: kept transliterated, its grammar still used. */
function unknownItem(word: string, best: Parse | undefined): Omit<Item, 'spaceBefore'> {
  return { ...fromParse(best), kind: 'unknown', cat: best ? catOf(best) : 'NOUN', source: word, fixed: transliterate(word) };
}

interface Choice {
  parse: Parse;
  entry: LexEntry | undefined;
  cat: Cat;
}

/**
 * Whether a capitalised word is a name. In mid-sentence a person reading wins over the lexicon
 * (Медведев is not a bear) unless the lexicon knows the word as a place; anything unknown is a name.
 * At the start of a sentence the capital says nothing, so a common word the lexicon knows wins.
 */
function isName(parses: readonly Parse[], lexical: Choice | undefined, sentenceStart: boolean): boolean {
  const known = lexical?.entry !== undefined;
  const knownAsPerson = known && isPerson(lexical.parse);
  const knownAsPlace = known && isPlace(lexical.parse);
  const personReading = parses.some(isPerson);
  if (sentenceStart) {
    if (known && !knownAsPerson) return false;
    return personReading || parses.some(isPlace);
  }
  if (personReading && !knownAsPlace) return true;
  return !known;
}

/** The reading that best fits the context, preferring readings the lexicon knows. Ties keep az's order. */
function choose(parses: readonly Parse[], ctx: Context, lexicon: Lexicon): Choice | undefined {
  let best: Choice | undefined;
  let bestScore = -Infinity;
  for (const parse of parses) {
    const found = entryFor(parse, lexicon);
    const c = caseOf(parse.grammemes);
    let score = parse.score + (found ? 1 : 0);
    if (found && parse.grammemes.has('Pltm')) score += 0.1; // выборы (elections) over выбор (choice)
    if (ctx.govern && c) score += ctx.govern.has(c) ? 2 : -1;
    if (!ctx.govern && ctx.afterNoun && c === 'gent') score += 0.5;
    if (!ctx.govern && ctx.afterVerb === 'tran' && c === 'accs') score += 0.6;
    if (!ctx.govern && ctx.afterVerb === 'intr' && c === 'nomn') score += 0.3;
    if (ctx.sentenceStart && c === 'nomn') score += 1; // a sentence rarely opens with a bare genitive
    // A noun right before a finite verb that agrees with it is its subject: "стороны обсудили" (not "of the side").
    const verb = ctx.next[0]?.pos === 'VERB' ? ctx.next[0] : undefined;
    if (verb && c === 'nomn' && (parse.pos === 'NOUN' || parse.pos === 'ADJF') && !ctx.govern) {
      if (verb.grammemes.has('plur') === parse.grammemes.has('plur')) score += 2;
    }
    // An adjective agreeing with the next noun modifies it: "военного сотрудничества" (not "of the serviceman");
    // one that agrees with nothing is more likely a noun: "с командующими округов" (with the commanders).
    if ((parse.pos === 'ADJF' || parse.pos === 'PRTF') && !parse.grammemes.has('Apro')) {
      score += ctx.next.some((n) => n.pos === 'NOUN' && agree(parse, n)) ? 0.8 : -0.4;
    }
    // A noun agreeing with the adjective before it: "совместные учения" (plural, not "of the exercise").
    if (parse.pos === 'NOUN' && ctx.modifier && agreeing(ctx.modifier, parse.grammemes)) score += 0.8;
    if (parse.pos === 'ADJF' && parse.grammemes.has('Apro')) {
      // этот/его/их before a noun they agree with are determiners; otherwise это, его, их are pronouns.
      const fixed = parse.grammemes.has('Fixd'); // его, её, их do not agree: any noun or adjective after them will do
      const agrees = ctx.next.some((n) => (n.pos === 'NOUN' || n.pos === 'ADJF') && (fixed || agree(parse, n)));
      score += (agrees ? 0.6 : -0.6) * (possessives.has(fold(parse.lemma)) ? 2 : 1);
    }
    if (score > bestScore) {
      bestScore = score;
      best = { parse, entry: found?.entry, cat: found?.cat ?? catOf(parse) };
    }
  }
  return best;
}

/** Same case, number and (in the singular) gender: a modifier fits this noun or adjective. */
function agree(modifier: Parse, word: Parse): boolean {
  return agreeing(modifier.grammemes, word.grammemes);
}

function agreeing(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (caseOf(a) !== caseOf(b)) return false;
  const plural = a.has('plur');
  if (plural !== b.has('plur')) return false;
  if (plural) return true;
  const g1 = genders.find((g) => a.has(g));
  const g2 = genders.find((g) => b.has(g));
  return !g1 || !g2 || g1 === g2;
}

const genders = ['masc', 'femn', 'neut'];

/** The lexicon entry for a reading; reflexive verbs missing from the lexicon become passives of their base verb. */
function entryFor(parse: Parse, lexicon: Lexicon): { entry: LexEntry; cat: Cat } | undefined {
  const cat = catOf(parse);
  const pos = lexPosOf(cat);
  const lemma = fold(parse.lemma);
  // az files ordinals under their cardinal (первый → один, второй → два): the NUM row names the ordinal.
  if (parse.grammemes.has('Anum')) {
    const numeral = lexicon.lookup(lemma, 'NUM');
    const ordinal = numeral?.forms.get('ordinal');
    if (numeral && ordinal) return { entry: { ...numeral, pos: 'ADJ', english: ordinal, forms: new Map(), flags: new Set() }, cat };
  }
  const exact = lexicon.lookup(lemma, pos);
  if (exact) return { entry: exact, cat };
  const any = lexicon.lookup(lemma);
  if (any && functionPos.has(pos) && functionPos.has(any.pos)) return { entry: any, cat: catOfPos(any.pos) };
  if (pos === 'VERB' && /(ся|сь)$/.test(lemma)) {
    const base = lexicon.lookup(lemma.slice(0, -2), 'VERB');
    if (base) return { entry: passiveOf(base), cat };
  }
  return undefined;
}

/** "обсуждаться" from "обсуждать: discuss" → "be discussed". */
function passiveOf(base: LexEntry): LexEntry {
  const space = base.english.indexOf(' ');
  const head = space < 0 ? base.english : base.english.slice(0, space);
  const rest = space < 0 ? '' : base.english.slice(space);
  const participle = base.forms.get('participle') ?? base.forms.get('past') ?? pastOf(head);
  return { ...base, english: `be ${participle}${rest}`, forms: new Map(), flags: new Set(['passive']), note: 'passive of the base verb' };
}

/** A person or place missing from the glossary: its nominative, transliterated. */
function nameItem(word: string, parses: readonly Parse[], ctx: Context, lexicon: Lexicon, allCaps: boolean): Omit<Item, 'spaceBefore'> {
  const singular = parses.filter((p) => !p.grammemes.has('plur'));
  // Context decides between readings: "визит Алиева" (his, genitive) and "Алиева заявила" (hers, nominative).
  const fitting = choose(singular, ctx, lexicon)?.parse;
  // Only a singular name or place reading has a trustworthy lemma. Otherwise the word stays as written:
  // az's guesses for unknown capitalised words are not, and it misreads nominative surnames (Садыков → садык).
  let nominative = word;
  if (fitting && (personTags.some((t) => fitting.grammemes.has(t)) || isPlace(fitting))) {
    const female = fitting.grammemes.has('femn') && fitting.grammemes.has('Surn');
    nominative = (female ? fitting.inflect(['nomn', 'sing', 'femn']) : fitting.inflect(['nomn', 'sing'])) ?? fitting.lemma;
  }
  const source = allCaps ? nominative.toUpperCase() : capitalise(nominative.toLowerCase());
  const person = fitting ? personTags.some((t) => fitting.grammemes.has(t)) : /(ов|ев|ёв|ин|ын)$/i.test(word);
  const grammar = fitting ? fromParse(fitting) : { ...blank, gram: new Set(['sing', 'nomn']), case: 'nomn' as const, caseOptions: new Set<Case>(['nomn']) };
  return {
    ...grammar,
    kind: 'name',
    cat: 'NOUN',
    source: word,
    lemma: fold(nominative),
    fixed: transliterate(source),
    person,
  };
}

/**
 * Hyphenated words az does not know as a whole: российско-азербайджанские → Russian-Azerbaijani.
 * Leading parts ending in -о are read as adjectives (российско → российский), others are looked up as written
 * (экс → former); the last part is parsed for its grammar. Undefined when any part is unknown.
 */
function compound(word: string, morph: Morphology, lexicon: Lexicon): Omit<Item, 'spaceBefore'> | undefined {
  const parts = fold(word).split('-');
  const last = parts.pop() ?? '';
  // The lexicon may know the whole compound (торгово-экономический → trade and economic).
  for (const parse of readings(morph, last)) {
    const whole = lexicon.lookup([...parts, fold(parse.lemma)].join('-'), lexPosOf(catOf(parse)));
    if (whole) return { ...fromParse(parse), kind: 'word', cat: catOf(parse), source: word, entry: whole };
  }
  const english: string[] = [];
  for (const part of parts) {
    const stem = part.endsWith('о') ? part.slice(0, -1) : undefined;
    const entry =
      (stem !== undefined ? ['ий', 'ый', 'ой', 'кий'].map((end) => lexicon.lookup(stem + end, 'ADJ')).find(Boolean) : undefined) ??
      lexicon.lookup(part);
    if (!entry?.english) return undefined;
    english.push(entry.english);
  }
  for (const parse of readings(morph, last)) {
    const found = entryFor(parse, lexicon);
    if (!found?.entry.english) continue;
    const joined = found.cat === 'ADJ' ? [...english, found.entry.english].join('-') : [...english, found.entry.english].join(' ');
    return {
      ...fromParse(parse),
      kind: 'word',
      cat: found.cat,
      source: word,
      entry: { ...found.entry, english: joined, forms: found.cat === 'ADJ' ? new Map() : found.entry.forms },
    };
  }
  return undefined;
}

function phraseItem(phrase: Phrase, parses: readonly (Parse | undefined)[], tokens: readonly SourceToken[]): Omit<Item, 'spaceBefore'> {
  const source = tokens.map((t) => t.text).join('');
  const wanted = phrase.pos === 'VERB' ? ['VERB', 'INFN', 'GRND', 'PRTF', 'PRTS'] : phrase.pos === 'NOUN' ? ['NOUN'] : ['ADJF', 'NOUN'];
  const head = parses.find((p) => p && wanted.includes(p.pos));
  const cat: Cat =
    phrase.pos === 'PHRASE' ? (phrase.forms.has('gov') ? 'PREP' : 'ADV')
    : phrase.pos === 'VERB' ? (head ? catOf(head) : 'VERB')
    : catOfPos(phrase.pos);
  return { ...fromParse(phrase.pos === 'PHRASE' ? undefined : head), kind: 'phrase', cat, source, entry: phrase, lemma: phrase.lemma };
}

function phraseGovern(phrase: Phrase): ReadonlySet<string> | undefined {
  const gov = phrase.forms.get('gov');
  return gov ? new Set(gov.split(',')) : undefined;
}

interface PhraseIndex {
  byFirstWord: Map<string, Phrase[]>;
  /** For each phrase, the forms each of its words stands for: the word itself and, for NOUN/VERB/ADJ rows, its lemmas. */
  wordForms: Map<Phrase, ReadonlySet<string>[]>;
}

const phraseIndexes = new WeakMap<Lexicon, PhraseIndex>();

/** Phrases by every form their first word can take; built once per lexicon. */
function phraseIndex(lexicon: Lexicon, morph: Morphology): PhraseIndex {
  const known = phraseIndexes.get(lexicon);
  if (known) return known;
  const byFirstWord = new Map<string, Phrase[]>();
  const wordForms = new Map<Phrase, ReadonlySet<string>[]>();
  for (const phrase of lexicon.phrases) {
    const forms = phrase.words.map((w) => {
      const bare = w.replace(/[.*]$/, '');
      return new Set([bare, ...(phrase.byLemma ? readings(morph, bare).map((p) => fold(p.lemma)) : [])]);
    });
    wordForms.set(phrase, forms);
    for (const key of forms[0] ?? []) {
      const list = byFirstWord.get(key) ?? [];
      list.push(phrase);
      byFirstWord.set(key, list);
    }
  }
  const index = { byFirstWord, wordForms };
  phraseIndexes.set(lexicon, index);
  return index;
}

interface PhraseMatch {
  phrase: Phrase;
  length: number;
  parses: (Parse | undefined)[];
}

/** The longest phrase starting at tokens[i]; its words are separated by spaces only, never by punctuation. */
function matchPhrase(tokens: readonly SourceToken[], i: number, index: PhraseIndex, morph: Morphology): PhraseMatch | undefined {
  const first = tokens[i];
  if (first?.kind !== 'word') return undefined;
  const keys = new Set([fold(first.text), ...readings(morph, first.text).map((p) => fold(p.lemma))]);
  const candidates = new Set([...keys].flatMap((k) => index.byFirstWord.get(k) ?? []));
  const ordered = [...candidates].sort((a, b) => b.words.length - a.words.length || a.line - b.line);
  for (const phrase of ordered) {
    const m = matchAt(tokens, i, phrase, index.wordForms.get(phrase) ?? [], morph);
    if (m) return m;
  }
  return undefined;
}

function matchAt(
  tokens: readonly SourceToken[],
  i: number,
  phrase: Phrase,
  wordForms: readonly ReadonlySet<string>[],
  morph: Morphology,
): PhraseMatch | undefined {
  let j = i;
  const parses: (Parse | undefined)[] = [];
  for (const [n, w] of phrase.words.entries()) {
    if (n > 0) {
      if (tokens[j]?.kind === 'space' && !tokens[j]?.text.includes('\n')) j++;
      else if (!phrase.words[n - 1]?.endsWith('.')) return undefined;
    }
    const token = tokens[j];
    if (token?.kind !== 'word') return undefined;
    const surface = fold(token.text);
    const forms = wordForms[n] ?? new Set<string>();
    if (w.endsWith('*')) {
      if (!surface.startsWith(w.slice(0, -1))) return undefined;
      parses.push(undefined);
    } else if (forms.has(surface) && !phrase.byLemma) {
      parses.push(undefined);
    } else if (phrase.byLemma) {
      const parse = readings(morph, token.text).find((p) => forms.has(fold(p.lemma)));
      if (!parse && !forms.has(surface)) return undefined;
      parses.push(parse ?? readings(morph, token.text)[0]);
    } else {
      return undefined;
    }
    j++;
    if (w.endsWith('.')) {
      if (tokens[j]?.text !== '.') return undefined;
      j++;
    }
  }
  return { phrase, length: j - i, parses };
}

function withTerms(text: string, terms: readonly TermHit[]): SourceToken[] {
  const sorted = [...terms].sort((a, b) => a.start - b.start);
  const tokens: SourceToken[] = [];
  let at = 0;
  for (const term of sorted) {
    if (term.start < at || term.end > text.length || term.end <= term.start) continue; // overlapping or out of range: ignore
    tokens.push(...tokenize(text.slice(at, term.start), at));
    tokens.push({ kind: 'term', text: text.slice(term.start, term.end), start: term.start, end: term.end, target: term.target });
    at = term.end;
  }
  tokens.push(...tokenize(text.slice(at), at));
  return tokens;
}

function nextWord(tokens: readonly SourceToken[], i: number): string | undefined {
  const space = tokens[i + 1];
  const word = tokens[i + 2];
  return space?.kind === 'space' && word?.kind === 'word' ? word.text : undefined;
}

function firstWordParse(text: string, morph: Morphology): Parse | undefined {
  const first = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/u.exec(text)?.[0];
  return first ? readings(morph, first)[0] : undefined;
}

/** az's readings of a word; for a few odd hyphenated forms (и-У) it gives a reading without a lemma, which is dropped. */
function readings(morph: Morphology, word: string): readonly Parse[] {
  return morph.parse(word).filter((p) => typeof p.lemma === 'string');
}

function dropAbbreviations(parses: readonly Parse[]): readonly Parse[] {
  const full = parses.filter((p) => !p.grammemes.has('Abbr'));
  return full.length > 0 ? full : parses;
}

function isPerson(p: Parse): boolean {
  return p.pos === 'NOUN' && personTags.some((t) => p.grammemes.has(t));
}

function isPlace(p: Parse): boolean {
  return placeTags.some((t) => p.grammemes.has(t));
}

/** Every case the readings of one lemma allow. */
function casesOf(parses: readonly Parse[], lemma: string): Set<Case> {
  const found = new Set<Case>();
  for (const p of parses) {
    const c = p.lemma === lemma ? caseOf(p.grammemes) : undefined;
    if (c) found.add(c);
  }
  return found;
}

/** Grammar fields of an item from a reading (or empty ones). */
function fromParse(parse: Parse | undefined): Pick<Item, 'gram' | 'case' | 'caseOptions' | 'lemma' | 'animate'> {
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

function lexPosOf(cat: Cat): LexPos {
  switch (cat) {
    case 'ADJ': case 'ADJS': case 'COMP': return 'ADJ';
    case 'VERB': case 'INFN': case 'PRTF': case 'PRTS': case 'GRND': return 'VERB';
    case 'PUNCT': return 'PRCL';
    default: return cat;
  }
}

function catOfPos(pos: LexPos): Cat {
  return pos === 'PHRASE' ? 'ADV' : pos;
}

/** Cases a preposition takes, from the case keys of its lexicon row. */
function prepositionCases(entry: LexEntry | undefined): string[] {
  if (!entry) return [];
  return [...entry.forms.keys()].filter(isCase);
}
