import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Db } from '../db/database.js';
import { loadMorphology } from '../morphology/morph.js';
import { glossaryDir } from '../paths.js';
import type { Glossary } from './glossary.js';
import { createMatcher, createMatcherYielding, type MatcherOptions } from './matcher.js';
import { activeGlossary, glossaryRevision, seedGlossary } from './store.js';
import { parseTermsFile } from './terms-file.js';

/** The glossary file shipped with Tandem: the seed of an empty database and the git-reviewable source. */
export const TERMS_FILE = join(glossaryDir, 'terms.tsv');

const loaded = new Map<string, Promise<Glossary>>();

/**
 * Reads, validates and compiles a glossary file once per path; later calls share the result.
 * A failed load is forgotten, so fixing the file and calling again works without a restart.
 * The app itself uses the database (liveGlossary); this serves tests and tools that read the file.
 */
export function loadGlossary(file = TERMS_FILE): Promise<Glossary> {
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

/** The glossary as the app sees it: the active entries in the database, compiled, and their revision. */
export interface LiveGlossary {
  glossary(): Promise<Glossary>;
  revision(): Promise<number>;
}

/**
 * A matcher over the database's active entries, rebuilt only when the glossary revision has moved
 * (each call costs one read of the revision). Concurrent callers of one revision share one build.
 */
export function liveGlossary(db: Db, options: MatcherOptions = {}): LiveGlossary {
  let cached: { revision: number; glossary: Promise<Glossary> } | undefined;
  return {
    revision: () => glossaryRevision(db),
    async glossary() {
      const revision = await glossaryRevision(db);
      if (cached && cached.revision >= revision) return cached.glossary;
      const glossary = (async () => {
        const [active, morph] = await Promise.all([activeGlossary(db), loadMorphology()]);
        return createMatcherYielding(active.entries, morph, options);
      })();
      const entry = { revision, glossary };
      cached = entry;
      glossary.catch(() => {
        if (cached === entry) cached = undefined;
      });
      return glossary;
    },
  };
}

/** On an empty glossary table, imports glossary/terms.tsv (or `file`); a broken seed file stops start-up with its line-numbered errors. */
export async function seedGlossaryFromFile(db: Db, file = TERMS_FILE): Promise<number> {
  const any = await db.selectFrom('glossary_entries').select('id').limit(1).executeTakeFirst();
  if (any) return 0;
  const entries = parseTermsFile(await readFile(file, 'utf8'), basename(file));
  return seedGlossary(db, entries, `glossary/${basename(file)}`);
}
