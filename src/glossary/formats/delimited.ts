import { GLOSSARY_MAX_FIELD_CHARS } from '../../documents/limits.js';
import type { TermsFileError } from '../terms-file.js';

const messages = {
  afterQuote: 'a quoted field must end at its closing quote; write a quote inside a field as ""',
  unclosed: 'a quoted field opened here is never closed',
  tooLong: (field: number) => `field ${field} is longer than ${GLOSSARY_MAX_FIELD_CHARS} characters`,
};

/** One record of a delimited file and the line it starts on (a quoted field may span lines). */
export interface DelimitedRecord {
  line: number;
  cells: string[];
}

/**
 * Reads comma- (or otherwise) separated values as RFC 4180 has them: fields in double quotes may
 * hold separators, quotes doubled ("") and line breaks; records end at CRLF, LF or CR. Blank lines
 * are skipped. A BOM is dropped. A record with a field longer than GLOSSARY_MAX_FIELD_CHARS is
 * reported and dropped. Problems are returned with their line, never thrown. Linear: fields are
 * cut out of the text, not built a character at a time.
 */
export function readDelimited(input: string, separator = ','): { records: DelimitedRecord[]; errors: TermsFileError[] } {
  const text = input.replace(/^\uFEFF/, '');
  const records: DelimitedRecord[] = [];
  const errors: TermsFileError[] = [];
  let line = 1;
  let i = 0;

  while (i < text.length) {
    const start = line;
    const cells: string[] = [];
    let bad = false;
    // One record: fields until an unquoted line break or the end.
    for (;;) {
      let cell = '';
      if (text[i] === '"') {
        let from = ++i;
        let closed = false;
        while (i < text.length) {
          const ch = text[i]!;
          if (ch === '"') {
            cell += text.slice(from, i + (text[i + 1] === '"' ? 1 : 0));
            if (text[i + 1] === '"') {
              i += 2;
              from = i;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
          i++;
        }
        if (!closed) {
          errors.push({ line: start, message: messages.unclosed });
          return { records, errors };
        }
        if (i < text.length && text[i] !== separator && text[i] !== '\r' && text[i] !== '\n') {
          if (!bad) errors.push({ line, message: messages.afterQuote });
          bad = true;
          while (i < text.length && text[i] !== separator && text[i] !== '\r' && text[i] !== '\n') i++;
        }
      } else {
        const from = i;
        while (i < text.length && text[i] !== separator && text[i] !== '\r' && text[i] !== '\n') i++;
        cell = text.slice(from, i);
      }
      if (cell.length > GLOSSARY_MAX_FIELD_CHARS && !bad) {
        errors.push({ line: start, message: messages.tooLong(cells.length + 1) });
        bad = true;
      }
      cells.push(cell);
      if (text[i] === separator) {
        i++;
        continue;
      }
      break;
    }
    // The line break ending the record.
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    const blank = cells.length === 1 && cells[0] === '';
    if (!bad && !blank) records.push({ line: start, cells });
  }
  return { records, errors };
}

/** One record, quoted where RFC 4180 needs it (separator, quote, line break) and where spaces at an edge would be lost. */
export function writeDelimited(cells: readonly string[], separator = ','): string {
  return cells
    .map((c) => (c.includes(separator) || /["\r\n]/.test(c) || c !== c.trim() ? `"${c.replace(/"/g, '""')}"` : c))
    .join(separator);
}
