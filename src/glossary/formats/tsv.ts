import type { GlossaryEntry } from '../glossary.js';
import { entryToRow, readTermsText, TERMS_COLUMNS } from '../terms-file.js';
import type { GlossaryFormat } from './format.js';

/** The format of glossary/terms.tsv itself: an export can replace that file as it is. */
export const tsvFormat = {
  id: 'tsv',
  label: 'TSV (glossary/terms.tsv format)',
  extension: 'tsv',
  contentType: 'text/tab-separated-values; charset=utf-8',
  description: 'Tab-separated, one entry a line, the eight columns of glossary/terms.tsv; lines starting with # are comments.',
  read: (text: string) => readTermsText(text),
  write(entries: readonly GlossaryEntry[]): string {
    const lines = entries.map((e) => TERMS_COLUMNS.map((c) => entryToRow(e)[c]).join('\t'));
    return ['# Tandem glossary; the columns are described in glossary/README.md.', TERMS_COLUMNS.join('\t'), ...lines].join('\n') + '\n';
  },
} satisfies GlossaryFormat;
