import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listGlossaryFormats } from '../../src/glossary/formats/registry.js';
import { TERMS_COLUMNS } from '../../src/glossary/terms-file.js';
import { startTestServer, type TestServer } from './harness.js';

interface EntryJson {
  id: string;
  ru: string;
  en: string;
  enGb: string | null;
  status: string;
  version: number;
}

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

const port = { ru: 'Бакинский морской порт', en: 'Port of Baku', type: 'organisation', source: 'portofbaku.com' };

async function entries(query = ''): Promise<EntryJson[]> {
  const res = await t.api('translator', `/api/v1/glossary${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { entries: EntryJson[] }).entries;
}

describe('glossary API', () => {
  it('when the app starts on an empty database, then the glossary holds the shipped terms.tsv', async () => {
    const list = await entries();
    expect(list.length).toBeGreaterThanOrEqual(80);
    expect(list.find((e) => e.id === 'valeriy-gerasimov')).toMatchObject({ en: 'Valery Gerasimov', enGb: null, status: 'active', version: 1 });
    expect(await entries('?q=defence')).toContainEqual(expect.objectContaining({ ru: 'Министерство обороны', enGb: 'Ministry of Defence' }));
  });

  it('when a translator or a publisher tries to change the glossary, then 403; a publisher cannot read it either', async () => {
    expect((await t.api('translator', '/api/v1/glossary', { method: 'POST', json: port })).status).toBe(403);
    expect((await t.api('translator', '/api/v1/glossary/baku', { method: 'PATCH', json: { en: 'Baky', version: 1 } })).status).toBe(403);
    expect((await t.api('translator', '/api/v1/glossary/import', { method: 'POST', json: { content: 'x', format: 'csv' } })).status).toBe(403);
    expect((await t.api('publisher', '/api/v1/glossary')).status).toBe(403);
    expect((await t.api(null, '/api/v1/glossary')).status).toBe(401);
  });

  it('when an editor adds an entry, then 201, the revision moves, and ctx.glossary() matches it in an inflected form', async () => {
    const before = await t.ctx.glossaryRevision();
    const res = await t.api('editor', '/api/v1/glossary', { method: 'POST', json: port });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe('/api/v1/glossary/bakinskiy-morskoy-port');
    expect(await res.json()).toMatchObject({ id: 'bakinskiy-morskoy-port', en: 'Port of Baku', status: 'active', version: 1 });
    expect(await t.ctx.glossaryRevision()).toBe(before + 1);
    const matches = (await t.ctx.glossary()).match('Судно вошло в Бакинский морской порт, а затем покинуло Бакинского морского порта акваторию.');
    expect(matches.filter((m) => m.entryId === 'bakinskiy-morskoy-port').map((m) => m.target)).toEqual(['Port of Baku', 'Port of Baku']);

    const again = await t.api('editor', '/api/v1/glossary', { method: 'POST', json: port });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('duplicate_term');
  });

  it('when an entry is invalid, then 422 lists every problem', async () => {
    const res = await t.api('editor', '/api/v1/glossary', { method: 'POST', json: { ru: 'Ахмедов', en: '', type: 'person', source: 'x' } });
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.code).toBe('invalid_entry');
    expect(error.details.errors.map((e: { message: string }) => e.message)).toEqual([
      'en is empty',
      'a person needs a gender (male or female) so names can be declined',
      'a person needs a first name and a surname ("Имя Фамилия" or "Имя Отчество Фамилия")',
    ]);
  });

  it('when an editor patches with a stale version, then 409 with the current entry; retiring takes it out of matching', async () => {
    await t.api('editor', '/api/v1/glossary', { method: 'POST', json: { ru: 'Абшеронский полуостров', en: 'Absheron Peninsula', type: 'place', source: 'president.az' } });
    const id = 'absheronskiy-poluostrov';
    const ok = await t.api('editor', `/api/v1/glossary/${id}`, { method: 'PATCH', json: { note: 'east of Baku', version: 1 } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ note: 'east of Baku', version: 2 });

    const stale = await t.api('admin', `/api/v1/glossary/${id}`, { method: 'PATCH', json: { en: 'Apsheron Peninsula', version: 1 } });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error).toMatchObject({ code: 'stale_version', details: { entry: { version: 2, en: 'Absheron Peninsula' } } });

    expect((await t.ctx.glossary()).match('на Абшеронском полуострове').map((m) => m.entryId)).toEqual([id]);
    const retired = await t.api('editor', `/api/v1/glossary/${id}`, { method: 'PATCH', json: { status: 'retired', reason: 'duplicate of a place entry', version: 2 } });
    expect(retired.status).toBe(200);
    expect((await t.ctx.glossary()).match('на Абшеронском полуострове')).toEqual([]);

    const detail = await (await t.api('translator', `/api/v1/glossary/${id}`)).json();
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual(['retired', 'updated', 'created']);
    expect(detail.history[0]).toMatchObject({ by: 'editor test', detail: 'duplicate of a place entry' });
  });

  it('when a CSV with errors is imported, then 422 lists them by line and nothing is imported', async () => {
    const before = await entries('?status=all');
    const revision = await t.ctx.glossaryRevision();
    const csv = [TERMS_COLUMNS.join(','), 'Гобустан,Gobustan,,place,,,,unesco.org', 'Ширван,Shirvan,,region,,,,x', 'Шуша,,,place,,,,x'].join('\r\n');
    const res = await t.api('editor', '/api/v1/glossary/import', { method: 'POST', json: { content: csv, format: 'csv', mode: 'replace' } });
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.code).toBe('invalid_glossary');
    expect(error.details.errors).toEqual([
      { line: 3, message: 'unknown type "region" (use person, rank, title, organisation, place, other)' },
      { line: 4, message: 'en is empty' },
    ]);
    expect(await entries('?status=all')).toEqual(before);
    expect(await t.ctx.glossaryRevision()).toBe(revision);
  });

  it('when a TBX file is uploaded as multipart, then its entries are merged and the counts returned', async () => {
    const tbx = `<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en"><text><body>
  <termEntry id="x1"><descrip type="subjectField">place</descrip><admin type="source">unesco.org</admin>
    <langSet xml:lang="ru"><tig><term>Гобустан</term></tig></langSet>
    <langSet xml:lang="en"><tig><term>Gobustan</term></tig><tig><term>Qobustan</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>
  </termEntry>
  <termEntry id="x2"><descrip type="subjectField">place</descrip><admin type="source">president.az English pages</admin>
    <langSet xml:lang="ru"><tig><term>Баку</term></tig></langSet>
    <langSet xml:lang="en"><tig><term>Baku</term></tig></langSet>
  </termEntry>
</body></text></martif>`;
    const form = new FormData();
    form.set('file', new Blob([tbx], { type: 'application/xml' }), 'partner.tbx');
    form.set('mode', 'merge');
    const res = await t.api('editor', '/api/v1/glossary/import', { method: 'POST', body: form });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ format: 'tbx', created: 1, unchanged: 1, updated: 0, retired: 0 });
    expect((await entries('?q=gobustan'))[0]).toMatchObject({ en: 'Gobustan' });
  });

  it('when exported, then each format downloads with its type, and provider files carry the configured spelling', async () => {
    const tbx = await t.api('translator', '/api/v1/glossary/export?format=tbx&download=1');
    expect(tbx.status).toBe(200);
    expect(tbx.headers.get('content-type')).toContain('application/x-tbx+xml');
    expect(tbx.headers.get('content-disposition')).toBe('attachment; filename="tandem-glossary.tbx"');
    expect(await tbx.text()).toContain('<term>Port of Baku</term>');
    for (const format of listGlossaryFormats().filter((f) => f.write)) {
      const res = await t.api('translator', `/api/v1/glossary/export?format=${format.id}&download=1`);
      expect(res.status, format.id).toBe(200);
      expect(res.headers.get('content-type'), format.id).toBe(format.contentType);
      expect(res.headers.get('content-disposition'), format.id).toMatch(new RegExp(`^attachment; filename="[^"]+\\.${format.extension}"$`));
      expect(await res.text(), format.id).toContain('Valery Gerasimov');
    }

    const deepl = await (await t.api('translator', '/api/v1/glossary/export?format=deepl')).text();
    expect(deepl).toContain('Министерство обороны\tMinistry of Defense\n');
    expect(deepl).not.toContain('Абшеронский полуостров');
    expect((await t.api('translator', '/api/v1/glossary/export?format=pdf')).status).toBe(400);
  });

  it('when the OpenAPI file is read, then every glossary route is described', async () => {
    const { paths } = await (await t.api(null, '/api/v1/openapi.json')).json();
    expect(Object.keys(paths['/glossary'])).toEqual(['get', 'post']);
    expect(Object.keys(paths['/glossary/{id}'])).toEqual(['get', 'patch']);
    expect(paths['/glossary/import'].post).toBeDefined();
    expect(paths['/glossary/export'].get.parameters[0].schema.enum).toEqual(['tbx', 'csv', 'tsv', 'deepl', 'google']);
  });
});

