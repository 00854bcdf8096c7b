import type { Morphology, Parse } from '../../morphology/morph.js';
import type { Choice, Unit } from './item.js';
import { type Case, type Lexicon, fold } from './lexicon.js';
import {
  agreeing, blank, caseOf, casesOf, catOf, catOfPos, choicesOf, dropAbbreviations, entryFor, fromParse, isPerson, isPlace,
  lexPosOf, personTags, readings,
} from './readings.js';
import { capitalise, hasCyrillic, transliterate } from './transliterate.js';

/** What the words around a word say about its reading. */
export interface Context {
  govern: ReadonlySet<string> | undefined;
  afterNoun: boolean;
  /** Right after a verb: a transitive one takes an accusative object, after an intransitive one a noun is its subject. */
  afterVerb: 'tran' | 'intr' | undefined;
  /** Readings of the next word, for determiners that must agree with it. */
  next: readonly Parse[];
  /** Grammemes of the adjective or participle right before, for the noun that must agree with it. */
  modifier: ReadonlySet<string> | undefined;
  sentenceStart: boolean;
  /** The word alone between quotes mid-sentence: «Зениту» is the club Zenit, not the zenith. */
  quoted?: boolean;
}

const possessives = new Set(['его', 'ее', 'их']);

/** What a word form gives before any context: its readings with their lexicon entries. Cached per form. */
interface WordInfo {
  parses: readonly Parse[];
  /** Readings without abbreviation ones (В, С at a sentence start are prepositions, not век, секунда). */
  usable: readonly Choice[];
  allCaps: boolean;
  abbreviation: boolean;
  titled: boolean;
}

const infoCaches = new WeakMap<Lexicon, Map<string, WordInfo>>();
const CACHE_LIMIT = 50_000;

function infoOf(word: string, morph: Morphology, lexicon: Lexicon): WordInfo {
  let cache = infoCaches.get(lexicon);
  if (!cache) {
    cache = new Map();
    infoCaches.set(lexicon, cache);
  }
  const hit = cache.get(word);
  if (hit) return hit;
  const letters = [...word].filter((c) => c.toLowerCase() !== c.toUpperCase());
  const allCaps = letters.length > 1 && letters.every((c) => c === c.toUpperCase());
  const titled = word.charAt(0) !== word.charAt(0).toLowerCase();
  // Abbreviations (США, МИД, НАТО) are looked up as written; other capitals (БАКУ) are parsed title-cased.
  const abbreviation = allCaps && (letters.length <= 3 || readings(morph, word).some((p) => p.grammemes.has('Abbr')));
  const parses = readings(morph, allCaps ? capitalise(word.toLowerCase()) : word);
  const usable = choicesOf(allCaps ? parses : dropAbbreviations(parses), lexicon);
  const info = { parses, usable, allCaps, abbreviation, titled };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, info);
  return info;
}

