import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Glossary } from '../glossary/glossary.js';
import { createMatcher } from '../glossary/matcher.js';
import { parseTermsFile } from '../glossary/terms-file.js';
import { loadMorphology } from '../morphology/morph.js';
import { glossaryDir } from '../paths.js';

/**
 * The shipped glossary compiled straight from glossary/terms.tsv. Measurements use this rather than
 * glossary/load.ts, whose database imports would add over a second to the offline engine's start-up
 * figure without being part of the engine.
 */
export async function glossaryFromFile(file = join(glossaryDir, 'terms.tsv')): Promise<Glossary> {
  const [text, morph] = await Promise.all([readFile(file, 'utf8'), loadMorphology()]);
  return createMatcher(parseTermsFile(text, basename(file)), morph);
}
