import { BadRequestError, InvalidInputError, PayloadTooLargeError } from '../errors.js';
import { assertReadableText, type TextEncodingName } from './decode.js';
import { SEGMENT_MAX_CHARS } from './limits.js';
import type { ExtractedDocument } from './formats/format.js';
import { formatForUpload } from './formats/registry.js';
import type { PreparedDocument, PreparedParagraph } from './prepared.js';
import { collapseWhitespace } from './segmentation.js';
import { buildParagraphs, plainTextBlocks } from './structure.js';

export interface PrepareInput {
  /** Pasted text; exactly one of `text` and `bytes`. */
  text?: string;
  /** An uploaded file, its format picked from `filename`, else `contentType`. */
  bytes?: Buffer;
  filename?: string;
  contentType?: string;
  /** Overrides the title found in the article. */
  title?: string;
  /** Overrides encoding detection for text files. */
  encoding?: TextEncodingName;
}

export interface PrepareLimits {
  maxBytes: number;
}

const messages = {
  textOrFile: 'Paste the article text or upload a file, not both.',
  nothing: 'Paste the article text or upload a file.',
  tooLarge: (maxBytes: number) =>
    `The article is larger than ${formatSize(maxBytes)}. Split it into several parts and import them one by one.`,
  empty: 'There is no text to import: the article is empty.',
  notRussian:
    'This does not look like a Russian article: too few of its letters are Cyrillic. Tandem translates from Russian only.',
  sentenceTooLong: (start: string, max: number) =>
    `A sentence starting “${start}…” runs past ${max.toLocaleString('en')} characters: no article sentence is that long, so the text probably lost its punctuation or line breaks. Fix the source and import it again.`,
  notRussianCyrillic:
    'This looks like Ukrainian or Belarusian, not Russian. Tandem translates from Russian only.',
};

/** Below this share of Cyrillic letters among all letters the text is not Russian (an English article, a transliteration). */
const MIN_CYRILLIC_SHARE = 0.6;
/** і ї є ґ ў are common in Ukrainian and Belarusian and absent from Russian. */
const MAX_NON_RUSSIAN_CYRILLIC_SHARE = 0.02;
const TITLE_MAX_CHARS = 80;
const PASTED_TEXT_FORMAT = 'text';

/**
 * Validates an article and recognises its structure and sentences, storing nothing.
 * Throws BadRequestError, PayloadTooLargeError, UnsupportedFormatError or InvalidInputError
 * ('empty_text', 'binary_data', 'undecodable', 'broken_docx', 'not_russian').
 */
export async function prepareDocument(input: PrepareInput, limits: PrepareLimits): Promise<PreparedDocument> {
  const { format, extracted } = await extract(input, limits);
  const text = extracted.blocks.map((block) => block.text).join('\n');
  assertNotEmpty(text);
  // Text formats checked their raw bytes already; this also covers pasted text, docx, and markup-heavy HTML.
  assertReadableText(text);
  assertRussian(text);
  const paragraphs = buildParagraphs(extracted.blocks);
  if (paragraphs.length === 0) throw new InvalidInputError(messages.empty, 'empty_text');
  assertSentencesFit(paragraphs);
  return { title: chooseTitle(input.title, paragraphs, extracted.title), format, paragraphs };
}

async function extract(input: PrepareInput, limits: PrepareLimits): Promise<{ format: string; extracted: ExtractedDocument }> {
  const { bytes } = input;
  // A web form sends its empty text box along with the file.
  const text = bytes && input.text?.trim() === '' ? undefined : input.text;
  if (text !== undefined && bytes) throw new BadRequestError(messages.textOrFile, 'text_or_file');

  if (text !== undefined) {
    if (Buffer.byteLength(text, 'utf8') > limits.maxBytes) throw new PayloadTooLargeError(messages.tooLarge(limits.maxBytes));
    return { format: PASTED_TEXT_FORMAT, extracted: { blocks: plainTextBlocks(text) } };
  }
  if (!bytes) throw new BadRequestError(messages.nothing, 'text_or_file');
  if (bytes.length > limits.maxBytes) throw new PayloadTooLargeError(messages.tooLarge(limits.maxBytes));
  const format = formatForUpload(input.filename, input.contentType);
  if (bytes.length === 0) throw new InvalidInputError(messages.empty, 'empty_text');
  return { format: format.id, extracted: await format.extract(bytes, { encoding: input.encoding }) };
}

function assertNotEmpty(text: string): void {
  if (!/[\p{L}\p{N}]/u.test(text)) throw new InvalidInputError(messages.empty, 'empty_text');
}

/** One segment is one unit of MT and review: a run without sentence ends would be sent, shown and checked whole. */
function assertSentencesFit(paragraphs: readonly PreparedParagraph[]): void {
  for (const paragraph of paragraphs) {
    for (const segment of paragraph.segments) {
      if (segment.source.length > SEGMENT_MAX_CHARS) {
        throw new InvalidInputError(messages.sentenceTooLong(segment.source.slice(0, 40), SEGMENT_MAX_CHARS), 'sentence_too_long');
      }
    }
  }
}

function assertRussian(text: string): void {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const cyrillic = text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  if (cyrillic < letters * MIN_CYRILLIC_SHARE) throw new InvalidInputError(messages.notRussian, 'not_russian');
  const nonRussian = text.match(/[іїєґўІЇЄҐЎ]/g)?.length ?? 0;
  if (nonRussian > cyrillic * MAX_NON_RUSSIAN_CYRILLIC_SHARE) {
    throw new InvalidInputError(messages.notRussianCyrillic, 'not_russian');
  }
}

/** The explicit title, else the headline, else the format's title, else the start of the first sentence. */
function chooseTitle(explicit: string | undefined, paragraphs: readonly PreparedParagraph[], declared?: string): string {
  const given = collapseWhitespace(explicit ?? '');
  if (given) return given;
  const headline = paragraphs.find((paragraph) => paragraph.kind === 'headline')?.segments[0]?.source;
  if (headline) return headline;
  const fromFormat = collapseWhitespace(declared ?? '');
  if (fromFormat) return fromFormat;
  const segments = paragraphs.flatMap((paragraph) => paragraph.segments);
  const first = segments.find((segment) => segment.kind === 'sentence') ?? segments[0];
  return shorten(first?.source ?? '');
}

function shorten(sentence: string): string {
  const text = sentence.replace(/\.$/, '');
  if (text.length <= TITLE_MAX_CHARS) return text;
  const cut = text.slice(0, TITLE_MAX_CHARS + 1);
  const atWord = cut.lastIndexOf(' ') > TITLE_MAX_CHARS / 2 ? cut.slice(0, cut.lastIndexOf(' ')) : cut.slice(0, -1);
  return `${atWord.replace(/[\s,;:—–-]+$/u, '')}…`;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
