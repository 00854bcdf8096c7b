import { UnsupportedFormatError } from '../../errors.js';
import type { DecodeOptions } from '../decode.js';
import { docxFormat } from './docx.js';
import type { ExtractedDocument, ImportFormat } from './format.js';
import { htmlFormat } from './html.js';
import { markdownFormat } from './markdown.js';
import { txtFormat } from './txt.js';

/** An import format as registered: text formats also take the uploader's encoding choice (docx ignores it). */
export type RegisteredFormat = ImportFormat & {
  extract(bytes: Buffer, options?: DecodeOptions): Promise<ExtractedDocument>;
};

/** Every import format, keyed by id. Adding a format: see README.md in this folder. */
export const importFormats = {
  txt: txtFormat,
  md: markdownFormat,
  html: htmlFormat,
  docx: docxFormat,
} as const satisfies Record<string, RegisteredFormat>;

const acceptedEndings = Object.values(importFormats)
  .flatMap((format) => format.extensions.map((extension) => `.${extension}`))
  .join(' ');

const messages = {
  unsupported: (what: string) =>
    `${what} cannot be imported. Upload the article as one of: ${acceptedEndings} — or paste its text.`,
};

/** The format for an upload: by file name ending first, then by content type. Throws UnsupportedFormatError. */
export function formatForUpload(filename?: string, contentType?: string): RegisteredFormat {
  const formats: readonly RegisteredFormat[] = Object.values(importFormats);
  const extension = /\.([^./\\]+)$/.exec(filename ?? '')?.[1]?.toLowerCase();
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  const found =
    (extension && formats.find((format) => format.extensions.includes(extension))) ||
    (mediaType && formats.find((format) => format.contentTypes.includes(mediaType)));
  if (found) return found;
  const what = extension ? `A .${extension} file` : filename ? `"${filename}"` : 'This file';
  throw new UnsupportedFormatError(messages.unsupported(what));
}
