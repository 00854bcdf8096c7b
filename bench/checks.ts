import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext } from '../src/boot.js';
import { checkDocument, checkSegments } from '../src/checks/service.js';
import { loadConfig } from '../src/config.js';
import type { AppContext } from '../src/context.js';
import { importDocument } from '../src/documents/service.js';
import { SAMPLE_ARTICLE } from '../src/first-start.js';
import { projectRoot } from '../src/paths.js';
import { reviewAnnotations } from '../src/review/annotations.js';
import { median, report, time } from './report.js';

const system = { kind: 'user' as const, userId: null, name: 'bench', role: 'admin' as const };

async function imported(ctx: AppContext, text: string): Promise<number> {
  const { document } = await importDocument(ctx, { text }, system);
  await ctx.jobs.idle();
  return document.id;
}

async function runs(n: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < n; i++) ms.push((await time(fn))[0]);
  return median(ms);
}

/** Issue 3's after-MT figures: checking one saved segment, a whole article, and the review page's annotations. */
export async function benchChecks(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-bench-checks-'));
  const config = loadConfig({ TANDEM_DATA_DIR: dataDir, LOG_LEVEL: 'error', SESSION_SECRET: 'c'.repeat(40), TANDEM_MAX_UPLOAD_MB: '10', TANDEM_IMPORT_SAMPLE: 'false' });
  const ctx = await createContext(config);
  try {
    const sample = readFileSync(SAMPLE_ARTICLE, 'utf8');
    const id = await imported(ctx, sample);
    const segments = await ctx.db.selectFrom('segments').select(['id', 'source']).where('document_id', '=', id).orderBy('idx').execute();
    report('check_one_segment', await runs(30, () => checkSegments(ctx, [segments[1]!.id])), 'ms', { runs: 30, statistic: 'median', note: 'what a segment save adds' });
    report('check_sample_article', await runs(10, () => checkDocument(ctx, id)), 'ms', { runs: 10, statistic: 'median', segments: segments.length });
    report('review_annotations_sample_article', await runs(10, () => reviewAnnotations(ctx, id, segments)), 'ms', { runs: 10, statistic: 'median', note: 'terms, issues and unknown names for the review page' });

    const seed = join(projectRoot, '..', 'shared', 'seed', 'article.ru.txt');
    if (existsSync(seed)) {
      const seedId = await imported(ctx, readFileSync(seed, 'utf8'));
      report('check_seed_article', await runs(10, () => checkDocument(ctx, seedId)), 'ms', { runs: 10, statistic: 'median' });
    }

    const body = sample.split(/\n\s*\n/).slice(1).join('\n\n');
    const longId = await imported(ctx, ['Длинный материал для замера проверок', ...Array.from({ length: 80 }, () => body)].join('\n\n'));
    const longSegments = await ctx.db.selectFrom('segments').select(['id', 'source']).where('document_id', '=', longId).execute();
    report('check_long_document', await runs(3, () => checkDocument(ctx, longId)), 'ms', { runs: 3, statistic: 'median', segments: longSegments.length });
    report('review_annotations_long_document', await runs(3, () => reviewAnnotations(ctx, longId, longSegments)), 'ms', { runs: 3, statistic: 'median', segments: longSegments.length });
  } finally {
    await ctx.jobs.idle();
    await ctx.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
