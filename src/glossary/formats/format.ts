import type { GlossaryEntry } from '../glossary.js';
import type { LocatedRow, TermsFileError } from '../terms-file.js';

export type Spelling = 'american' | 'british';

/** What a reader found in a file: rows with their lines, and every structural problem (bad header, broken quoting, broken XML). */
export interface ReadResult {
  rows: LocatedRow[];
  errors: TermsFileError[];
}

export interface WriteOptions {
  /** Which English goes into formats that carry one target (DeepL, Google): `en`, or `en_gb` where it differs. */
  spelling: Spelling;
}

/**
 * One glossary file format; one module each, registered in formats/registry.ts. A format that can
 * be imported has `read`; one that can be exported has `write`. Both are pure: no I/O, no clock.
 */
export interface GlossaryFormat {
  readonly id: string;
  readonly label: string;
  /** File name ending without the dot. */
  readonly extension: string;
  /** Full Content-Type header value. */
  readonly contentType: string;
  /** One line for the glossary page: what the file is for. */
  readonly description: string;
  /** Never throws for content: every problem goes into `errors`, with its line, so all are reported at once. */
  read?(text: string): ReadResult;
  write?(entries: readonly GlossaryEntry[], options: WriteOptions): string;
}

/** The English an entry contributes under a spelling convention. */
export function englishFor(entry: GlossaryEntry, spelling: Spelling): string {
  return spelling === 'british' && entry.enGb ? entry.enGb : entry.en;
}
