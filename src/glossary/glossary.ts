export type TermType = 'person' | 'rank' | 'title' | 'organisation' | 'place' | 'other';

/** One line of glossary/terms.tsv: a Russian term in dictionary form and its official English. */
export interface GlossaryEntry {
  /** Stable id derived from the Russian term; referenced by matches and checks. */
  id: string;
  ru: string;
  /** Official English, American spelling. */
  en: string;
  /** British spelling where it differs from `en`. */
  enGb?: string;
  type: TermType;
  /** Only for persons: petrovich and the matcher need it to decline and to tell men from women. */
  gender?: 'male' | 'female';
  /** English renderings that must never appear (old transliterations, wrong ranks). */
  forbidden: string[];
  note: string;
  /** Where the official spelling comes from. */
  source: string;
}

/** A glossary term found in a text; offsets are UTF-16 indices into that text, end exclusive. */
export interface TermMatch {
  start: number;
  end: number;
  surface: string;
  entryId: string;
  /** The entry's Russian dictionary form. */
  source: string;
  /** The entry's official English. */
  target: string;
  /** True when the form could be this entry or something else (a lone "Алиева"): the reviewer decides. */
  ambiguous: boolean;
}

export interface Glossary {
  readonly entries: readonly GlossaryEntry[];
  /** Every match in `text`, left to right, non-overlapping, longest match winning. */
  match(text: string): TermMatch[];
}
