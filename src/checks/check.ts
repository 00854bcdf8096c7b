import type { GlossaryEntry, TermMatch } from '../glossary/glossary.js';

export type Severity = 'error' | 'warning';

/** What every check sees of one segment. */
export interface CheckInput {
  source: string;
  target: string;
  /** Glossary matches in `source`, as the matcher returns them. */
  matches: readonly TermMatch[];
  /** Glossary entries by id, for what a match does not carry (forbidden variants, British spelling). */
  glossary: ReadonlyMap<string, GlossaryEntry>;
}

/** A stretch of the source or the target an issue points at; UTF-16 offsets, end exclusive. */
export interface Span {
  side: 'source' | 'target';
  start: number;
  end: number;
}

/** One problem a check found in a segment. */
export interface Issue {
  /** Stable machine-readable code within the check, e.g. 'term_missing'. */
  code: string;
  /** One sentence a translator can act on. */
  message: string;
  /** Defaults to the check's severity; a check may lower one issue to a warning. */
  severity?: Severity;
  spans?: Span[];
  /** Small JSON for the UI and the API; part of an issue's identity, so keep it free of positions that shift with edits. */
  details?: Record<string, unknown>;
}

/** A QA check: pure, synchronous, one module per check, registered in checks/registry.ts. */
export interface Check {
  readonly id: string;
  readonly label: string;
  /** Errors block approval until fixed or overridden by an editor; warnings only inform. */
  readonly severity: Severity;
  run(input: CheckInput): Issue[];
}

/** Builds the id → entry map a CheckInput needs. */
export function entriesById(entries: readonly GlossaryEntry[]): ReadonlyMap<string, GlossaryEntry> {
  return new Map(entries.map((e) => [e.id, e]));
}