export function analyseWord(word: string, ctx: Context, morph: Morphology, lexicon: Lexicon): Unit {
  if (!hasCyrillic(word)) return { ...blank, kind: 'foreign', cat: 'NOUN', source: word, fixed: word };
  const { parses, usable, allCaps, abbreviation, titled } = infoOf(word, morph, lexicon);
  if (abbreviation) {
    const entry = lexicon.lookup(fold(word));
    const all = readings(morph, word);
    const tagged = all.filter((p) => p.grammemes.has('Abbr'));
    const abbr = choicesOf(tagged.length > 0 ? tagged : all.filter((p) => p.pos === 'NOUN'), lexicon);
    const reading = choose(abbr, ctx)?.parse;
    // A long word in capitals that the lexicon spells in lower case is a shouted word (БАКУ in a dateline).
    const upper = [...word].length >= 4 && entry !== undefined && /\p{Ll}/u.test(entry.english) && !/^the /.test(entry.english);
    // Its readings (an indeclinable ООН is any case) let the selection pass choose the case; the entry stays.
    const alternatives = abbr.map((c) => ({ ...c, entry }));
    if (entry) return { ...fromParse(reading), kind: 'word', cat: catOfPos(entry.pos), source: word, lemma: fold(word), entry, upper, alternatives };
  }
  const lexical = choose(usable, ctx);

  if (titled && ctx.quoted) return quotedName(word, parses);
  if (titled && isName(parses, lexical, ctx.sentenceStart)) {
    const people = parses.filter(isPerson);
    return nameItem(word, people.length > 0 ? people : parses, ctx, lexicon, allCaps);
  }
  // az reads only the last part of some compounds (российско-азербайджанские → азербайджанский).
  const partial = word.includes('-') && lexical !== undefined && !lexical.parse.lemma.includes('-');
  if (partial) return compound(word, morph, lexicon) ?? unknownItem(word, lexical?.parse);
  if (lexical?.entry) {
    return {
      ...fromParse(lexical.parse),
      caseOptions: casesOf(usable.map((c) => c.parse), lexical.parse.lemma),
      kind: 'word',
      cat: lexical.cat,
      source: word,
      entry: lexical.entry,
      capitalised: titled && !ctx.sentenceStart,
      upper: allCaps && !abbreviation,
      alternatives: usable.filter((c) => c.entry),
    };
  }
  return (word.includes('-') ? compound(word, morph, lexicon) : undefined) ?? unknownItem(word, lexical?.parse);
}

/** «Зениту» → Zenit: a quoted name in its dictionary form, transliterated; the quotes stay. */
function quotedName(word: string, parses: readonly Parse[]): Unit {
  const noun = parses.find((p) => p.pos === 'NOUN' && !p.grammemes.has('plur'));
  const nominative = noun && word.toLowerCase().startsWith(fold(noun.lemma).slice(0, -1)) ? noun.lemma : word;
  return { ...fromParse(noun), kind: 'name', cat: 'NOUN', source: word, lemma: fold(nominative), fixed: transliterate(capitalise(nominative.toLowerCase())), person: false };
}

