import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { now } from '../db/database.js';
import type { Engine, EngineSegment } from '../engines/engine.js';
import { offlineEngine } from '../engines/offline/index.js';

/**
 * Engines computed in this process are not cached: they cost nothing, and their output improves with
 * each release of Tandem (the offline lexicon), which a cache would hide.
 */
const inProcess = new Set([offlineEngine.id]);

export function usesCache(engine: Engine): boolean {
  return !inProcess.has(engine.id);
}

/** JSON with object keys sorted, so equal options always hash the same. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** sha256 of everything that decides an engine's output for one segment. */
export function cacheKey(engine: Engine, glossaryRevision: number, segment: Pick<EngineSegment, 'text' | 'terms'>): string {
  const terms = segment.terms.map((t) => [t.start, t.end, t.target, t.entryId]);
  return createHash('sha256')
    .update(stable([engine.id, engine.options ?? null, glossaryRevision, segment.text, terms]))
    .digest('hex');
}

export interface CacheEntry {
  key: string;
  engine: string;
  text: string;
}

/** Cached texts by key for the keys given; counts a hit on each one found. */
export async function readCache(db: Db, keys: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const unique = [...new Set(keys)];
  // Chunked to stay under SQLite's bound-parameter limit.
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db.selectFrom('mt_cache').select(['key', 'text']).where('key', 'in', unique.slice(i, i + 500)).execute();
    for (const r of rows) found.set(r.key, r.text);
  }
  if (found.size > 0) {
    const hitKeys = [...found.keys()];
    for (let i = 0; i < hitKeys.length; i += 500) {
      await db
        .updateTable('mt_cache')
        .set({ hits: sql`hits + 1` })
        .where('key', 'in', hitKeys.slice(i, i + 500))
        .execute();
    }
  }
  return found;
}

/** Stores fresh engine output; called inside the transaction that stores the drafts. */
export async function writeCache(db: Db, entries: readonly CacheEntry[]): Promise<void> {
  const stamp = now();
  for (let i = 0; i < entries.length; i += 200) {
    await db
      .insertInto('mt_cache')
      .values(entries.slice(i, i + 200).map((e) => ({ key: e.key, engine: e.engine, text: e.text, created_at: stamp })))
      .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ text: eb.ref('excluded.text'), created_at: stamp })))
      .execute();
  }
}
