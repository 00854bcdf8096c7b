import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { loadMorphology } from '../morphology/morph.js';
import { glossaryDir } from '../paths.js';
import type { Glossary } from './glossary.js';
import { createMatcher } from './matcher.js';
import { parseTermsFile } from './terms-file.js';

const loaded = new Map<string, Promise<Glossary>>();

/**
 * Reads, validates and compiles a glossary file once per path; later calls share the result.
 * A failed load is forgotten, so fixing the file and calling again works without a restart.
 */
export function loadGlossary(file = join(glossaryDir, 'terms.tsv')): Promise<Glossary> {
  const path = resolve(file);
  let glossary = loaded.get(path);
  if (!glossary) {
    glossary = build(path);
    loaded.set(path, glossary);
    glossary.catch(() => loaded.delete(path));
  }
  return glossary;
}

async function build(path: string): Promise<Glossary> {
  const [text, morph] = await Promise.all([readFile(path, 'utf8'), loadMorphology()]);
  return createMatcher(parseTermsFile(text, basename(path)), morph);
}
