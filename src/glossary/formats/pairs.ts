import { InvalidInputError } from '../../errors.js';
import type { GlossaryEntry } from '../glossary.js';
import { englishFor, type Spelling } from './format.js';

const MAX_ENTRY_BYTES = 1024;

const messages = {
  tooLong: (ids: string[]) => `These entries are longer than the ${MAX_ENTRY_BYTES} bytes a provider glossary entry may hold: ${ids.join(', ')}`,
};

/** One source → target line of a provider glossary. */
export interface TermPair {
  source: string;
  target: string;
  entryId: string;
}

/**
 * The Russian → English pairs a provider glossary (DeepL, Google) gets: the dictionary form of each
 * entry, plus its spelling with е where it is written with ё (most news text drops the dots, and
 * providers match the source literally). No source appears twice. Provider glossaries do not
 * inflect the Russian, so inflected forms still rely on the provider; Tandem's own matcher covers them.
 */
export function termPairs(entries: readonly GlossaryEntry[], spelling: Spelling): TermPair[] {
  const pairs: TermPair[] = [];
  const seen = new Set<string>();
  const tooLong: string[] = [];
  for (const entry of entries) {
    const target = englishFor(entry, spelling);
    for (const source of new Set([entry.ru, entry.ru.replace(/ё/g, 'е').replace(/Ё/g, 'Е')])) {
      if (seen.has(source)) continue;
      seen.add(source);
      if (Buffer.byteLength(`${source}\t${target}`, 'utf8') > MAX_ENTRY_BYTES) tooLong.push(entry.id);
      pairs.push({ source, target, entryId: entry.id });
    }
  }
  if (tooLong.length > 0) throw new InvalidInputError(messages.tooLong([...new Set(tooLong)]), 'glossary_not_exportable');
  return pairs;
}
