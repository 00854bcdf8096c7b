import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../api/harness.js';
import {
  billionLaughsTbx,
  controlCharacters,
  deepMarkdown,
  deepMarkdownList,
  deepXmlTbx,
  externalEntityTbx,
  hugeSingleLine,
  invalidUtf8,
  manyEntriesDocx,
  slowMarkdown,
  nestedZipDocx,
  nestedDivsHtml,
  nestedEmphasisMarkdown,
  nestedInlineHtml,
  zipBombDocx,
} from '../fixtures/hostile-inputs.js';
import { multipart, sendWhileProbing, storedCounts } from './probe.js';

/*
 * The hostile-input suite (issue 8): each file is generated here, sent as a translator or editor
 * would send it, and must be refused with its status and code, store nothing, and leave /healthz
 * answering within 200 ms while the request is in flight. Add a row for every new attack.
 */

let t: TestServer;
beforeAll(async () => {
  // One worker thread: the hostile task owns it, and the event loop must still answer.
  t = await startTestServer({ TANDEM_WORKERS: '1' });
});
afterAll(async () => {
  await t.close();
});

const HEALTHZ_BUDGET_MS = 200;

const importFile = (bytes: Buffer, filename: string) => () =>
  t.api('translator', '/api/v1/documents', { method: 'POST', body: multipart('file', bytes, filename) });
const importGlossary = (bytes: Buffer, filename: string) => () =>
  t.api('editor', '/api/v1/glossary/import', { method: 'POST', body: multipart('file', bytes, filename) });
const pasteText = (text: string) => () => t.api('translator', '/api/v1/documents', { method: 'POST', json: { text } });

interface HostileCase {
  what: string;
  send: () => () => Promise<Response>;
  status: number;
  code: string;
}

const cases: HostileCase[] = [
  { what: 'HTML with <i> nested 3,000 deep (9 KB)', send: () => importFile(nestedInlineHtml(3_000), 'nested.html'), status: 422, code: 'too_deeply_nested' },
  { what: 'HTML with <i> nested 330,000 deep (990 KB)', send: () => importFile(nestedInlineHtml(330_000), 'nested.html'), status: 422, code: 'too_deeply_nested' },
  { what: 'HTML of 180,000 nested <div>s (2 MB)', send: () => importFile(nestedDivsHtml(180_000), 'divs.html'), status: 422, code: 'too_deeply_nested' },
  { what: 'Markdown of 20,000 ">" (a blockquote 20,000 deep)', send: () => importFile(deepMarkdown(20_000), 'quotes.md'), status: 422, code: 'too_deeply_nested' },
  { what: 'Markdown emphasis nested 5,000 deep (marked recurses per level)', send: () => importFile(nestedEmphasisMarkdown(5_000), 'emphasis.md'), status: 422, code: 'too_deeply_nested' },
  { what: 'Markdown of 10,000 link addresses never closed (cubic in marked)', send: () => importFile(Buffer.from(`Правительство утвердило порядок. ${'[a]('.repeat(10_000)}\n`), 'links.md'), status: 422, code: 'unclosed_links' },
  { what: 'Markdown lists nested 1,000 deep', send: () => importFile(deepMarkdownList(1_000), 'lists.md'), status: 422, code: 'too_deeply_nested' },
  { what: 'a .docx zip bomb inflating to 400 MB, honest headers', send: () => importFile(zipBombDocx(400), 'bomb.docx'), status: 413, code: 'zip_entry_too_large' },
  { what: 'a .docx zip bomb inflating to 400 MB, headers claiming 1 KB', send: () => importFile(zipBombDocx(400, 'lying'), 'bomb.docx'), status: 413, code: 'zip_inflated_too_large' },
  { what: 'a .docx of 5,000 entries', send: () => importFile(manyEntriesDocx(5_000), 'entries.docx'), status: 413, code: 'zip_too_many_entries' },
  { what: 'a billion-laughs TBX glossary', send: () => importGlossary(billionLaughsTbx(), 'laughs.tbx'), status: 422, code: 'invalid_glossary' },
  { what: 'a TBX glossary with an external entity', send: () => importGlossary(externalEntityTbx(), 'xxe.tbx'), status: 422, code: 'invalid_glossary' },
  { what: 'a TBX glossary nested 500 deep', send: () => importGlossary(deepXmlTbx(500), 'deep.tbx'), status: 422, code: 'invalid_glossary' },
  { what: 'a CSV glossary that is one 1.5 MB line', send: () => importGlossary(Buffer.from(`ru,en\n${'а'.repeat(750_000)},x\n`), 'line.csv'), status: 422, code: 'invalid_glossary' },
  { what: 'a text file of invalid UTF-8', send: () => importFile(invalidUtf8(), 'broken.txt'), status: 422, code: 'undecodable' },
  { what: 'a text file with control characters', send: () => importFile(controlCharacters(), 'control.txt'), status: 422, code: 'binary_data' },
  { what: 'one 1.5 MB line with no sentence end', send: () => importFile(hugeSingleLine(1_500_000), 'line.txt'), status: 422, code: 'sentence_too_long' },
  { what: 'pasted text that is one 1.5 MB line', send: () => pasteText(hugeSingleLine(1_500_000).toString('utf8')), status: 422, code: 'sentence_too_long' },
];

