import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { startTestServer, type TestServer } from './harness.js';

// The article Tandem was made for; read at run time, never copied into the repository.
const SEED = join(projectRoot, '..', 'shared', 'seed', 'article.ru.txt');
const present = existsSync(SEED);

let t: TestServer;
beforeAll(async () => {
  if (present) t = await startTestServer();
});
afterAll(async () => {
  await t?.close();
});

describe.skipIf(!present)('the seed article through the whole path', () => {
  it('when it is uploaded, translated, confirmed and approved, then 15–25 segments have MT drafts and the XLIFF has as many units', async () => {
    const form = new FormData();
    form.append('file', new Blob([readFileSync(SEED)], { type: 'text/plain' }), 'article.ru.txt');
    const created = await t.api('translator', '/api/v1/documents', { method: 'POST', body: form });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    await t.ctx.jobs.idle();

    const doc = await (await t.api('translator', `/api/v1/documents/${id}`)).json();
    const segments = doc.segments as Array<{ id: number; kind: string; mt: string | null; version: number; target: string }>;
    expect(segments.length).toBeGreaterThanOrEqual(15);
    expect(segments.length).toBeLessThanOrEqual(25);
    expect(segments[0]!.kind).toBe('dateline');
    for (const s of segments) expect(s.mt?.trim(), JSON.stringify(s)).toBeTruthy();
    expect(segments.map((s) => s.mt).join(' ')).toContain('Valery Gerasimov');

    for (const s of segments) {
      const res = await t.api('translator', `/api/v1/documents/${id}/segments/${s.id}`, { method: 'PATCH', json: { status: 'translated', version: s.version } });
      expect(res.status).toBe(200);
    }
    expect((await t.api('editor', `/api/v1/documents/${id}/approve`, { method: 'POST' })).status).toBe(201);
    const xliff = await (await t.api('publisher', `/api/v1/documents/${id}/versions/1/export?format=xliff`)).text();
    expect(xliff.match(/<unit /g)?.length).toBe(segments.length);
  });
});
