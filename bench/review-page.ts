import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app.js';
import { createUser } from '../src/auth/users.js';
import { createContext } from '../src/boot.js';
import { loadConfig } from '../src/config.js';
import { importDocument } from '../src/documents/service.js';
import { launchChromium } from '../tests/e2e/browser.js';
import { longArticle } from './long-article.js';
import { median, report } from './report.js';

const CHROMIUM = '/usr/bin/chromium';
const system = { kind: 'user' as const, userId: null, name: 'bench', role: 'admin' as const };

/** How soon a translator can type on a 2,000-segment review page in headless Chromium (target < 1.5 s). */
export async function benchReviewPage(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    report('review_page_usable_2000_segments', 0, 'ms', { skipped: `${CHROMIUM} is missing (apt-get install chromium)` });
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
  const config = loadConfig({ TANDEM_DATA_DIR: dataDir, LOG_LEVEL: 'error', SESSION_SECRET: 'b'.repeat(40), TANDEM_MAX_UPLOAD_MB: '10' });
  const ctx = await createContext(config);
  const server = createApp(ctx, config.SESSION_SECRET!).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  try {
    await createUser(ctx.db, { username: 'bench-editor', password: 'bench-password-1', role: 'editor' });
    const { document } = await importDocument(ctx, { bytes: longArticle(2_000), filename: 'long.txt' }, system);
    await ctx.jobs.idle();
    const segments = (await ctx.db.selectFrom('segments').select('id').where('document_id', '=', document.id).execute()).length;
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${url}/login`);
    await page.fill('input[name=username]', 'bench-editor');
    await page.fill('input[name=password]', 'bench-password-1');
    await page.click('button[type=submit]');
    await page.waitForURL(`${url}/`);
    const usable: number[] = [];
    const phases: Array<Record<string, number>> = [];
    for (let i = 0; i < 6; i++) {
      const start = Date.now();
      await page.goto(`${url}/documents/${document.id}`, { waitUntil: 'load', timeout: 60_000 });
      await page.locator('textarea').first().focus();
      await page.keyboard.type('x');
      const ms = Date.now() - start;
      // The first load warms the server's caches and the browser's; it is not counted.
      if (i === 0) continue;
      usable.push(ms);
      phases.push(
        await page.evaluate(() => {
          const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          return { firstByte: Math.round(n.responseStart), parsed: Math.round(n.domInteractive), scripts: Math.round(n.domContentLoadedEventEnd), load: Math.round(n.loadEventEnd) };
        }),
      );
    }
    const middle = phases[Math.floor(phases.length / 2)];
    report('review_page_usable_2000_segments', median(usable), 'ms', { segments, runs: usable.length, statistic: 'median', target: '< 1.5 s', until: 'load, then a key typed into the first target', phases: middle });
  } finally {
    await browser.close();
    server.close();
    await ctx.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
