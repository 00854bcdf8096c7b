import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/db/database.js';
import type { GlossaryFormat } from '../src/glossary/formats/format.js';
import { glossaryFormats } from '../src/glossary/formats/registry.js';
import { liveGlossary } from '../src/glossary/load.js';
import { createEntry, importEntries, listEntries } from '../src/glossary/store.js';
import { locateEntries } from '../src/glossary/terms-file.js';
import { syntheticEntries } from './glossary-entries.js';
import { median, report } from './report.js';

/*
 * The glossary store on a 10,000-entry glossary in a SQLite file: importing it (one transaction),
 * searching it, one edit, the matcher rebuild the next ctx.glossary() pays after that edit, and
 * writing and reading it back in the import/export formats.
 */

const ENTRIES = 10_000;
const RUNS = 7;
const actor = { userId: null, name: 'bench' };

const ms = async <T>(fn: () => T | Promise<T>): Promise<[number, T]> => {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
};

export async function benchGlossaryStore(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-glossary-'));
  try {
    const db = await openDatabase({ dataDir: dir, DATABASE_URL: undefined });
    const entries = syntheticEntries(ENTRIES);
    const located = entries.map((entry, i) => ({ line: i + 2, entry }));

    const [importMs] = await ms(() => importEntries(db, located, { mode: 'merge', fileName: 'bench.tsv' }, actor));
    report('glossary_store_import_10k', importMs, 'ms', { entries: ENTRIES, note: 'one transaction, history row per entry, empty table' });
    const [reimportMs, again] = await ms(() => importEntries(db, located, { mode: 'replace', fileName: 'bench.tsv' }, actor));
    report('glossary_store_reimport_10k_unchanged', reimportMs, 'ms', { unchanged: again.unchanged });

    const searches: number[] = [];
    let found = 0;
    for (let i = 0; i < RUNS; i++) {
      const [took, hits] = await ms(() => listEntries(db, { q: 'ова' }));
      searches.push(took);
      found = hits.length;
    }
    report('glossary_store_search_10k', median(searches), 'ms', { found, runs: RUNS, statistic: 'median', query: 'ова', note: 'instr() over the folded search column; most synthetic surnames match' });

    const live = liveGlossary(db);
    await live.glossary();
    const [cachedMs] = await ms(() => live.glossary());
    report('glossary_live_cached_call', cachedMs, 'ms', { note: 'revision unchanged: one revision read' });
    const [editMs] = await ms(() => createEntry(db, { ru: 'Бенчмарк Тестов', en: 'Benchmark Testov', type: 'person', gender: 'male', source: 'bench' }, actor));
    report('glossary_store_create_entry', editMs, 'ms', { entries: ENTRIES });
    const [rebuildMs] = await ms(() => live.glossary());
    report('glossary_live_rebuild_after_edit_10k', rebuildMs, 'ms', { entries: ENTRIES + 1 });

    const formats: GlossaryFormat[] = [glossaryFormats.tbx, glossaryFormats.csv];
    for (const format of formats) {
      const [writeMs, text] = await ms(() => format.write!(entries, { spelling: 'american' }));
      const [readMs, read] = await ms(() => format.read!(text));
      const [checkMs] = await ms(() => locateEntries(read.rows, 'bench'));
      report(`glossary_${format.id}_write_10k`, writeMs, 'ms', { bytes: Buffer.byteLength(text) });
      report(`glossary_${format.id}_read_and_check_10k`, readMs + checkMs, 'ms', { parseMs: Math.round(readMs), checkMs: Math.round(checkMs) });
    }
    await db.destroy();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
