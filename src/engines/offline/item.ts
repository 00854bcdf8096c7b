import type { Parse } from '../../morphology/morph.js';
import type { Case, LexEntry } from './lexicon.js';
import type { NumberKind } from './numbers.js';

/** What an item does in the sentence: OpenCorpora's classes, merged where English does not care. */
export type Cat =
  | 'NOUN' | 'ADJ' | 'ADJS' | 'COMP' | 'VERB' | 'INFN' | 'PRTF' | 'PRTS' | 'GRND'
  | 'ADV' | 'PREP' | 'CONJ' | 'PRCL' | 'PRON' | 'NUM' | 'INTJ' | 'PUNCT';

/** One reading of a word with its lexicon entry, if the lexicon knows it. */
export interface Choice {
  parse: Parse;
  entry: LexEntry | undefined;
  cat: Cat;
}

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
  /** For a preposition: the lemma of the word before it in the source, which may govern it ("готов к"). */
  after?: string;
  /** Other readings of the same word, for the selection pass (select.ts) to switch to. */
  alternatives?: readonly Choice[];
  /** The case was fixed by a preposition: later passes leave it alone. */
  governed?: boolean;
  /** What the item's noun phrase does in its clause, set by the selection pass for word order and articles. */
  role?: Role;
  /** A verb made passive by the transfer (an impersonal "их задержали" → "they were detained"). */
  voice?: 'passive';
  /** Words the transfer puts before the item's English: a country adjective ("Russian" Defense Minister). */
  prefix?: string;
  /** A field put in front of the noun's last English word: "national team" + hockey → "national hockey team". */
  field?: string;
  /** A participle moved after its noun by the transfer: rendered as a relative clause or a reduced one. */
  postposed?: boolean;
  /** The number of the verb's English subject when it differs from the Russian verb's. */
  subjectNumber?: 'sing' | 'plur';
}

export type Role = 'subject' | 'object' | 'predicate';

/** An item before its whitespace is known. */
export type Unit = Omit<Item, 'spaceBefore'>;
