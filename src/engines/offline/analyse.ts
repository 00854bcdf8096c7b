import type { Morphology, Parse } from '../../morphology/morph.js';
import type { TermHit } from '../engine.js';
import type { Cat, Item, Unit } from './item.js';
import { type Lexicon, fold } from './lexicon.js';
import { matchNumber } from './numbers.js';
import { type SourceToken, matchPhrase, phraseGovern, phraseIndex, phraseItem } from './phrases.js';
import { blank, choicesOf, fromParse, prepositionCases, readings } from './readings.js';
import { selectReadings } from './select.js';
import { type Token, tokenize } from './tokenize.js';
import { type Context, analyseWord } from './words.js';

export type { Cat, Item } from './item.js';
export { caseOf, catOf } from './readings.js';

export interface Analysis {
  items: Item[];
  /** Source words that were neither in the lexicon nor names, in order of first appearance. */
  unknownWords: string[];
}

const sentenceEnd = /^[.!?…]+$/;
const verbal = new Set<Cat>(['VERB', 'INFN', 'GRND', 'PRTF']);

/**
 * Source text → items: glossary spans, numbers, phrases (longest first), then single words, each with one
 * reading chosen from its neighbours; the selection pass (select.ts) then revisits the choices with the whole clause.
 */
export function analyse(text: string, terms: readonly TermHit[], morph: Morphology, lexicon: Lexicon): Analysis {
  const tokens = withTerms(text, terms);
  const phrases = phraseIndex(lexicon, morph);
  const items: Item[] = [];
  let space = '';
  let sentenceStart = true;
  /** Cases the last preposition allows, until its noun phrase ends. */
  let govern: ReadonlySet<string> | undefined;

  const push = (item: Unit) => {
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
      const parses = firstWordParses(token.text, morph);
      const head = parses[0];
      // A term is a person when its first word is animate (министр обороны, Ильхам Алиев), not a country or a ministry.
      // Names (Name, Surn) and titles the lexicon knows as animate nouns (министр, президент) are people; an unknown
      // first word that az merely guesses as animate (Милли меджлис) is not.
      const person = parses.some(
        (p) => p.grammemes.has('Name') || p.grammemes.has('Surn') || (p.grammemes.has('anim') && lexicon.lookup(fold(p.lemma), 'NOUN') !== undefined),
      );
      // Its readings let the selection pass give it the case its preposition or verb needs; its English stays.
      const alternatives = choicesOf(parses, lexicon);
      // A term shouted in capitals (a dateline's БАКУ) is in capitals in English too, unless it is an abbreviation (МИД).
      const upper = isShouted(token.text, morph) && /\p{Ll}/u.test(token.target);
      push({ ...fromParse(head), kind: 'term', cat: 'NOUN', source: token.text, fixed: token.target, person, lemma: '', alternatives, upper });
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
        // A percentage or a sum of money is a whole noun phrase: "рост на 5%", "10 млрд долларов".
        const whole = m.percent === true || m.currency === true;
        const gram = new Set<string>(whole ? ['measure'] : []);
        push({ ...blank, kind: 'number', cat: whole ? 'NOUN' : cat, source, fixed: m.english, numberKind: m.kind, value: m.value, case: m.case, gram });
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
      push(phraseItem(phrase.phrase, phrase.parses, tokens.slice(i, i + phrase.length), morph));
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
      quoted: !sentenceStart && /^[«„"“]$/.test(prev?.source ?? '') && /^[»“”"]$/.test(tokens[i + 1]?.text ?? '') && items.length > 1,
    };
    const item = analyseWord(word, ctx, morph, lexicon);
    push(item);
    sentenceStart = false;
    if (item.cat === 'PREP') govern = new Set(prepositionCases(item.entry));
    else if (!['ADJ', 'PRTF', 'NUM', 'ADV'].includes(item.cat)) govern = undefined;
    i++;
  }
  // Word order may move a preposition away from the word that governs it: remember that word now.
  items.forEach((item, k) => {
    if (item.cat === 'PREP' && k > 0 && items[k - 1]?.cat !== 'PUNCT') items[k] = { ...item, after: items[k - 1]?.lemma };
  });
  const selected = selectReadings(items);
  const unknownWords: string[] = [];
  for (const item of selected) if (item.kind === 'unknown' && !unknownWords.includes(item.source)) unknownWords.push(item.source);
  return { items: selected, unknownWords };
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

/** Capitals throughout, four letters or more, and a word az knows in lower case (БАКУ, not ГИБДД). */
function isShouted(text: string, morph: Morphology): boolean {
  const letters = [...text].filter((c) => c.toLowerCase() !== c.toUpperCase());
  if (letters.length < 4 || !letters.every((c) => c === c.toUpperCase())) return false;
  const first = text.split(/\s+/)[0] ?? '';
  return readings(morph, first.charAt(0) + first.slice(1).toLowerCase()).some((p) => !p.grammemes.has('Abbr') && p.score > 0.1);
}

function firstWordParses(text: string, morph: Morphology): readonly Parse[] {
  const first = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/u.exec(text)?.[0];
  return first ? readings(morph, first) : [];
}
