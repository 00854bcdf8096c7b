import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { startTestServer, type TestServer } from '../api/harness.js';

/** Written for these tests: a glossary person and rank, and (the first test adds him to the glossary) a person it does not know. */
const articleWith = (person: string) =>
  [
    'Генерал армии провел совещание',
    '',
    `МОСКВА, 3 марта — Tandem. Генерал армии Валерий Герасимов встретился с ${person}.`,
    '',
    'Стороны обсудили подготовку войск.',
  ].join('\n');

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

async function signedInPage(role: 'editor' | 'translator', path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${t.url}/login?next=${encodeURIComponent(path)}`);
  await page.fill('input[name=username]', role);
  await page.fill('input[name=password]', t.passwords[role]);
  await page.click('button[type=submit]');
  await page.waitForURL(`${t.url}${path}`);
  return page;
}

async function importArticle(person = 'коллегами'): Promise<number> {
  const res = await t.api('translator', '/api/v1/documents', { method: 'POST', json: { text: articleWith(person) } });
  const { id } = (await res.json()) as { id: number };
  await t.ctx.jobs.idle();
  return id;
}

describe('glossary terms and checks on the review page', () => {
  it('when the page opens, then source terms are marked with their official English, the target shows them, and unknown names are listed', async () => {
    const id = await importArticle('Ринатом Хайруллиным');
    const page = await signedInPage('editor', `/documents/${id}`);
    const row = page.locator('tr.segment', { hasText: 'Валерий Герасимов' });

    const person = row.locator('td.source mark.term', { hasText: 'Валерий Герасимов' });
    await expect.poll(() => person.getAttribute('title')).toBe('Official: Valery Gerasimov');
    await person.hover();
    expect(await row.locator('td.source mark.term', { hasText: 'Генерал армии' }).getAttribute('title')).toBe('Official: General of the Army');
    await expect.poll(() => row.locator('.term-preview mark.term').allTextContents()).toEqual(['General of the Army', 'Valery Gerasimov']);

    const name = page.locator('.names-panel li.name', { hasText: 'Ринат Хайруллин' });
    expect(await name.count()).toBe(1);
    await name.locator('button.add-term').click();
    expect(await name.locator('input[name=en]').inputValue()).toBe('Rinat Khairullin');
    await name.locator('input[name=en]').fill('Rinat Khayrullin');
    const [request] = await Promise.all([page.waitForRequest((r) => r.url().endsWith('/api/v1/glossary') && r.method() === 'POST'), name.locator('button[type=submit]').click()]);
    expect(request.postDataJSON()).toEqual({ ru: 'Ринат Хайруллин', en: 'Rinat Khayrullin', type: 'person', gender: 'male', source: `Review of document ${id} (transliteration, to confirm)` });
    await expect.poll(() => name.locator('.message').textContent(), { timeout: 10_000 }).toContain('Added as “Rinat Khayrullin”');

    // The glossary now knows him: the name is a term in the source and leaves the list.
    await t.ctx.jobs.idle();
    await page.reload();
    await expect.poll(() => row.locator('td.source mark.term', { hasText: 'Ринатом Хайруллиным' }).getAttribute('title')).toBe('Official: Rinat Khayrullin');
    expect(await page.locator('.names-panel li.name').count()).toBe(0);
    await page.context().close();
  });

  it('when a target loses its official term, then the issue appears after saving, blocks approval, and an editor’s override with a reason unblocks it', async () => {
    const id = await importArticle();
    const page = await signedInPage('editor', `/documents/${id}`);
    const rows = page.locator('tr.segment');
    const row = page.locator('tr.segment', { hasText: 'Валерий Герасимов' });

    const area = row.locator('textarea');
    await area.fill('The chief met a colleague in Moscow.');
    await expect.poll(() => row.locator('.term-preview mark.term').count()).toBe(0);
    await area.press('Control+s');
    const errors = row.locator('li.issue.error');
    await expect.poll(() => errors.count()).toBe(2);
    expect(await errors.allTextContents()).toEqual([expect.stringContaining('General of the Army'), expect.stringContaining('Valery Gerasimov')]);

    const count = await rows.count();
    for (let i = 0; i < count; i++) {
      await rows.nth(i).locator('textarea').focus();
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => rows.nth(i).getAttribute('data-status')).toBe('translated');
    }
    expect(await page.locator('#approve').isDisabled()).toBe(true);
    expect(await page.textContent('#approve-hint')).toBe('2 checks to fix or override before approval');

    for (let n = 0; n < 2; n++) {
      const issue = row.locator('li.issue.error:not(.overridden)').first();
      await issue.locator('button.override').click();
      await issue.locator('input[name=reason]').fill('The rank and name are given in the headline.');
      await issue.locator('button[type=submit]').click();
      await expect.poll(() => row.locator('li.issue.error:not(.overridden)').count()).toBe(1 - n);
    }
    await expect.poll(() => row.locator('li.issue.overridden .override-note').first().textContent()).toContain('editor: The rank and name are given in the headline.');
    await expect.poll(() => page.locator('#approve').isDisabled()).toBe(false);

    await page.click('#approve');
    await page.waitForURL(/notice=approved/);
    expect(await page.textContent('.badge.approved')).toContain('approved v1');
    await page.context().close();
  });

  it('when a translator sees an issue, then there is no override button', async () => {
    const id = await importArticle();
    const s = ((await (await t.api('translator', `/api/v1/documents/${id}`)).json()) as { segments: { id: number; source: string; version: number }[] }).segments.find((x) => x.source.includes('Валерий Герасимов'))!;
    await t.api('translator', `/api/v1/documents/${id}/segments/${s.id}`, { method: 'PATCH', json: { target: 'The chief arrived.', version: s.version } });
    const page = await signedInPage('translator', `/documents/${id}`);
    const row = page.locator(`#seg-${s.id}`);
    await expect.poll(() => row.locator('li.issue.error').count()).toBe(2);
    expect(await row.locator('button.override').count()).toBe(0);
    expect(await page.locator('.names-panel button.add-term').count()).toBe(0);
    await page.context().close();
  });
});