describe('hostile input is refused, stores nothing, and never stalls the server', () => {
  for (const c of cases) {
    it(`when ${c.what} is sent, then ${c.status} ${c.code}, nothing is stored and /healthz keeps answering`, async () => {
      const before = await storedCounts(t);
      const { res, body, slowestProbeMs, probes } = await sendWhileProbing(t, c.send());
      expect({ status: res.status, code: (body as { error?: { code?: string } }).error?.code }).toEqual({ status: c.status, code: c.code });
      expect((body as { error: { message: string } }).error.message.length).toBeGreaterThan(20);
      expect(await storedCounts(t)).toEqual(before);
      expect(probes).toBeGreaterThan(0);
      expect(slowestProbeMs).toBeLessThan(HEALTHZ_BUDGET_MS);
    });
  }

  it('when a .docx carries a zip bomb as an embedded file, then its article imports and the inner archive is never opened', async () => {
    const { res, body, slowestProbeMs } = await sendWhileProbing(t, importFile(nestedZipDocx(100), 'nested.docx'));
    expect(res.status).toBe(201);
    expect((body as { segments: Array<{ source: string }> }).segments.map((s) => s.source)).toEqual([
      'Правительство утвердило новый порядок выдачи разрешений на строительство.',
    ]);
    expect(slowestProbeMs).toBeLessThan(HEALTHZ_BUDGET_MS);
  });

  it('when hostile uploads have been refused, then an honest article still imports and translates', async () => {
    const res = await pasteText('Правительство утвердило новый порядок выдачи разрешений. Документ вступит в силу в марте.')();
    expect(res.status).toBe(201);
    await t.ctx.jobs.idle();
    const { segments } = (await (await t.api('translator', `/api/v1/documents/${((await res.json()) as { id: number }).id}`)).json()) as {
      segments: Array<{ target: string }>;
    };
    expect(segments.every((s) => s.target.length > 0)).toBe(true);
  });
});

describe('the time limit, for work no limit on a file\'s shape catches', () => {
  let slow: TestServer;
  beforeAll(async () => {
    slow = await startTestServer({ TANDEM_WORKERS: '1', TANDEM_WORKER_TIMEOUT_MS: '1500' });
  });
  afterAll(async () => {
    await slow.close();
  });

  it('when a Markdown file takes several times the time limit to parse (300 KB of escaped asterisks, about n²), then it is stopped at the time limit as 422 processing_timeout, stores nothing, and /healthz keeps answering', async () => {
    const before = await storedCounts(slow);
    const bytes = slowMarkdown(100_000);
    const { res, body, slowestProbeMs } = await sendWhileProbing(slow, () =>
      slow.api('translator', '/api/v1/documents', { method: 'POST', body: multipart('file', bytes, 'slow.md') }),
    );
    expect({ status: res.status, code: (body as { error?: { code?: string } }).error?.code }).toEqual({ status: 422, code: 'processing_timeout' });
    expect(await storedCounts(slow)).toEqual(before);
    expect(slowestProbeMs).toBeLessThan(HEALTHZ_BUDGET_MS);
    // The stopped worker is replaced: the next honest import works.
    const next = await slow.api('translator', '/api/v1/documents', { method: 'POST', json: { text: 'Правительство утвердило новый порядок выдачи разрешений.', translate: false } });
    expect(next.status).toBe(201);
  });
});
