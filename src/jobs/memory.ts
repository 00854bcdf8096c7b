import type { Db } from '../db/database.js';

/** What segments filled from the translation memory record as their engine. */
export const MEMORY_ENGINE = 'memory';

/**
 * The translation memory: for each source given, the target of the newest approved version that has
 * exactly that source. Approved versions are immutable, so what is found here was signed off by an editor.
 */
export async function findApprovedTargets(db: Db, sources: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const unique = [...new Set(sources)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('version_segments as vs')
      .innerJoin('document_versions as dv', 'dv.id', 'vs.version_id')
      .select(['vs.source', 'vs.target'])
      .where('vs.source', 'in', unique.slice(i, i + 500))
      .where('vs.target', '!=', '')
      // Version ids grow with every approval, so the first row per source is the newest.
      .orderBy('dv.id', 'desc')
      .execute();
    for (const r of rows) if (!found.has(r.source)) found.set(r.source, r.target);
  }
  return found;
}
