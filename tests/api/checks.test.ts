import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleText, startTestServer, type TestServer } from './harness.js';

interface IssueJson {
  id: number;
  segmentId: number;
  check: string;
  code: string;
  severity: string;
  message: string;
  details: Record<string, unknown>;
  blocking: boolean;
  override: { by: string; reason: string; at: string } | null;
}

interface SegmentJson {
  id: number;
  source: string;
  target: string;
  version: number;
  terms: { start: number; end: number; entryId: string; target: string; ambiguous: boolean }[];
  issues: IssueJson[];
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
  await t.ctx.jobs.idle();
  return ((await res.json()) as { id: number }).id;
}

async function segmentsOf(id: number): Promise<SegmentJson[]> {
  return ((await (await t.api('translator', `/api/v1/documents/${id}`)).json()) as { segments: SegmentJson[] }).segments;
}

async function patch(id: number, s: SegmentJson, body: object): Promise<Response> {
  return t.api('translator', `/api/v1/documents/${id}/segments/${s.id}`, { method: 'PATCH', json: { version: s.version, ...body } });
}

/** Imports the sample, removes the official English of the segment naming Gerasimov in full, and confirms every segment. */
async function documentWithOpenIssue(): Promise<{ id: number; issue: IssueJson }> {
  const id = await importSample();
  let issue: IssueJson | undefined;
  for (const s of await segmentsOf(id)) {
    const named = s.terms.some((term) => term.target === 'Valery Gerasimov') && s.target.includes('Valery Gerasimov');
    const res = await patch(id, s, { target: named && !issue ? s.target.replace(/Valery Gerasimov/g, 'the chief') : s.target, status: 'translated' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { issues: IssueJson[] };
    issue ??= body.issues.find((i) => i.code === 'term_missing');
  }
  expect(issue, 'the sample names Valery Gerasimov').toBeDefined();
  return { id, issue: issue! };
}

describe('QA checks through API v1', () => {
  it('when a document is read, then each segment carries its glossary terms and issues, and the offline drafts pass the terminology check', async () => {
    const id = await importSample();
    const segments = await segmentsOf(id);
    const named = segments.find((s) => s.source.includes('Валерий Герасимов'))!;
    const term = named.terms.find((m) => m.target === 'Valery Gerasimov')!;
    expect(named.source.slice(term.start, term.end)).toBe('Валерий Герасимов');
    for (const s of segments) {
      expect(Array.isArray(s.issues)).toBe(true);
      expect(s.issues.filter((i) => i.check === 'terminology' && i.severity === 'error'), `${s.source} → ${s.target}`).toEqual([]);
    }
  });

  it('when a target loses its official term, then the PATCH response reports it and GET /issues lists it as blocking', async () => {
    const id = await importSample();
    const s = (await segmentsOf(id)).find((x) => x.source.includes('Валерий Герасимов'))!;
    const res = await patch(id, s, { target: 'The chief held a meeting.' });
    const body = (await res.json()) as { issues: IssueJson[] };
    const gerasimov = (i: IssueJson) => i.code === 'term_missing' && i.details.expected === 'Valery Gerasimov';
    expect(body.issues.find(gerasimov)).toMatchObject({ check: 'terminology', severity: 'error', blocking: true, message: expect.stringContaining('Valery Gerasimov') });
    const list = (await (await t.api('translator', `/api/v1/documents/${id}/issues`)).json()) as { issues: IssueJson[]; blocking: number };
    expect(list.blocking).toBeGreaterThanOrEqual(1);
    expect(list.issues.some((i) => i.segmentId === s.id && gerasimov(i))).toBe(true);

    const fixed = await patch(id, { ...s, version: s.version + 1 }, { target: 'Valery Gerasimov held a meeting.' });
    expect(((await fixed.json()) as { issues: IssueJson[] }).issues.filter(gerasimov)).toEqual([]);
  });

  it('when an open terminology issue remains, then approval is refused with 409 open_issues naming it', async () => {
    const { id, issue } = await documentWithOpenIssue();
    const res = await t.api('editor', `/api/v1/documents/${id}/approve`, { method: 'POST' });
    expect(res.status).toBe(409);
    const { error } = (await res.json()) as { error: { code: string; details: { issueIds: number[] } } };
    expect(error.code).toBe('open_issues');
    expect(error.details.issueIds).toContain(issue.id);
  });

  it('when a translator tries to override, then it is forbidden; an editor needs a reason', async () => {
    const { id, issue } = await documentWithOpenIssue();
    const path = `/api/v1/documents/${id}/issues/${issue.id}/override`;
    expect((await t.api('translator', path, { method: 'POST', json: { reason: 'Looks fine to me' } })).status).toBe(403);
    const noReason = await t.api('editor', path, { method: 'POST', json: {} });
    expect(noReason.status).toBe(400);
    expect(((await noReason.json()) as { error: { code: string } }).error.code).toBe('reason_required');
    expect((await t.api('editor', `/api/v1/documents/${id}/issues/999999/override`, { method: 'POST', json: { reason: 'Looks fine' } })).status).toBe(404);
  });

  it('when an editor overrides the issue with a reason, then the reason is kept and approval succeeds', async () => {
    const { id, issue } = await documentWithOpenIssue();
    const res = await t.api('editor', `/api/v1/documents/${id}/issues/${issue.id}/override`, { method: 'POST', json: { reason: 'Second reference; the name is given in the previous sentence.' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: issue.id, blocking: false, override: { reason: 'Second reference; the name is given in the previous sentence.' } });

    const approved = await t.api('editor', `/api/v1/documents/${id}/approve`, { method: 'POST' });
    expect(approved.status).toBe(201);
    const list = (await (await t.api('translator', `/api/v1/documents/${id}/issues`)).json()) as { issues: IssueJson[] };
    expect(list.issues.find((i) => i.id === issue.id)?.override?.reason).toBe('Second reference; the name is given in the previous sentence.');
    const again = await t.api('editor', `/api/v1/documents/${id}/issues/${issue.id}/override`, { method: 'POST', json: { reason: 'Too late' } });
    expect(again.status).toBe(409);
  });

  it('when the glossary gains a term through the API, then open documents are rechecked and the approved one is not', async () => {
    const open = await importSample();
    const { id: approved } = await documentWithOpenIssue();
    const blocking = ((await (await t.api('editor', `/api/v1/documents/${approved}/issues`)).json()) as { issues: IssueJson[] }).issues.filter((i) => i.blocking);
    for (const i of blocking) await t.api('editor', `/api/v1/documents/${approved}/issues/${i.id}/override`, { method: 'POST', json: { reason: 'Accepted for this test' } });
    expect((await t.api('editor', `/api/v1/documents/${approved}/approve`, { method: 'POST' })).status).toBe(201);
    const before = ((await (await t.api('editor', `/api/v1/documents/${approved}/issues`)).json()) as { issues: IssueJson[] }).issues;

    const added = await t.api('editor', '/api/v1/glossary', { method: 'POST', json: { ru: 'подготовка войск', en: 'troop readiness training', type: 'other', source: 'test' } });
    expect(added.status).toBe(201);
    await t.ctx.jobs.idle();
    const issues = ((await (await t.api('translator', `/api/v1/documents/${open}/issues`)).json()) as { issues: IssueJson[] }).issues;
    expect(issues.some((i) => i.code === 'term_missing' && i.details.expected === 'troop readiness training')).toBe(true);
    expect(((await (await t.api('editor', `/api/v1/documents/${approved}/issues`)).json()) as { issues: IssueJson[] }).issues).toEqual(before);
  });

  it('when the OpenAPI file is read, then it documents the issue routes', async () => {
    const { paths } = (await (await t.api(null, '/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(paths['/documents/{id}/issues']).toBeDefined();
    expect(paths['/documents/{id}/issues/{issueId}/override']).toBeDefined();
  });
});
