import { InvalidInputError } from '../errors.js';

/** The encodings an uploader may name explicitly; anything else is detected. */
export type TextEncodingName = 'utf-8' | 'windows-1251';

/** What text formats accept besides the bytes: the uploader's choice of encoding. */
export interface DecodeOptions {
  encoding?: TextEncodingName;
}

const messages = {
  binary:
    'This file contains binary data, not text. Upload the article as a .txt, .md, .html or .docx file, or paste its text.',
  notUtf8:
    'This file is not valid UTF-8 text. Choose "Windows-1251" as the encoding, or open the file in a text editor, save it as UTF-8 and upload it again.',
  garbled:
    'The text looks garbled: it was probably saved in another character encoding (such as KOI8-R) or converted twice. Open the file in a text editor, save it as UTF-8 and upload it again, or paste the text directly.',
};

const utf8 = new TextDecoder('utf-8', { fatal: true });
const cp1251 = new TextDecoder('windows-1251');

/**
 * Bytes of a text file → string. A BOM wins (UTF-8, UTF-16 LE/BE), then the explicit `encoding`,
 * then UTF-8 if the bytes are valid UTF-8, else Windows-1251 (the usual encoding of older Russian files).
 * Throws InvalidInputError 'binary_data' or 'undecodable'.
 */
export function decodeText(bytes: Uint8Array, encoding?: TextEncodingName): string {
  const text = decodeBytes(bytes, encoding);
  assertReadableText(text);
  return text;
}

function decodeBytes(bytes: Uint8Array, encoding?: TextEncodingName): string {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return decodeUtf8(bytes.subarray(3));
  // UTF-16 decoders drop their own BOM.
  if (b0 === 0xff && b1 === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (b0 === 0xfe && b1 === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  // Text in a single-byte or UTF-8 encoding never contains NUL; UTF-16 without a BOM lands here too.
  if (bytes.includes(0)) throw new InvalidInputError(messages.binary, 'binary_data');
  if (encoding === 'windows-1251') return cp1251.decode(bytes);
  if (encoding === 'utf-8') return decodeUtf8(bytes);
  try {
    return utf8.decode(bytes);
  } catch {
    return cp1251.decode(bytes);
  }
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new InvalidInputError(messages.notUtf8, 'undecodable');
  }
}

/** Rejects decoded (or pasted) text that is binary data or mojibake. */
export function assertReadableText(text: string): void {
  if (looksBinary(text)) throw new InvalidInputError(messages.binary, 'binary_data');
  if (looksGarbled(text)) throw new InvalidInputError(messages.garbled, 'undecodable');
}

// C0 controls except tab, LF, VT, FF, CR; DEL; C1 controls (Windows-1251 maps its undefined byte 0x98 to one).
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;

function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const controls = text.match(CONTROL)?.length ?? 0;
  return controls >= 4 && controls > text.length * 0.01;
}

// Relative frequencies (%) of а…я in Russian prose, ё counted as е.
const RUSSIAN_FREQUENCIES = [
  8.01, 1.59, 4.54, 1.7, 2.98, 8.49, 0.94, 1.65, 7.35, 1.21, 3.49, 4.4, 3.21, 6.7, 10.97, 2.81, 4.73, 5.47, 6.26,
  2.62, 0.26, 0.97, 0.48, 1.44, 0.73, 0.36, 0.04, 1.9, 1.74, 0.32, 0.64, 2.01,
];
const MIN_LETTERS_TO_JUDGE = 40;
// Letters of other Cyrillic alphabets that Windows-1251 puts where UTF-8 lead bytes and CP866 letters fall.
const FOREIGN_CYRILLIC = /[ЂЃЉЊЌЋЏђѓљњќћџЈјЅѕЎў]/g;
// KOI8-R read as Windows-1251 swaps the case of every letter: "Москва" comes out as "нПУЛЧБ". Brand names
// in camel case (МосГорТранс) have lower case after their capitals, so they do not match.
const CASE_SWAPPED_WORD = /(?<![а-яёА-ЯЁ])[а-яё][А-ЯЁ]{2,}(?![а-яёА-ЯЁ])/g;
const CYRILLIC_WORD = /[а-яёА-ЯЁ]{2,}/g;

/** Mojibake: letters of other Cyrillic alphabets, case-swapped words, or letter frequencies far from Russian's. */
export function looksGarbled(text: string): boolean {
  const counts = new Array<number>(32).fill(0);
  let letters = 0;
  for (const ch of text.toLowerCase()) {
    const code = ch === 'ё' ? 0x435 : ch.charCodeAt(0);
    if (code >= 0x430 && code <= 0x44f) {
      counts[code - 0x430]!++;
      letters++;
    }
  }
  const foreign = text.match(FOREIGN_CYRILLIC)?.length ?? 0;
  if (foreign >= 3 && foreign > letters * 0.01) return true;
  const swapped = text.match(CASE_SWAPPED_WORD)?.length ?? 0;
  const words = text.match(CYRILLIC_WORD)?.length ?? 0;
  if (swapped >= 2 && swapped > words * 0.03) return true;
  // Mostly non-Cyrillic text (an English article quoting a few names) is for the language check to reject.
  const allLetters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS_TO_JUDGE || letters < allLetters * 0.3) return false;
  return cosine(counts, RUSSIAN_FREQUENCIES) < 0.75;
}

function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let aa = 0;
  let bb = 0;
  a.forEach((x, i) => {
    const y = b[i] ?? 0;
    dot += x * y;
    aa += x * x;
    bb += y * y;
  });
  return aa === 0 || bb === 0 ? 0 : dot / Math.sqrt(aa * bb);
}
