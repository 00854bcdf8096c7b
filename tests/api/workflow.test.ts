import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './browser-session.js';
import { sampleText, startTestServer, type TestServer } from './harness.js';

interface SegmentJson {
  id: number;
  index: number;
  paragraph: number;
  source: string;
  mt: string | null;
  target: string;
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

async function importSample(): Promise<number> {
  const res = await t.api('translator', '/api/v1/documents', { method: 'POST', json: { text: sampleText } });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { id: number; job: { id: number } };
  await t.ctx.jobs.idle();
  const job = await (await t.api('translator', `/api/v1/jobs/${body.job.id}`)).json();
  expect(job).toMatchObject({ state: 'done', done: job.total });
  return body.id;
}

async function segmentsOf(id: number): Promise<SegmentJson[]> {
  const res = await t.api('translator', `/api/v1/documents/${id}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { segments: SegmentJson[] }).segments;
}

async function confirmAll(id: number, edit = (s: SegmentJson) => s.target): Promise<void> {
  for (const s of await segmentsOf(id)) {
    const res = await t.api('translator', `/api/v1/documents/${id}/segments/${s.id}`, {
      method: 'PATCH',
      json: { target: edit(s), status: 'translated', version: s.version },
    });
    expect(res.status).toBe(200);
  }
}

describe('the whole path through API v1', () => {
  it('when an article is imported, then every segment has an MT draft from the offline engine and the structure is kept', async () => {
    const id = await importSample();
    const segments = await segmentsOf(id);
    expect(segments.length).toBeGreaterThanOrEqual(4);
    expect(segments[0]).toMatchObject({ index: 0, paragraph: 0 });
    for (const s of segments) {
      expect(s.mt, s.source).toBeTruthy();
      expect(s.target).toBe(s.mt);
      expect(s.status).toBe('draft');
    }
    const doc = await (await t.api('translator', `/api/v1/documents/${id}`)).json();
    expect(doc).toMatchObject({ id, status: 'in_progress', engine: 'offline', title: 'Министр обороны провел совещание в Москве' });
    expect(segments.map((s) => s.target).join(' ')).toContain('Valery Gerasimov');
  });

  it('when segments are confirmed and an editor approves, then v1 is stored and exports in every format', async () => {
    const id = await importSample();
    const early = await t.api('editor', `/api/v1/documents/${id}/approve`, { method: 'POST' });
    expect(early.status).toBe(409);
    expect((await early.json()).error.code).toBe('unconfirmed_segments');

    await confirmAll(id, (s) => (s.index === 1 ? 'MOSCOW, March 3 (Tandem) —' : s.target));
    const forbidden = await t.api('translator', `/api/v1/documents/${id}/approve`, { method: 'POST' });
    expect(forbidden.status).toBe(403);

    const approved = await t.api('editor', `/api/v1/documents/${id}/approve`, { method: 'POST' });
    expect(approved.status).toBe(201);
    expect(await approved.json()).toEqual({ version: 1 });

    const segments = await segmentsOf(id);
    for (const format of ['json', 'html', 'txt', 'xliff']) {
      const res = await t.api('publisher', `/api/v1/documents/${id}/versions/1/export?format=${format}`);
      expect(res.status, format).toBe(200);
      const body = await res.text();
      expect(body, format).toContain('MOSCOW, March 3 (Tandem)');
    }
    const xliff = await (await t.api('publisher', `/api/v1/documents/${id}/versions/1/export?format=xliff`)).text();
    expect(xliff.match(/<unit /g)?.length).toBe(segments.length);
    const unknown = await t.api('publisher', `/api/v1/documents/${id}/versions/1/export?format=pdf`);
    expect(unknown.status).toBe(400);
  });

  it('when a document is reopened, edited and approved again, then v2 differs and v1 is unchanged', async () => {
    const id = await importSample();
    await confirmAll(id);
    expect((await t.api('editor', `/api/v1/documents/${id}/approve`, { method: 'POST' })).status).toBe(201);
    const v1Before = await (await t.api('publisher', `/api/v1/documents/${id}/versions/1/export?format=json`)).text();

    const editWhileApproved = await t.api('translator', `/api/v1/documents/${id}/segments/${(await segmentsOf(id))[0]!.id}`, {
      method: 'PATCH',
      json: { target: 'x', version: (await segmentsOf(id))[0]!.version },
    });
    expect(editWhileApproved.status).toBe(409);

    expect((await t.api('translator', `/api/v1/documents/${id}/reopen`, { method: 'POST' })).status).toBe(403);
    expect((await t.api('editor', `/api/v1/documents/${id}/reopen`, { method: 'POST', json: { reason: 'headline fix' } })).status).toBe(200);
    const [first] = await segmentsOf(id);
    const edited = await t.api('translator', `/api/v1/documents/${id}/segments/${first!.id}`, {
      method: 'PATCH',
      // Keeps the glossary's official English (Defence Minister, Moscow): a term left out would block approval.
      json: { target: 'Defence Minister holds talks in Moscow', status: 'translated', version: first!.version },
    });
    expect(edited.status).toBe(200);
    const v2 = await t.api('editor', `/api/v1/documents/${id}/approve`, { method: 'POST' });
    expect(await v2.json()).toEqual({ version: 2 });

    expect(await (await t.api('publisher', `/api/v1/documents/${id}/versions/1/export?format=json`)).text()).toBe(v1Before);
    expect(await (await t.api('publisher', `/api/v1/documents/${id}/versions/2/export?format=txt`)).text()).toContain(
      'Defence Minister holds talks in Moscow',
    );
    const versions = await (await t.api('publisher', `/api/v1/documents/${id}/versions`)).json();
    expect(versions.versions.map((v: { number: number }) => v.number)).toEqual([1, 2]);
  });

  it('when the database is asked to change an approved version, then it refuses', async () => {
    const id = await importSample();
    await confirmAll(id);
    expect((await t.api('editor', `/api/v1/documents/${id}/approve`, { method: 'POST' })).status).toBe(201);
    // Only this document's version, so rows approved by other tests cannot make the refusal happen.
    const version = await t.ctx.db.selectFrom('document_versions').select('id').where('document_id', '=', id).executeTakeFirstOrThrow();
    await expect(t.ctx.db.updateTable('version_segments').set({ target: 'tampered' }).where('version_id', '=', version.id).execute()).rejects.toThrow(/immutable/);
  });
});

describe('editing segments', () => {
  it('when the version sent is stale, then 409 carries the current segment and nothing is overwritten', async () => {
    const id = await importSample();
    const [s] = await segmentsOf(id);
    const first = await t.api('translator', `/api/v1/documents/${id}/segments/${s!.id}`, {
      method: 'PATCH',
      json: { target: 'First edit', version: s!.version },
    });
    expect(first.status).toBe(200);
    const firstBody = await first.json();
    expect(firstBody).toMatchObject({ target: 'First edit', status: 'draft', version: s!.version + 1 });
    expect(firstBody.diff.some((d: { op: string }) => d.op === 'added')).toBe(true);

    const stale = await t.api('translator', `/api/v1/documents/${id}/segments/${s!.id}`, {
      method: 'PATCH',
      json: { target: 'Second edit from an old tab', version: s!.version },
    });
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.error.code).toBe('stale_version');
    expect(body.error.details.segment).toMatchObject({ target: 'First edit', version: s!.version + 1 });
    expect((await segmentsOf(id))[0]!.target).toBe('First edit');
  });

  it('when a confirmed segment is edited without a status, then it returns to draft', async () => {
    const id = await importSample();
    const [s] = await segmentsOf(id);
    const confirmed = await (
      await t.api('translator', `/api/v1/documents/${id}/segments/${s!.id}`, { method: 'PATCH', json: { status: 'translated', version: s!.version } })
    ).json();
    expect(confirmed.status).toBe('translated');
    const edited = await (
      await t.api('translator', `/api/v1/documents/${id}/segments/${s!.id}`, { method: 'PATCH', json: { target: 'Changed', version: confirmed.version } })
    ).json();
    expect(edited.status).toBe('draft');
  });

  it('when a segment is confirmed empty, or a translator marks it approved, then the request is refused', async () => {
    const id = await importSample();
    const [s] = await segmentsOf(id);
    const empty = await t.api('translator', `/api/v1/documents/${id}/segments/${s!.id}`, {
      method: 'PATCH',
      json: { target: '  ', status: 'translated', version: s!.version },
    });
    expect(empty.status).toBe(422);
    const approve = await t.api('translator', `/api/v1/documents/${id}/segments/${s!.id}`, {
      method: 'PATCH',
      json: { status: 'approved', version: s!.version },
    });
    expect(approve.status).toBe(403);
    const noVersion = await t.api('translator', `/api/v1/documents/${id}/segments/${s!.id}`, { method: 'PATCH', json: { target: 'x' } });
    expect(noVersion.status).toBe(400);
    expect((await noVersion.json()).error.message).toMatch(/version/);
  });

  it('when MT runs again after a person edited a segment, then the edit is kept and only the MT draft is refreshed', async () => {
    const id = await importSample();
    const [s] = await segmentsOf(id);
    const edited = await t.api('translator', `/api/v1/documents/${id}/segments/${s!.id}`, { method: 'PATCH', json: { target: 'Human headline', version: s!.version } });
    expect(edited.status).toBe(200);
    // A stale draft stands in for an older engine's output, so a refresh is visible.
    await t.ctx.db.updateTable('segments').set({ mt: 'stale draft' }).where('document_id', '=', id).execute();
    const job = await t.api('translator', `/api/v1/documents/${id}/translate`, { method: 'POST', json: { engine: 'offline' } });
    expect(job.status).toBe(202);
    await t.ctx.jobs.idle();
    const after = await segmentsOf(id);
    expect(after[0]).toMatchObject({ target: 'Human headline', mt: s!.mt });
    expect(after[1]!.mt).not.toBe('stale draft');
    expect(after[1]!.target).toBe(after[1]!.mt);
  });

  it('when a job id or document does not exist, then 404 with the error shape', async () => {
    const res = await t.api('translator', '/api/v1/jobs/999999');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'Job 999999 not found' } });
    expect((await t.api('translator', '/api/v1/documents/abc')).status).toBe(400);
  });
});

describe('who may do what', () => {
  it('when no token or an unknown token is sent, then 401', async () => {
    expect((await t.api(null, '/api/v1/documents')).status).toBe(401);
    const res = await t.api(null, '/api/v1/documents', { headers: { authorization: 'Bearer tdm_nonsense' } });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('unauthenticated');
  });

  it('when an admin revokes a token on the admin page, then that token gets 401 and other tokens still work', async () => {
    const admin = await signIn(t, 'admin');
    await admin.get('/admin');
    const created = await admin.post('/admin/tokens', { name: 'cms to revoke', role: 'publisher' });
    expect(created.status).toBe(200);
    const token = /<code class="secret" id="new-token">(tdm_[^<]+)<\/code>/.exec(created.html)?.[1];
    expect(token).toMatch(/^tdm_/);
    const me = (bearer: string) => fetch(`${t.url}/api/v1/me`, { headers: { authorization: `Bearer ${bearer}` } });
    expect((await me(token!)).status).toBe(200);

    const row = /<td>cms to revoke<\/td>[\s\S]*?action="\/admin\/tokens\/(\d+)\/revoke"/.exec((await admin.get('/admin')).html);
    expect(row, 'the admin page lists the new token with a Revoke form').not.toBeNull();
    const revoked = await admin.post(`/admin/tokens/${row![1]}/revoke`, {});
    expect(revoked).toMatchObject({ status: 303, location: '/admin?notice=revoked' });

    const refused = await me(token!);
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.code).toBe('unauthenticated');
    expect((await me(t.tokens.publisher)).status).toBe(200);
    expect((await admin.get('/admin')).html).toMatch(/<td>cms to revoke<\/td>[\s\S]*?<td>revoked<\/td>/);
  });

  it('when a publisher token reads documents or imports, then 403; exports and version lists are allowed', async () => {
    expect((await t.api('publisher', '/api/v1/documents')).status).toBe(403);
    expect((await t.api('publisher', '/api/v1/documents', { method: 'POST', json: { text: sampleText } })).status).toBe(403);
    expect((await t.api('publisher', '/api/v1/me')).status).toBe(200);

    const id = await importSample();
    await confirmAll(id);
    expect((await t.api('editor', `/api/v1/documents/${id}/approve`, { method: 'POST' })).status).toBe(201);
    const versions = await t.api('publisher', `/api/v1/documents/${id}/versions`);
    expect(versions.status).toBe(200);
    expect((await versions.json()).versions.map((v: { number: number }) => v.number)).toEqual([1]);
    const exported = await t.api('publisher', `/api/v1/documents/${id}/versions/1/export?format=json`);
    expect(exported.status).toBe(200);
    expect(await exported.json()).toMatchObject({ documentId: id, version: 1 });
  });

  it('when the OpenAPI file is asked for, then it is served without a token', async () => {
    const res = await t.api(null, '/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect((await res.json()).paths['/documents/{id}/segments/{segmentId}']).toBeDefined();
  });
});
