import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../src/app.js';
import { createToken } from '../src/auth/tokens.js';
import { createContext } from '../src/boot.js';
import { loadConfig } from '../src/config.js';
import { importDocument } from '../src/documents/service.js';
import { startTranslation } from '../src/jobs/translate-job.js';
import { probeHealthWhile } from '../tests/fixtures/health-probe.js';
import { deepMarkdown, nestedDivsHtml, nestedInlineHtml, zipBombDocx } from '../tests/fixtures/hostile-inputs.js';
import { longArticle } from './long-article.js';
import { report } from './report.js';

const PROBE_EVERY_MS = 10;
const system = { kind: 'user' as const, userId: null, name: 'bench', role: 'admin' as const };

const percentile = (xs: number[], p: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

function reportLatencies(name: string, latencies: number[], extra: Record<string, unknown>): void {
  report(name, percentile(latencies, 99), 'ms', {
    statistic: 'p99',
    p50: Math.round(percentile(latencies, 50) * 10) / 10,
    max: Math.round(Math.max(...latencies) * 10) / 10,
    probes: latencies.length,
    target: '< 50 ms',
    ...extra,
  });
}

/** Issue 8: does the server keep answering while it translates a long document or refuses a hostile upload? */
export async function benchResponsiveness(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
  const config = loadConfig({ TANDEM_DATA_DIR: dataDir, LOG_LEVEL: 'error', SESSION_SECRET: 'b'.repeat(40), TANDEM_MAX_UPLOAD_MB: '10' });
  const ctx = await createContext(config);
  const app = createApp(ctx, config.SESSION_SECRET!);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const { token } = await createToken(ctx.db, { name: 'bench', role: 'editor' });
    await ctx.engines.get('offline').warmUp?.();

    const started = performance.now();
    const imported = importDocument(ctx, { bytes: longArticle(10_000), filename: 'long.txt', translate: false }, system);
    const importLatencies = await probeHealthWhile(url, imported, PROBE_EVERY_MS);
    const { document } = await imported;
    const segments = (await ctx.db.selectFrom('segments').select('id').where('document_id', '=', document.id).execute()).length;
    reportLatencies('healthz_latency_while_importing', importLatencies, { segments, importMs: Math.round(performance.now() - started) });

    const translateStart = performance.now();
    const job = await startTranslation(ctx, document.id, {}, system);
    const translateLatencies = await probeHealthWhile(url, ctx.jobs.idle(), PROBE_EVERY_MS);
    const finished = await ctx.db.selectFrom('jobs').select(['state', 'done']).where('id', '=', job.id).executeTakeFirstOrThrow();
    if (finished.state !== 'done') throw new Error(`the translation job ended ${finished.state}`);
    reportLatencies('healthz_latency_while_translating', translateLatencies, { segments, translateMs: Math.round(performance.now() - translateStart) });

    const hostile: Array<[string, Buffer]> = [
      ['nested-i.html', nestedInlineHtml(330_000)],
      ['nested-div.html', nestedDivsHtml(180_000)],
      ['quotes.md', deepMarkdown(20_000)],
      ['bomb.docx', zipBombDocx(400)],
      ['lying-bomb.docx', zipBombDocx(400, 'lying')],
    ];
    const hostileLatencies: number[] = [];
    const statuses: Record<string, number> = {};
    // Five rounds, so the figure rests on more than a handful of probes (each refusal takes milliseconds).
    for (const [filename, bytes] of Array.from({ length: 5 }, () => hostile).flat()) {
      const form = new FormData();
      form.set('file', new Blob([new Uint8Array(bytes)]), filename);
      const upload = fetch(`${url}/api/v1/documents`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } }).then(async (res) => {
        await res.text();
        statuses[filename] = res.status;
      });
      hostileLatencies.push(...(await probeHealthWhile(url, upload, PROBE_EVERY_MS)));
    }
    reportLatencies('healthz_latency_while_refusing_hostile_uploads', hostileLatencies, { statuses });
  } finally {
    server.close();
    await ctx.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
