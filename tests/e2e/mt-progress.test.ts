import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { countingEngine, translationOf } from '../fixtures/counting-engine.js';
import { startTestServer, type TestServer } from '../api/harness.js';

let t: TestServer;
let browser: Browser;

beforeAll(async () => {
  t = await startTestServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const article = [
  'Прогресс перевода на странице',
  '',
  'Делегация прибыла в город утром. Переговоры начались в полдень. Стороны обсудили поставки зерна.',
  '',
  'Вечером министры подписали соглашение. Следующая встреча пройдёт осенью.',
].join('\n');

function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

async function signIn(page: Page, path: string): Promise<void> {
  await page.goto(`${t.url}${path}`);
  await page.fill('input[name=username]', 'translator');
  await page.fill('input[name=password]', t.passwords.translator);
  await page.click('button[type=submit]');
  await page.waitForURL(`${t.url}${path}`);
}

describe('machine translation on the review page', () => {
  it('when a job runs, then a progress bar shows done and remaining live, and the drafts appear when it finishes', async () => {
    const first = gate();
    const second = gate();
    const engine = countingEngine({ id: 'paced', label: 'Paced Provider', maxBatch: 2, before: (call) => (call === 1 ? first.wait : call === 2 ? second.wait : undefined) });
    t.ctx.engines.register(engine);
    const created = await t.api('translator', '/api/v1/documents', { method: 'POST', json: { text: article, engine: 'paced' } });
    const { id, segments } = (await created.json()) as { id: number; segments: unknown[] };
    const total = segments.length;

    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, `/documents/${id}`);
    await expect.poll(() => page.getAttribute('#job-progress', 'max')).toBe(String(total));
    expect(await page.textContent('#job-remaining')).toBe(String(total));

    first.open();
    await expect.poll(() => page.textContent('#job-remaining')).toBe(String(total - 2));
    expect(await page.evaluate(() => (document.getElementById('job-progress') as HTMLProgressElement).value)).toBe(2);
    expect(await page.textContent('#job-cost')).toMatch(/^[1-9]\d* characters billed/);

    second.open();
    await expect.poll(() => page.locator('#job').count()).toBe(0);
    const firstTarget = await page.locator('tr.segment textarea').first().inputValue();
    expect(firstTarget).toContain('paced English of');
    await context.close();
  });

  it('when a translator compares engines on a segment and picks one, then its text fills the target and is saved', async () => {
    t.ctx.engines.register(countingEngine({ id: 'rival', label: 'Rival Provider' }));
    const created = await t.api('translator', '/api/v1/documents', { method: 'POST', json: { text: article } });
    const { id, segments } = (await created.json()) as { id: number; segments: Array<{ id: number; source: string }> };
    await t.ctx.jobs.idle();

    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, `/documents/${id}`);
    const row = page.locator(`#seg-${segments[1]!.id}`);
    await row.locator('button.compare-open').click();
    const dialog = page.locator('#compare-dialog');
    await expect.poll(() => dialog.locator('li.compare-result').count()).toBe(t.ctx.engines.list().length);
    const rival = dialog.locator('li[data-engine="rival"]');
    const expected = translationOf('rival', { text: segments[1]!.source, terms: [] });
    expect(await rival.locator('.compare-text').textContent()).toBe(expected);
    expect(await rival.locator('.badge').textContent()).toContain('glossary');
    await rival.locator('button.use').click();
    expect(await dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    expect(await row.locator('textarea').inputValue()).toBe(expected);

    // Leaving the field saves it through the review editor.
    await page.locator(`#seg-${segments[2]!.id} textarea`).focus();
    await expect.poll(async () => {
      const doc = (await (await t.api('translator', `/api/v1/documents/${id}`)).json()) as { segments: Array<{ id: number; target: string }> };
      return doc.segments.find((s) => s.id === segments[1]!.id)?.target;
    }).toBe(expected);

    // The keyboard opens it too, on the focused segment.
    await page.locator(`#seg-${segments[2]!.id} textarea`).press('Control+Shift+E');
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    await expect.poll(() => page.textContent('#compare-dialog .compare-source')).toBe(segments[2]!.source);
    await context.close();
  });
});
