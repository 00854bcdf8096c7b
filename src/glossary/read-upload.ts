import { InvalidInputError } from '../errors.js';
import { getGlossaryFormat } from './formats/registry.js';
import { locateEntries, type LocatedEntry } from './terms-file.js';

const messages = {
  binary: 'The file holds binary data; upload a .tbx, .csv or .tsv text file',
  notReadable: (id: string) => `Glossary format "${id}" cannot be imported`,
};

export interface GlossaryReadInput {
  /** A registered format that can be read. */
  formatId: string;
  fileName: string;
  /** The file's bytes, or its text when it came as a string. */
  bytes?: Uint8Array;
  text?: string;
}

/**
 * Decodes, parses and validates an uploaded glossary file, storing nothing: the part of an import
 * that untrusted bytes drive, so the server runs it on a worker thread. Throws InvalidInputError
 * (422 invalid_glossary, every problem by line) when the file is not valid as a whole.
 */
export function readGlossaryUpload(input: GlossaryReadInput): LocatedEntry[] {
  const format = getGlossaryFormat(input.formatId);
  if (!format.read) throw new InvalidInputError(messages.notReadable(format.id), 'unknown_glossary_format');
  const text = input.text ?? decode(input.bytes ?? new Uint8Array());
  const { rows, errors } = format.read(text);
  return locateEntries(rows, input.fileName, errors);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 or UTF-16 by BOM, else UTF-8, else Windows-1251 (what Excel on a Russian Windows writes for CSV). */
function decode(bytes: Uint8Array): string {
  const [b0, b1] = bytes;
  if (b0 === 0xff && b1 === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (b0 === 0xfe && b1 === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes.includes(0)) throw new InvalidInputError(messages.binary, 'binary_data');
  try {
    return utf8.decode(bytes);
  } catch {
    return new TextDecoder('windows-1251').decode(bytes);
  }
}
