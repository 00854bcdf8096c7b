import type { Discourse } from './articles.js';
import { dashCopula, isPresentingThis } from './clauses.js';
import { fieldCompounds } from './compounds.js';
import { countryAdjectives } from './demonyms.js';
import { pluralOf } from './english.js';
import { impersonal } from './impersonal.js';
import type { Item } from './item.js';
import type { LexEntry } from './lexicon.js';
import { comparative, comparatives, relative, scaleWords, such } from './modifiers.js';
import { type NounPhrase, determiner, nounPhrases, properNames, titleCase } from './noun-phrase.js';
import { postposeParticiples, restrictiveParticiples } from './participles.js';
import { datePrefix, preposition } from './prepositions.js';
import { thirdPerson } from './pronouns.js';
import { join } from './punctuation.js';
import { isQuantity, reorder } from './reorder.js';
import { senseOf } from './senses.js';
import { type State, freshState } from './state.js';
import { capitalise } from './transliterate.js';
import {
  afterNegatedVerb, finiteVerb, verbalCats, fullParticiple, gerund, infinitive, negatedBefore, negation, neitherNor, shortAdjective, shortParticiple,
} from './verb-phrase.js';

/** Transfer steps, in order: each returns the items rearranged or annotated for English (see README.md). */
const transfer: readonly ((items: readonly Item[]) => Item[])[] = [
  countryAdjectives,
  fieldCompounds,
  impersonal,
  postposeParticiples,
  restrictiveParticiples,
  reorder,
];

/** English for analysed items: the transfer steps, then one pass left to right, noun phrases found first so articles go before adjectives. */
export function generate(source: readonly Item[], earlier: ReadonlySet<string> = new Set()): string {
  const items = transfer.reduce<readonly Item[]>((acc, step) => step(acc), source);
  const phrases = nounPhrases(items);
  const proper = properNames(items, phrases);
  const state = freshState();
  const discourse: Discourse = { seen: new Set(), earlier };
  const words: { text: string; item: Item }[] = [];
  /** A noun phrase whose first item rendered nothing (самый): its "of"/article go before the next word. */
  let pending: NounPhrase | undefined;
  items.forEach((item, i) => {
    if (state.skip.has(i)) return;
    let text = render(items, i, state);
    if (proper.has(i)) text = titleCase(text);
    if (item.field && text) text = text.replace(/(\S+)$/, `${item.field} $1`);
    if (item.prefix && text) text = `${item.prefix} ${text}`;
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
  if (item.kind === 'punct') return dashCopula(items, i) ?? item.source;
  if (item.fixed !== undefined) {
    if (item.kind === 'number') {
      if (item.numberKind === 'amount' && !item.gram.has('measure')) state.pluralNext = item.value !== 1;
      return datePrefix(items, i) + item.fixed;
    }
    if (item.cat === 'NOUN') state.pluralNext = false;
    return item.upper ? item.fixed.toUpperCase() : item.fixed;
  }
  const entry = item.entry && verbalCats.has(item.cat) ? senseOf(items, i, item.entry) : item.entry;
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
      // Names stay singular: США (plural in Russian) is "the US"; so do scale words after a number: "two million".
      const scale = scaleWords.has(english) && (items[i - 1]?.cat === 'NUM' || items[i - 1]?.kind === 'number');
      const plural = !scale && (item.gram.has('plur') || state.pluralNext) && (entry.forms.has('plural') || !/^(the )?[A-Z]/.test(english));
      state.pluralNext = false;
      return plural ? (entry.forms.get('plural') ?? pluralOf(english)) : english;
    }
    case 'ADJ':
      if (item.lemma === 'который') return relative(items, i, item, english);
      if (thirdPerson(items, i)) return thirdPerson(items, i) ?? english;
      if (item.lemma === 'такой') return such(items, i, item, english);
      // "самый высокий" → "highest": самый itself is left out when the next adjective has a superlative.
      if (item.lemma === 'самый' && items[i + 1]?.entry?.forms.has('superlative')) return '';
      if (items[i - 1]?.lemma === 'самый' && entry.forms.has('superlative')) return entry.forms.get('superlative') ?? english;
      if (item.gram.has('Supr')) return entry.forms.get('superlative') ?? `most ${english}`;
      if (item.gram.has('plur') && entry.forms.has('plural')) return entry.forms.get('plural') ?? english;
      return english;
    case 'COMP':
      return comparative(items, i, item, entry);
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
      return fullParticiple(items, i, item, entry, state);
    case 'PRON':
      if (isPresentingThis(items, i)) return 'this is';
      if (thirdPerson(items, i)) return thirdPerson(items, i) ?? english;
      if (afterNegatedVerb[item.lemma] && negatedBefore(items, i)) return afterNegatedVerb[item.lemma] ?? english;
      return item.case && item.case !== 'nomn' ? (entry.forms.get('obj') ?? english) : english;
    case 'NUM':
      if (entry.flags.has('many') || Number(entry.forms.get('value') ?? 1) !== 1) state.pluralNext = true;
      return english;
    case 'PREP':
      return preposition(items, i, entry);
    case 'ADV':
      // "пока не получал" → "had not yet received": the verb's negation carries the "yet".
      if (item.lemma === 'пока' && items[i + 1]?.lemma === 'не') return '';
      if (afterNegatedVerb[item.lemma] && negatedBefore(items, i)) return afterNegatedVerb[item.lemma] ?? english;
      if (comparatives[item.lemma] && isQuantity(items[i + 1])) return comparatives[item.lemma] ?? english;
      return english;
    case 'PRCL':
      if (item.lemma === 'не') return negation(items, i, state);
      if (item.lemma === 'ни') return neitherNor(items, i) ?? english;
      // A direct question needs no word for ли; a reported one opens with "whether".
      if (item.lemma === 'ли') return items[i - 1]?.source === ',' ? 'whether' : '';
      if (isPresentingThis(items, i)) return 'this is';
      return english;
    case 'CONJ':
      if (item.lemma === 'ни') return neitherNor(items, i) ?? english;
      return english;
    default:
      return english;
  }
}

