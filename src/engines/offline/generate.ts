import type { Discourse } from './articles.js';
import type { Item } from './item.js';
import { isPresentingThis } from './clauses.js';
import { pluralOf } from './english.js';
import type { LexEntry } from './lexicon.js';
import { type NounPhrase, determiner, nounPhrases } from './noun-phrase.js';
import { datePrefix, preposition } from './prepositions.js';
import { join } from './punctuation.js';
import { reorder } from './reorder.js';
import { type State, freshState } from './state.js';
import {
  afterNegatedVerb, finiteVerb, gerund, infinitive, negatedBefore, negation, neitherNor, participle, presentParticiple, shortAdjective, shortParticiple,
} from './verb-phrase.js';
import { capitalise } from './transliterate.js';

/** Before a number: "более 500" → "more than 500". */
const comparatives: Record<string, string> = { более: 'more than', менее: 'less than', больше: 'more than', меньше: 'less than' };

/** English for analysed items: one pass left to right, noun phrases found first so articles go before adjectives. */
export function generate(source: readonly Item[], earlier: ReadonlySet<string> = new Set()): string {
  const items = reorder(source);
  const phrases = nounPhrases(items);
  const state = freshState();
  const discourse: Discourse = { seen: new Set(), earlier };
  const words: { text: string; item: Item }[] = [];
  /** A noun phrase whose first item rendered nothing (самый): its "of"/article go before the next word. */
  let pending: NounPhrase | undefined;
  items.forEach((item, i) => {
    if (state.skip.has(i)) return;
    let text = render(items, i, state);
    const np = phrases.get(i) ?? (pending && i <= pending.head ? pending : undefined);
    pending = np && !text ? np : undefined;
    if (np && text) text = [determiner(items, np, text, discourse), text].filter(Boolean).join(' ');
    if (item.cat === 'PUNCT') {
      state.negate = false;
      state.bareInfinitive = false;
      state.pluralNext = false;
    }
    words.push({ text, item });
  });
  return join(words);
}

function render(items: readonly Item[], i: number, state: State): string {
  const item = items[i];
  if (!item) return '';
  if (item.kind === 'punct') return item.source;
  if (item.fixed !== undefined) {
    if (item.kind === 'number') {
      if (item.numberKind === 'amount') state.pluralNext = item.value !== 1;
      return datePrefix(items, i) + item.fixed;
    }
    if (item.cat === 'NOUN') state.pluralNext = false;
    return item.fixed;
  }
  const entry = item.entry;
  if (!entry) return item.source;
  const text = renderEntry(items, i, item, entry, state);
  if (item.upper) return text.toUpperCase();
  // A capital in mid-sentence marks a proper name (Генерального штаба); "the US" keeps its article lower case.
  return item.capitalised && !/^(the|a|an) /.test(text) ? capitalise(text) : text;
}

function renderEntry(items: readonly Item[], i: number, item: Item, entry: LexEntry, state: State): string {
  const english = entry.english;
  switch (item.cat) {
    case 'NOUN': {
      // Names stay singular: США (plural in Russian) is "the US".
      const plural = (item.gram.has('plur') || state.pluralNext) && (entry.forms.has('plural') || !/^(the )?[A-Z]/.test(english));
      state.pluralNext = false;
      return plural ? (entry.forms.get('plural') ?? pluralOf(english)) : english;
    }
    case 'ADJ':
      // "самый высокий" → "highest": самый itself is left out when the next adjective has a superlative.
      if (item.lemma === 'самый' && items[i + 1]?.entry?.forms.has('superlative')) return '';
      if (items[i - 1]?.lemma === 'самый' && entry.forms.has('superlative')) return entry.forms.get('superlative') ?? english;
      if (item.gram.has('Supr')) return entry.forms.get('superlative') ?? `most ${english}`;
      if (item.gram.has('plur') && entry.forms.has('plural')) return entry.forms.get('plural') ?? english;
      return english;
    case 'COMP':
      return entry.forms.get('comparative') ?? `more ${english}`;
    case 'ADJS':
      return shortAdjective(items, i, item, entry, state);
    case 'PRTS':
      return shortParticiple(items, i, item, entry, state);
    case 'VERB':
      return finiteVerb(items, i, item, entry, state);
    case 'INFN':
      return infinitive(entry, state);
    case 'GRND':
      return gerund(entry, state);
    case 'PRTF':
      return item.gram.has('pssv') ? participle(entry) : presentParticiple(entry);
    case 'PRON':
      if (isPresentingThis(items, i)) return 'this is';
      if (afterNegatedVerb[item.lemma] && negatedBefore(items, i)) return afterNegatedVerb[item.lemma] ?? english;
      return item.case && item.case !== 'nomn' ? (entry.forms.get('obj') ?? english) : english;
    case 'NUM':
      if (entry.flags.has('many') || Number(entry.forms.get('value') ?? 1) !== 1) state.pluralNext = true;
      return english;
    case 'PREP':
      return preposition(items, i, entry);
    case 'ADV':
      if (afterNegatedVerb[item.lemma] && negatedBefore(items, i)) return afterNegatedVerb[item.lemma] ?? english;
      if (comparatives[item.lemma] && items[i + 1]?.kind === 'number') return comparatives[item.lemma] ?? english;
      return english;
    case 'PRCL':
      if (item.lemma === 'не') return negation(items, i, state);
      if (item.lemma === 'ни') return neitherNor(items, i) ?? english;
      if (isPresentingThis(items, i)) return 'this is';
      return english;
    case 'CONJ':
      if (item.lemma === 'ни') return neitherNor(items, i) ?? english;
      return english;
    default:
      return english;
  }
}

