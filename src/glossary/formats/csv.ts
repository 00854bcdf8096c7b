import type { GlossaryEntry } from '../glossary.js';
import { entryToRow, rowFromCells, TERMS_COLUMNS, type LocatedRow, type TermsFileError } from '../terms-file.js';
import { readDelimited, writeDelimited } from './delimited.js';
import type { GlossaryFormat, ReadResult } from './format.js';

const messages = {
  noHeader: `no header row; the first row must be: ${TERMS_COLUMNS.join(',')}`,
  badHeader: (got: string) => `header must be "${TERMS_COLUMNS.join(',')}", got "${got}"`,
  columns: (n: number) => `expected ${TERMS_COLUMNS.length} comma-separated columns, got ${n}`,
};

/** The same eight columns as terms.tsv, comma-separated with RFC 4180 quoting, for spreadsheets. */
export const csvFormat = {
  id: 'csv',
  label: 'CSV (spreadsheets)',
  extension: 'csv',
  contentType: 'text/csv; charset=utf-8',
  description: 'Comma-separated with a header row of the eight glossary columns; quoted fields may hold commas, quotes and line breaks.',
  read(text: string): ReadResult {
    const { records, errors } = readDelimited(text, ',');
    const problems: TermsFileError[] = [...errors];
    const rows: LocatedRow[] = [];
    const [header, ...data] = records;
    if (!header) problems.push({ line: 1, message: messages.noHeader });
    else if (header.cells.map((c) => c.trim()).join(',') !== TERMS_COLUMNS.join(',')) {
      problems.push({ line: header.line, message: messages.badHeader(header.cells.join(',')) });
    }
    for (const { line, cells } of data) {
      if (cells.length !== TERMS_COLUMNS.length) problems.push({ line, message: messages.columns(cells.length) });
      else rows.push({ line, row: rowFromCells(cells) });
    }
    return { rows, errors: problems };
  },
  write(entries: readonly GlossaryEntry[]): string {
    const lines = [TERMS_COLUMNS, ...entries.map((e) => TERMS_COLUMNS.map((c) => entryToRow(e)[c]))].map((cells) => writeDelimited(cells));
    // The BOM makes Excel read the file as UTF-8 instead of the local code page; readers here drop it.
    return `\uFEFF${lines.join('\r\n')}\r\n`;
  },
} satisfies GlossaryFormat;
