import { median, report, time } from './report.js';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app.js';
import { createContext } from '../src/boot.js';
import { loadConfig } from '../src/config.js';
import type { AppContext } from '../src/context.js';
import { createToken } from '../src/auth/tokens.js';
import { importDocument } from '../src/documents/service.js';
import { exportVersion } from '../src/exports/service.js';
import { SAMPLE_ARTICLE } from '../src/first-start.js';
import { projectRoot } from '../src/paths.js';
import { longArticle } from './long-article.js';
import { approveDocument } from '../src/review/approval.js';


const system = { kind: 'user' as const, userId: null, name: 'bench', role: 'admin' as const };

async function importAndTranslate(ctx: AppContext, bytes: Buffer, filename: string): Promise<number> {
  const { document } = await importDocument(ctx, { bytes, filename }, system);
  await ctx.jobs.idle();
  return document.id;
}

/** The end-to-end figures of issue 2: import + segment + translate, review page render, XLIFF export. */
export async function benchWorkflow(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
  const config = loadConfig({ TANDEM_DATA_DIR: dataDir, LOG_LEVEL: 'error', SESSION_SECRET: 'b'.repeat(40), TANDEM_MAX_UPLOAD_MB: '10' });
  const ctx = await createContext(config);
  try {
    const sample = readFileSync(SAMPLE_ARTICLE);
    const [cold] = await time(() => importAndTranslate(ctx, sample, 'sample.txt'));
    report('import_segment_translate_sample_cold', cold, 'ms', { note: 'first run: loads dictionaries, lexicon, glossary' });
    const warm: number[] = [];
    for (let i = 0; i < 7; i++) warm.push((await time(() => importAndTranslate(ctx, sample, 'sample.txt')))[0]);
    report('import_segment_translate_sample', median(warm), 'ms', { runs: warm.length, statistic: 'median' });

    const seed = join(projectRoot, '..', 'shared', 'seed', 'article.ru.txt');
    if (existsSync(seed)) {
      const bytes = readFileSync(seed);
      const runs: number[] = [];
      for (let i = 0; i < 7; i++) runs.push((await time(() => importAndTranslate(ctx, bytes, 'seed.txt')))[0]);
      report('import_segment_translate_seed_article', median(runs), 'ms', { runs: runs.length, statistic: 'median' });
    }

    const [longMs, longId] = await time(() => importAndTranslate(ctx, longArticle(2000), 'long.txt'));
    const segmentCount = (await ctx.db.selectFrom('segments').select('id').where('document_id', '=', longId).execute()).length;
    report('import_segment_translate_long_document', longMs, 'ms', { segments: segmentCount });

    const { token } = await createToken(ctx.db, { name: 'bench', role: 'editor' });
    const app = createApp(ctx, config.SESSION_SECRET!);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/documents/${longId}`;
    const renders: number[] = [];
    for (let i = 0; i < 8; i++) {
      const [ms, res] = await time(async () => {
        const r = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
        await r.text();
        return r;
      });
      if (res.status !== 200) throw new Error(`review page answered ${res.status}`);
      if (i > 0) renders.push(ms);
    }
    server.close();
    report('review_page_render', median(renders), 'ms', { segments: segmentCount, runs: renders.length, statistic: 'median' });

    await ctx.db.updateTable('segments').set({ status: 'translated' }).where('document_id', '=', longId).execute();
    const { version } = await approveDocument(ctx, longId, system);
    const exports: number[] = [];
    for (let i = 0; i < 8; i++) exports.push((await time(() => exportVersion(ctx, longId, version, 'xliff')))[0]);
    report('xliff_export', median(exports.slice(1)), 'ms', { segments: segmentCount, runs: exports.length - 1, statistic: 'median' });
  } finally {
    await ctx.jobs.idle();
    await ctx.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
