import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './browser-session.js';
import { sampleText, startTestServer, type TestServer } from './harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ TANDEM_IMPORT_SAMPLE: 'false' });
  const created = await t.api('editor', '/api/v1/documents', { method: 'POST', json: { text: sampleText, translate: false } });
  expect(created.status).toBe(201);
  expect(((await created.json()) as { id: number }).id).toBe(1);
});
afterAll(async () => {
  await t.close();
});

// Each of these is read as 1 (or 16) by Number(); none is how Tandem writes an id.
const loose = ['0x1', '0x10', '1e0', '%201', '1%20', '%091', '1.0', '+1', '01', '0b1', '0o1', '1.', '-0'];

describe('ids in paths', () => {
  it('when the id is plain decimal, then the document is found', async () => {
    expect((await t.api('editor', '/api/v1/documents/1')).status).toBe(200);
  });

  it.each(loose)('when the document id is %j, then the answer is 400 naming the id', async (id) => {
    const res = await t.api('editor', `/api/v1/documents/${id}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'bad_request', message: expect.stringContaining('id must be a positive whole number') });
  });

  it.each(['0x1', '1e0', '01'])('when the version number is %j, then the export answers 400 instead of looking it up', async (n) => {
    const res = await t.api('editor', `/api/v1/documents/1/versions/${n}/export`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('n must be a positive whole number');
  });

  it.each(['0x1', '1e0', ' 1', ''])('when the glossary form sends version %j, then it is refused with 400 and nothing changes', async (version) => {
    const editor = await signIn(t, 'editor', t.passwords.editor);
    await editor.get('/glossary/baku');
    const saved = await editor.post('/glossary/baku', { ru: 'Баку', en: 'Baky', en_gb: '', type: 'place', gender: '', forbidden: '', note: '', source: '', version });
    expect(saved.status).toBe(400);
    expect(saved.html).toContain('version must be a positive whole number');
    const retired = await editor.post('/glossary/baku/retire', { version, reason: 'test' });
    expect(retired.status).toBe(400);
    const entry = (await (await t.api('editor', '/api/v1/glossary/baku')).json()) as { en: string; status: string; version: number };
    expect(entry).toMatchObject({ en: 'Baku', status: 'active', version: 1 });
  });
});