/** A word neither the lexicon nor the name rules know: kept transliterated, its grammar still used. */
function unknownItem(word: string, best: Parse | undefined): Unit {
  return { ...fromParse(best), kind: 'unknown', cat: best ? catOf(best) : 'NOUN', source: word, fixed: transliterate(word) };
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
export function choose(choices: readonly Choice[], ctx: Context): Choice | undefined {
  let best: Choice | undefined;
  let bestScore = -Infinity;
  for (const choice of choices) {
    const { parse, entry } = choice;
    const c = caseOf(parse.grammemes);
    // az's scores can exceed 1 (все: 2.0 for всё); capped, they only break ties between readings.
    let score = Math.min(parse.score, 1) + (entry ? 1 : 0);
    // A biaspectual verb (фиксировать) is read as present, not perfective future.
    if (parse.grammemes.has('pres')) score += 0.05;
    if (entry && parse.grammemes.has('Pltm')) score += 0.1; // выборы (elections) over выбор (choice)
    if (ctx.govern && c) score += ctx.govern.has(c) ? 2 : -1;
    if (!ctx.govern && ctx.afterNoun && c === 'gent') score += 0.5;
    if (!ctx.govern && ctx.afterVerb === 'tran' && c === 'accs') score += 0.6;
    if (!ctx.govern && ctx.afterVerb === 'intr' && c === 'nomn') score += 0.3;
    if (ctx.sentenceStart && c === 'nomn') score += 1; // a sentence rarely opens with a bare genitive
    // A noun right before a finite verb that agrees with it is its subject: "стороны обсудили" (not "of the side").
    const verb = ctx.next[0]?.pos === 'VERB' ? ctx.next[0] : undefined;
    if (verb && c === 'nomn' && (parse.pos === 'NOUN' || (parse.pos === 'ADJF' && !parse.grammemes.has('Apro'))) && !ctx.govern) {
      if (verb.grammemes.has('plur') === parse.grammemes.has('plur')) score += 2;
    }
    // An adjective agreeing with the next noun modifies it: "военного сотрудничества" (not "of the serviceman");
    // one that agrees with nothing is more likely a noun: "с командующими округов" (with the commanders).
    if ((parse.pos === 'ADJF' || parse.pos === 'PRTF') && !parse.grammemes.has('Apro')) {
      score += ctx.next.some((n) => n.pos === 'NOUN' && agreeing(parse.grammemes, n.grammemes)) ? 0.8 : -0.4;
    }
    // A noun agreeing with the adjective before it: "совместные учения" (plural, not "of the exercise").
    if (parse.pos === 'NOUN' && ctx.modifier && agreeing(ctx.modifier, parse.grammemes)) score += 0.8;
    if (parse.pos === 'ADJF' && parse.grammemes.has('Apro')) {
      // этот/его/их before a noun they agree with are determiners; otherwise это, его, их are pronouns.
      const fixed = parse.grammemes.has('Fixd'); // его, её, их do not agree: any noun or adjective after them will do
      const agrees = ctx.next.some((n) => (n.pos === 'NOUN' || n.pos === 'ADJF') && (fixed || agreeing(parse.grammemes, n.grammemes)));
      score += agrees ? (possessives.has(fold(parse.lemma)) ? 1.2 : 1) : possessives.has(fold(parse.lemma)) ? -1.2 : -0.6;
    }
    // News names men more often than women: "передал Алиеву" is his dative, unless a feminine verb follows.
    if (parse.grammemes.has('Surn') && parse.grammemes.has('femn') && !(verb?.grammemes.has('femn') ?? false)) score -= 0.3;
    if (score > bestScore) {
      bestScore = score;
      best = choice;
    }
  }
  return best;
}

/** A person or place missing from the glossary: its nominative, transliterated. */
function nameItem(word: string, parses: readonly Parse[], ctx: Context, lexicon: Lexicon, allCaps: boolean): Unit {
  const singular = choicesOf(parses.filter((p) => !p.grammemes.has('plur')), lexicon);
  // Context decides between readings: "визит Алиева" (his, genitive) and "Алиева заявила" (hers, nominative).
  const fitting = choose(singular, ctx)?.parse;
  // Only a singular name or place reading has a trustworthy lemma. Otherwise the word stays as written:
  // az's guesses for unknown capitalised words are not, and it misreads nominative surnames (Садыков → садык).
  let nominative = word;
  if (fitting && (personTags.some((t) => fitting.grammemes.has(t)) || isPlace(fitting))) {
    const female = fitting.grammemes.has('femn') && fitting.grammemes.has('Surn');
    nominative = (female ? fitting.inflect(['nomn', 'sing', 'femn']) : fitting.inflect(['nomn', 'sing'])) ?? fitting.lemma;
    // az spells its lemmas with ё; a source written with е keeps е (Ковалев → Kovalev, Ковалёв → Kovalyov).
    if (!/ё/i.test(word)) nominative = nominative.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
  }
  // An unknown organisation in an oblique case: "Росстата" → Rosstat, when az's best reading is an inanimate
  // singular noun whose lemma the word starts with (not a misread surname: Садыков is read as a plural).
  const top = parses[0];
  const named = fitting && (personTags.some((t) => fitting.grammemes.has(t)) || isPlace(fitting));
  if (!named && top && top.pos === 'NOUN' && top.grammemes.has('inan') && top.grammemes.has('sing') && !top.grammemes.has('nomn')) {
    const lemma = fold(top.lemma);
    if (fold(word).startsWith(lemma) && lemma.length >= 4 && /[бвгджзклмнпрстфхцчшщ]$/.test(lemma)) nominative = top.lemma;
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
    // Readings of the same name: the selection pass may change its case (and with a woman's reading, its English).
    alternatives: fitting ? singular.filter((c) => fold(c.parse.lemma) === fold(fitting.lemma)) : undefined,
  };
}

/**
 * Hyphenated words az does not know as a whole: российско-азербайджанские → Russian-Azerbaijani.
 * Leading parts ending in -о are read as adjectives (российско → российский), others are looked up as written
 * (экс → former); the last part is parsed for its grammar. Undefined when any part is unknown.
 */
function compound(word: string, morph: Morphology, lexicon: Lexicon): Unit | undefined {
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

