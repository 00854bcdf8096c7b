import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.js';
import { sampleText, startTestServer, type TestServer } from '../api/harness.js';

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

describe('a reviewer in the browser', () => {
  it('when an editor signs in, edits a segment, confirms all, approves and downloads, then the export holds the edit', async () => {
    const created = await t.api('translator', '/api/v1/documents', { method: 'POST', json: { text: sampleText } });
    const { id } = (await created.json()) as { id: number };
    await t.ctx.jobs.idle();

    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${t.url}/documents/${id}`);
    await expect.poll(() => page.url()).toContain('/login');
    await page.fill('input[name=username]', 'editor');
    await page.fill('input[name=password]', t.passwords.editor);
    await page.click('button[type=submit]');
    await page.waitForURL(`${t.url}/documents/${id}`);

    const rows = page.locator('tr.segment');
    const count = await rows.count();
    expect(count).toBeGreaterThan(3);

    // Edit the headline, then confirm every segment from the keyboard.
    const headline = rows.nth(0).locator('textarea');
    // Keeps the glossary's official English (Defence Minister, Moscow): a term left out would block approval.
    await headline.fill('Defence Minister holds talks in Moscow');
    await headline.press('Control+Enter');
    await expect.poll(() => rows.nth(0).getAttribute('data-status')).toBe('translated');
    await expect.poll(async () => (await rows.nth(0).locator('.diff ins').count()) > 0).toBe(true);
    for (let i = 1; i < count; i++) {
      await rows.nth(i).locator('textarea').focus();
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => rows.nth(i).getAttribute('data-status')).toBe('translated');
    }
    await expect.poll(() => page.textContent('#progress-text')).toBe(`${count} of ${count} confirmed`);

    // The save went through the server without a reload: a fresh load shows it.
    await page.reload();
    await expect.poll(() => rows.nth(0).locator('textarea').inputValue()).toBe('Defence Minister holds talks in Moscow');

    await page.click('#approve');
    await page.waitForURL(/notice=approved/);
    expect(await page.textContent('.badge.approved')).toContain('approved v1');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href$="format=txt"]')]);
    const path = await download.path();
    expect(download.suggestedFilename()).toBe(`document-${id}-v1.txt`);
    expect(readFileSync(path, 'utf8')).toContain('Defence Minister holds talks in Moscow');
    await context.close();
  });

  it('when a session posts to the API without its CSRF token, then it is refused as csrf_invalid; with the page token it goes through', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${t.url}/login`);
    await page.fill('input[name=username]', 'translator');
    await page.fill('input[name=password]', t.passwords.translator);
    await page.click('button[type=submit]');
    await page.waitForURL(`${t.url}/`);
    const result = await page.evaluate(async () => {
      const send = (headers: Record<string, string>) =>
        fetch('/api/v1/documents', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ text: 'Министр обороны провел совещание в Москве.', translate: false }),
        });
      const refused = await send({});
      const body = (await refused.json()) as { error: { code: string } };
      // The same request with the token the page carries, so the refusal above is the token's absence and nothing else.
      const token = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
      const accepted = await send({ 'x-csrf-token': token });
      return { refused: refused.status, code: body.error.code, accepted: accepted.status };
    });
    expect(result).toEqual({ refused: 403, code: 'csrf_invalid', accepted: 201 });
    await context.close();
  });
});
