import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineError, type Engine } from '../../src/engines/engine.js';
import { describeEngines, engineStatus } from '../../src/jobs/engines-overview.js';
import { countingEngine, type CountingEngine } from '../fixtures/counting-engine.js';
import { startTestServer, type TestServer } from './harness.js';

interface Compared {
  engine: string;
  label: string;
  text: string;
  termsOk: boolean;
  missingTerms: string[];
  forbiddenTerms: string[];
  cached: boolean;
  billedCharacters: number;
  error?: string;
}

let t: TestServer;
let good: CountingEngine;
let careless: CountingEngine;
let broken: CountingEngine;
let documentId: number;
let segmentId: number;

const sentence = 'Начальник Генштаба Валерий Герасимов провёл совещание в Москве.';

beforeAll(async () => {
  t = await startTestServer();
  good = countingEngine({ id: 'good', label: 'Good Provider', status: async () => ({ reachable: true, quotaLeft: 12345 }) });
  careless = countingEngine({ id: 'careless', label: 'Careless Provider', keepTerms: false });
  broken = countingEngine({
    id: 'broken',
    label: 'Broken Provider',
    before() {
      throw new EngineError('broken', 'unavailable', 'service unavailable (503)');
    },
    status: async () => ({ reachable: false, detail: 'HTTP 503' }),
  });
  for (const e of [good, careless, broken]) t.ctx.engines.register(e);
  const res = await t.api('translator', '/api/v1/documents', {
    method: 'POST',
    json: { text: `Сравнение движков перевода\n\n${sentence}`, translate: false },
  });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { id: number; segments: Array<{ id: number; source: string }> };
  documentId = body.id;
  segmentId = body.segments.find((s) => s.source === sentence)!.id;
});
afterAll(async () => {
  await t.close();
});

async function compare(role: 'translator' | 'publisher' = 'translator'): Promise<{ status: number; results: Compared[] }> {
  const res = await t.api(role, `/api/v1/documents/${documentId}/segments/${segmentId}/compare`, { method: 'POST', json: {} });
  const body = (await res.json()) as { results: Compared[] };
  return { status: res.status, results: body.results };
}

describe('compare engines', () => {
  it('when a segment is compared, then every configured engine answers side by side with its glossary compliance', async () => {
    const { status, results } = await compare();
    expect(status).toBe(200);
    expect(results.map((r) => r.engine)).toEqual(t.ctx.engines.list().map((e) => e.id));

    const byId = new Map(results.map((r) => [r.engine, r]));
    expect(byId.get('good')).toMatchObject({ label: 'Good Provider', termsOk: true, missingTerms: [], cached: false });
    expect(byId.get('good')!.text).toContain('Valery Gerasimov');
    expect(byId.get('good')!.billedCharacters).toBe([...sentence].length);
    expect(byId.get('careless')).toMatchObject({ termsOk: false });
    expect(byId.get('careless')!.missingTerms).toContain('Valery Gerasimov');
    expect(byId.get('broken')).toMatchObject({ text: '', termsOk: false });
    expect(byId.get('broken')!.error).toContain('service unavailable');
    expect(byId.get('offline')!.error).toBeUndefined();
  });

  it('when the same segment is compared again, then the cache answers and nothing more is billed', async () => {
    const calls = good.calls.length;
    const { results } = await compare();
    expect(results.find((r) => r.engine === 'good')).toMatchObject({ cached: true, billedCharacters: 0 });
    expect(good.calls.length).toBe(calls);
    const usage = (await (await t.api('translator', `/api/v1/documents/${documentId}`)).json()) as { usage: { billedCharacters: number } };
    // good and careless billed the sentence once each; broken billed nothing.
    expect(usage.usage.billedCharacters).toBe(2 * [...sentence].length);
  });

  it('when a publisher asks to compare, or the segment is not in the document, then 403 or 404', async () => {
    expect((await compare('publisher')).status).toBe(403);
    const res = await t.api('translator', `/api/v1/documents/${documentId}/segments/999999/compare`, { method: 'POST', json: {} });
    expect(res.status).toBe(404);
  });
});

describe('the engines list', () => {
  it('when an editor lists engines, then each has its status, the default is marked, and this month’s usage is included', async () => {
    await compare();
    const res = await t.api('editor', '/api/v1/engines');
    const body = (await res.json()) as {
      default: string;
      engines: Array<{ id: string; default: boolean; status: { reachable: boolean | null; quotaLeft?: number; detail?: string }; usage?: { billedCharacters: number } }>;
    };
    const byId = new Map(body.engines.map((e) => [e.id, e]));
    expect(body.default).toBe('offline');
    expect(byId.get('offline')!.default).toBe(true);
    expect(byId.get('good')).toMatchObject({ default: false, status: { reachable: true, quotaLeft: 12345 }, usage: { billedCharacters: [...sentence].length } });
    expect(byId.get('broken')!.status).toMatchObject({ reachable: false, detail: 'HTTP 503' });
    expect(byId.get('careless')!.status.reachable).toBeNull();
  });

  it('when a translator lists engines, then statuses are shown but usage is not', async () => {
    const body = (await (await t.api('translator', '/api/v1/engines')).json()) as { engines: Array<Record<string, unknown>> };
    expect(body.engines.length).toBeGreaterThan(0);
    for (const e of body.engines) {
      expect(e).toHaveProperty('status');
      expect(e).not.toHaveProperty('usage');
    }
  });

  it('when an engine’s status check hangs or throws, then it is reported unreachable instead of holding the page', async () => {
    const hanging = { ...countingEngine({ id: 'hanging' }), status: () => new Promise<never>(() => {}) } satisfies Engine;
    expect(await engineStatus(hanging, 20)).toMatchObject({ reachable: false });
    const throwing = { ...countingEngine({ id: 'throwing' }), status: () => Promise.reject(new Error('socket hang up')) } satisfies Engine;
    expect(await engineStatus(throwing, 20)).toMatchObject({ reachable: false, detail: expect.stringContaining('socket hang up') });
    const overview = await describeEngines(t.ctx, { timeoutMs: 20 });
    expect(overview.map((e) => e.id)).toEqual(t.ctx.engines.list().map((e) => e.id));
  });

  it('when an editor opens the engines page, then it lists every engine with its status and the month’s billed characters', async () => {
    const html = await (await t.api('editor', '/engines')).text();
    expect(html).toContain('Good Provider');
    expect(html).toContain('12,345 characters');
    expect(html).toContain('unreachable');
    expect(html).toContain('id="usage-total"');
    expect(html).toContain('Сравнение движков перевода');
    const translatorView = await (await t.api('translator', '/engines')).text();
    expect(translatorView).toContain('Good Provider');
    expect(translatorView).not.toContain('id="usage-total"');
  });
});
