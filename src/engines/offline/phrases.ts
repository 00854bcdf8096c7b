import type { Morphology, Parse } from '../../morphology/morph.js';
import type { Cat, Choice, Unit } from './item.js';
import { type Phrase, type Lexicon, fold } from './lexicon.js';
import { catOf, catOfPos, fromParse, readings } from './readings.js';
import type { Token } from './tokenize.js';

export type SourceToken = Token | { kind: 'term'; text: string; start: number; end: number; target: string };

interface PhraseIndex {
  byFirstWord: Map<string, Phrase[]>;
  /** For each phrase, the forms each of its words stands for: the word itself and, for NOUN/VERB/ADJ rows, its lemmas. */
  wordForms: Map<Phrase, ReadonlySet<string>[]>;
}

const phraseIndexes = new WeakMap<Lexicon, PhraseIndex>();

/** Phrases by every form their first word can take; built once per lexicon. */
export function phraseIndex(lexicon: Lexicon, morph: Morphology): PhraseIndex {
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
  // Longest first, then file order: the first phrase that matches wins.
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length || a.file.localeCompare(b.file) || a.line - b.line);
  const index = { byFirstWord, wordForms };
  phraseIndexes.set(lexicon, index);
  return index;
}

export interface PhraseMatch {
  phrase: Phrase;
  length: number;
  parses: (Parse | undefined)[];
}

/** The longest phrase starting at tokens[i]; its words are separated by spaces only, never by punctuation. */
export function matchPhrase(tokens: readonly SourceToken[], i: number, index: PhraseIndex, morph: Morphology): PhraseMatch | undefined {
  const first = tokens[i];
  if (first?.kind !== 'word') return undefined;
  const folded = fold(first.text);
  const lists = [index.byFirstWord.get(folded)];
  for (const p of readings(morph, first.text)) {
    const lemma = fold(p.lemma);
    if (lemma !== folded) lists.push(index.byFirstWord.get(lemma));
  }
  const candidates = [...new Set(lists.flatMap((l) => l ?? []))];
  if (candidates.length === 0) return undefined;
  candidates.sort((a, b) => b.words.length - a.words.length || a.file.localeCompare(b.file) || a.line - b.line);
  for (const phrase of candidates) {
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

export function phraseItem(phrase: Phrase, parses: readonly (Parse | undefined)[], tokens: readonly SourceToken[], morph: Morphology): Unit {
  const source = tokens.map((t) => t.text).join('');
  const wanted = phrase.pos === 'VERB' ? ['VERB', 'INFN', 'GRND', 'PRTF', 'PRTS'] : phrase.pos === 'NOUN' ? ['NOUN'] : ['ADJF', 'NOUN'];
  const headAt = parses.findIndex((p) => p && wanted.includes(p.pos));
  const head = parses[headAt];
  const cat: Cat =
    phrase.pos === 'PHRASE' ? (phrase.forms.has('gov') ? 'PREP' : 'ADV')
    : phrase.pos === 'VERB' ? (head ? catOf(head) : 'VERB')
    : catOfPos(phrase.pos);
  // The head word's other readings of the same lemma let the selection pass give the phrase another case.
  const headWord = tokens.filter((t) => t.kind === 'word')[headAt]?.text;
  const alternatives: Choice[] | undefined =
    head && headWord && phrase.pos !== 'VERB'
      ? readings(morph, headWord).filter((p) => p.lemma === head.lemma && p.pos === head.pos).map((parse) => ({ parse, entry: phrase, cat }))
      : undefined;
  return { ...fromParse(phrase.pos === 'PHRASE' ? undefined : head), kind: 'phrase', cat, source, entry: phrase, lemma: phrase.lemma, alternatives };
}

export function phraseGovern(phrase: Phrase): ReadonlySet<string> | undefined {
  const gov = phrase.forms.get('gov');
  return gov ? new Set(gov.split(',')) : undefined;
}
