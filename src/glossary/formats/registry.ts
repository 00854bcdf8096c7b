import { BadRequestError } from '../../errors.js';
import { csvFormat } from './csv.js';
import { deeplFormat } from './deepl.js';
import type { GlossaryFormat } from './format.js';
import { googleFormat } from './google.js';
import { tbxFormat } from './tbx.js';
import { tsvFormat } from './tsv.js';

const messages = {
  unknown: (id: string, known: string[]) => `Unknown glossary format "${id}". Known formats: ${known.join(', ')}.`,
  notImportable: (id: string, known: string[]) => `Glossary format "${id}" can only be exported. Import one of: ${known.join(', ')}.`,
  guess: (name: string, known: string[]) => `Cannot tell the format of "${name}" from its name; choose one of: ${known.join(', ')}.`,
};

/** Every glossary file format, keyed by id. Adding one means one import and one line here. */
export const glossaryFormats = {
  tbx: tbxFormat,
  csv: csvFormat,
  tsv: tsvFormat,
  deepl: deeplFormat,
  google: googleFormat,
} as const satisfies Record<string, GlossaryFormat>;

export type GlossaryFormatId = keyof typeof glossaryFormats;

export function listGlossaryFormats(): GlossaryFormat[] {
  return Object.values(glossaryFormats);
}

export function importFormats(): GlossaryFormat[] {
  return listGlossaryFormats().filter((f) => f.read);
}

/** Throws BadRequestError naming the known formats when `id` is not one of them. */
export function getGlossaryFormat(id: string): GlossaryFormat {
  if (!Object.hasOwn(glossaryFormats, id)) throw new BadRequestError(messages.unknown(id, Object.keys(glossaryFormats)), 'unknown_glossary_format');
  return glossaryFormats[id as GlossaryFormatId];
}

/** The format to read a file with: the one named, or the one its extension says (.tbx, .csv, .tsv). */
export function importFormatFor(id: string | undefined, fileName: string): GlossaryFormat & Required<Pick<GlossaryFormat, 'read'>> {
  const known = importFormats().map((f) => f.id);
  const format = id ? getGlossaryFormat(id) : importFormats().find((f) => fileName.toLowerCase().endsWith(`.${f.extension}`));
  if (!format) throw new BadRequestError(messages.guess(fileName, known), 'unknown_glossary_format');
  if (!format.read) throw new BadRequestError(messages.notImportable(format.id, known), 'unknown_glossary_format');
  return format as GlossaryFormat & Required<Pick<GlossaryFormat, 'read'>>;
}