describe('glossary with British spelling', () => {
  let uk: TestServer;
  beforeAll(async () => {
    uk = await startTestServer({ TANDEM_SPELLING: 'british' });
  });
  afterAll(async () => {
    await uk.close();
  });

  it('when TANDEM_SPELLING=british, then matches and provider exports use en_gb where it differs', async () => {
    expect((await uk.ctx.glossary()).match('Министерство обороны сообщило').map((m) => m.target)).toEqual(['Ministry of Defence']);
    expect(await (await uk.api('editor', '/api/v1/glossary/export?format=google')).text()).toContain('Министерство обороны,Ministry of Defence\r\n');
  });
});

describe('recheck after a glossary change', () => {
  it('when an entry is added, then open documents are checked against it without being touched', async () => {
    const created = await t.api('translator', '/api/v1/documents', { method: 'POST', json: { text: 'Стороны провели переговоры в Гяндже.\n\nПереговоры продолжатся завтра.' } });
    const { id } = (await created.json()) as { id: number };
    await t.ctx.jobs.idle();
    const issuesOf = async () => ((await (await t.api('translator', `/api/v1/documents/${id}/issues`)).json()) as { issues: { code: string; details: { entryId?: string } }[] }).issues;
    expect((await issuesOf()).filter((i) => i.details.entryId === 'gyandzha')).toEqual([]);
    const segmentsOf = async () =>
      ((await (await t.api('translator', `/api/v1/documents/${id}`)).json()) as { segments: { id: number; mt: string | null; target: string; status: string; version: number }[] }).segments.map(
        ({ id: segmentId, mt, target, status, version }) => ({ segmentId, mt, target, status, version }),
      );
    const before = await segmentsOf();
    expect(before.length).toBeGreaterThan(0);

    const res = await t.api('editor', '/api/v1/glossary', { method: 'POST', json: { ru: 'Гянджа', en: 'Ganja-city-official', type: 'place', source: 'test' } });
    expect(res.status).toBe(201);
    await t.ctx.jobs.idle();
    expect(await issuesOf()).toContainEqual(expect.objectContaining({ code: 'term_missing', details: expect.objectContaining({ entryId: 'gyandzha' }) }));
    expect(await segmentsOf()).toEqual(before);
  });
});
