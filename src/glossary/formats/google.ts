import type { GlossaryEntry } from '../glossary.js';
import { writeDelimited } from './delimited.js';
import type { GlossaryFormat, WriteOptions } from './format.js';
import { termPairs } from './pairs.js';

/**
 * A Google Cloud Translation unidirectional glossary: CSV of two columns, Russian source then
 * English target, no header row (Google reads the first row as data), UTF-8 without a BOM. Upload it
 * to Cloud Storage and create the glossary with `languagePair {sourceLanguageCode: ru,
 * targetLanguageCode: en}`. Unidirectional rather than an equivalent-term set because Tandem's
 * glossary only goes one way: its English is not a source to translate back from.
 */
export const googleFormat = {
  id: 'google',
  label: 'Google Cloud glossary (CSV)',
  extension: 'csv',
  contentType: 'text/csv; charset=utf-8',
  description: 'Russian → English unidirectional glossary for Google Cloud Translation v3 (two columns, no header), in the configured spelling; export only.',
  write(entries: readonly GlossaryEntry[], options: WriteOptions): string {
    return termPairs(entries, options.spelling).map((p) => `${writeDelimited([p.source, p.target])}\r\n`).join('');
  },
} satisfies GlossaryFormat;
