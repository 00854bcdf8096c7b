import type { GlossaryEntry } from '../glossary.js';
import type { GlossaryFormat, WriteOptions } from './format.js';
import { termPairs } from './pairs.js';

/**
 * DeepL glossary entries in its TSV form (`source<TAB>target` a line, no header), Russian → English,
 * in the configured spelling: the file `POST /v2/glossaries` takes with `entries_format=tsv`, and
 * what the DeepL web glossary editor imports.
 */
export const deeplFormat = {
  id: 'deepl',
  label: 'DeepL glossary (TSV)',
  extension: 'tsv',
  contentType: 'text/tab-separated-values; charset=utf-8',
  description: 'Russian → English pairs for a DeepL glossary (entries_format=tsv), in the configured spelling; export only.',
  write(entries: readonly GlossaryEntry[], options: WriteOptions): string {
    return termPairs(entries, options.spelling).map((p) => `${p.source}\t${p.target}\n`).join('');
  },
} satisfies GlossaryFormat;
