import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleText, startTestServer, type TestServer } from './harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

const documentCount = async () => Number((await t.ctx.db.selectFrom('documents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

function upload(name: string, bytes: Uint8Array<ArrayBuffer> | string, type = 'application/octet-stream'): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), name);
  return t.api('translator', '/api/v1/documents', { method: 'POST', body: form });
}

/** Windows-1251 bytes for a Russian string, built from the code page's layout (А..я are 0xC0..0xFF, Ё 0xA8, ё 0xB8). */
function cp1251(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(text, (ch) => {
    const c = ch.codePointAt(0)!;
    if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
    if (c === 0x401) return 0xa8;
    if (c === 0x451) return 0xb8;
    if (c === 0x2014) return 0x97;
    if (c < 0x80) return c;
    throw new Error(`no cp1251 byte for ${ch}`);
  });
}

describe('bad input is refused with a clear error and nothing is stored', () => {
  const cases: Array<[string, () => Promise<Response>, number, string]> = [
    ['empty text', () => t.api('translator', '/api/v1/documents', { method: 'POST', json: { text: '   \n  ' } }), 422, 'empty_text'],
    ['text that is not Russian', () => t.api('translator', '/api/v1/documents', {
      method: 'POST',
      json: { text: 'The Chief of the General Staff met his counterpart in Baku on Tuesday to discuss regional security.' },
    }), 422, 'not_russian'],
    ['binary data', () => upload('photo.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 0, 4, 5])), 422, 'binary_data'],
    ['a file over 2 MB', () => upload('big.txt', 'Москва. '.repeat(200_000), 'text/plain'), 413, 'payload_too_large'],
    ['a broken .docx', () => upload('article.docx', 'PK\u0003\u0004 this is not really a zip archive'), 422, 'broken_docx'],
    ['an unsupported file type', () => upload('article.pdf', '%PDF-1.4 something'), 415, 'unsupported_format'],
    ['HTML nested 3,000 elements deep', () => upload('page.html', `<body>${'<i>'.repeat(3_000)}<p>${sampleText}</p></body>`, 'text/html'), 422, 'too_deeply_nested'],
    ['a .docx of 2,000 files', async () => {
      const zip = new JSZip();
      for (let n = 0; n < 2_000; n++) zip.file(`word/part${n}.xml`, '<a/>');
      return upload('article.docx', new Uint8Array(await zip.generateAsync({ type: 'arraybuffer' })));
    }, 413, 'zip_too_many_entries'],
    ['malformed JSON', () => t.api('translator', '/api/v1/documents', { method: 'POST', body: '{"text": ', headers: { 'content-type': 'application/json' } }), 400, 'bad_json'],
    ['no text and no file', () => t.api('translator', '/api/v1/documents', { method: 'POST', json: { title: 'x' } }), 400, 'bad_request'],
  ];

  for (const [name, send, status, code] of cases) {
    it(`when the request has ${name}, then ${status} ${code}`, async () => {
      const before = await documentCount();
      const res = await send();
      expect(res.status).toBe(status);
      const body = await res.json();
      expect(body.error.code).toBe(code);
      expect(body.error.message.length).toBeGreaterThan(10);
      expect(await documentCount()).toBe(before);
    });
  }

  it('when KOI8-R bytes (neither UTF-8 nor Windows-1251 Russian) arrive, then 422 undecodable', async () => {
    // "Привет, мир. Как дела у министра обороны?" in KOI8-R: read as cp1251 it is nonsense with case flips.
    const koi8: Record<string, number> = { П: 0xf0, р: 0xd2, и: 0xc9, в: 0xd7, е: 0xc5, т: 0xd4, м: 0xcd, К: 0xeb, а: 0xc1, к: 0xcb, д: 0xc4, л: 0xcc, у: 0xd5, н: 0xce, с: 0xd3, о: 0xcf, б: 0xc2, ы: 0xd9 };
    const text = 'Привет, мир. Как дела у министра обороны? Министр обороны провел совещание.';
    const bytes = Uint8Array.from(text, (ch) => koi8[ch] ?? ch.charCodeAt(0));
    const before = await documentCount();
    const res = await upload('koi8.txt', bytes, 'text/plain');
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe('undecodable');
    expect(await documentCount()).toBe(before);
  });
});

describe('good input in every format', () => {
  it('when a Windows-1251 .txt is uploaded, then it is decoded and segmented', async () => {
    const res = await upload('article.txt', cp1251(sampleText), 'text/plain');
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.title).toBe('Министр обороны провел совещание в Москве');
    expect(body.segments[1].kind).toBe('dateline');
  });

  it('when an .html file is uploaded, then its headline and paragraphs are recognised', async () => {
    const html = `<!doctype html><html><head><title>Совещание</title><script>alert(1)</script></head><body>
      <h1>Министр обороны провел совещание в Москве</h1>
      <p>МОСКВА, 3 марта — Tandem. Генерал армии Валерий Герасимов провел совещание.</p>
      <p>Стороны обсудили вопросы подготовки войск.</p></body></html>`;
    const res = await upload('article.html', html, 'text/html');
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.title).toBe('Министр обороны провел совещание в Москве');
    expect(body.segments.map((s: { source: string }) => s.source).join(' ')).not.toContain('alert');
  });

  it('when a .md file is uploaded, then markup is stripped', async () => {
    const md = '# Министр обороны провел совещание\n\nМОСКВА, 3 марта — Tandem. **Генерал армии** [Валерий Герасимов](https://example.org) провел совещание.\n';
    const res = await upload('article.md', md, 'text/markdown');
    expect(res.status).toBe(201);
    const sources = (await res.json()).segments.map((s: { source: string }) => s.source).join(' ');
    expect(sources).toContain('Генерал армии Валерий Герасимов провел совещание.');
    expect(sources).not.toMatch(/[*\[\]]/);
  });
});
