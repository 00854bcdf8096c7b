import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext } from '../src/boot.js';
import { loadConfig } from '../src/config.js';
import type { AppContext } from '../src/context.js';
import { now } from '../src/db/database.js';
import { listSegments } from '../src/documents/repository.js';
import { importDocument } from '../src/documents/service.js';
import type { Engine } from '../src/engines/engine.js';
import { SAMPLE_ARTICLE } from '../src/first-start.js';
import { getJob, startTranslation } from '../src/jobs/translate-job.js';
import { projectRoot } from '../src/paths.js';
import { median, report, time } from './report.js';

const system = { kind: 'user' as const, userId: null, name: 'bench', role: 'admin' as const };

/** Stands in for a provider that bills per character (like DeepL): counts requests, sends nothing anywhere. */
function countingProvider(): Engine & { requests: number } {
  const engine = {
    id: 'bench-provider',
    label: 'Bench provider (no network)',
    sendsDataToThirdParty: true,
    maxBatch: 50,
    requests: 0,
    async translate(batch: readonly { text: string }[]) {
      engine.requests += 1;
      return batch.map((s) => ({ text: `English of ${s.text.length} characters.` }));
    },
  };
  return engine;
}

async function translate(ctx: AppContext, documentId: number, engine: string) {
  const job = await startTranslation(ctx, documentId, { engine }, system);
  await ctx.jobs.idle();
  return getJob(ctx, job.id);
}

/** An approved version of the document's current targets, stored as approval stores it (QA checks are not the subject here). */
async function approve(ctx: AppContext, documentId: number): Promise<void> {
  const segments = await listSegments(ctx.db, documentId);
  await ctx.db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('document_versions')
      .values({ document_id: documentId, number: 1, title: 'bench', approved_by: null, approved_at: now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('version_segments')
      .values(segments.map((s) => ({ version_id: id, idx: s.idx, paragraph: s.paragraph, kind: s.kind, source: s.source, target: s.target })))
      .execute();
  });
}

/** Issue 5 figures: what a second translation of the same document bills (target 0), cache and memory hits. */
export async function benchCost(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-bench-cost-'));
  const config = loadConfig({ TANDEM_DATA_DIR: dataDir, LOG_LEVEL: 'error', SESSION_SECRET: 'c'.repeat(40) });
  const ctx = await createContext(config);
  const provider = countingProvider();
  ctx.engines.register(provider);
  try {
    const articles: Array<[string, Buffer]> = [['sample', readFileSync(SAMPLE_ARTICLE)]];
    const seed = join(projectRoot, '..', 'shared', 'seed', 'article.ru.txt');
    if (existsSync(seed)) articles.push(['seed', readFileSync(seed)]);

    for (const [article, bytes] of articles) {
      const start = provider.requests;
      const { document } = await importDocument(ctx, { bytes, filename: `${article}.txt`, engine: provider.id }, system);
      await ctx.jobs.idle();
      const first = await ctx.db.selectFrom('jobs').selectAll().where('document_id', '=', document.id).executeTakeFirstOrThrow();
      const segments = first.total;
      report('cost_first_translation_billed_characters', first.billed_characters, 'characters', { article, segments, requests: provider.requests - start });

      const before = provider.requests;
      const second = await translate(ctx, document.id, provider.id);
      report('cost_second_translation_billed_characters', second.billed_characters, 'characters', {
        article,
        target: 0,
        requests: provider.requests - before,
        cachedSegments: second.cached_segments,
        segments,
      });

      await approve(ctx, document.id);
      const again = await importDocument(ctx, { bytes, filename: `${article}.txt`, engine: provider.id }, system);
      await ctx.jobs.idle();
      const fromMemory = await getJob(ctx, again.job!.id);
      report('cost_memory_hits_same_article', fromMemory.memory_segments, 'segments', {
        article,
        segments,
        billedCharacters: fromMemory.billed_characters,
        requests: provider.requests - before,
      });

      const runs: number[] = [];
      for (let i = 0; i < 6; i++) runs.push((await time(() => translate(ctx, document.id, provider.id)))[0] / segments);
      report('cost_cached_translation_per_segment', median(runs.slice(1)), 'ms', { article, segments, runs: runs.length - 1, statistic: 'median' });
    }
  } finally {
    await ctx.jobs.idle();
    await ctx.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
