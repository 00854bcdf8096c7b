import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { now } from '../../src/db/database.js';
import { EngineError } from '../../src/engines/engine.js';
import { monthOf } from '../../src/jobs/usage.js';
import { countingEngine, type CountingEngine } from '../fixtures/counting-engine.js';
import { sampleText, startTestServer, type TestServer } from './harness.js';

interface JobJson {
  id: number;
  state: string;
  done: number;
  total: number;
  error: string | null;
  billedCharacters: number;
  cachedSegments: number;
  memorySegments: number;
}
interface SegmentJson {
  id: number;
  index: number;
  source: string;
  mt: string | null;
  mtEngine: string | null;
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

/** Registers a fresh counting engine under a new id, so tests do not share counts. */
let engines = 0;
function register(options: Parameters<typeof countingEngine>[0] = {}): CountingEngine {
  engines += 1;
  const engine = countingEngine({ id: `counting-${engines}`, ...options });
  t.ctx.engines.register(engine);
  return engine;
}

async function importWith(engine: string, text: string): Promise<{ id: number; job: JobJson }> {
  const res = await t.api('translator', '/api/v1/documents', { method: 'POST', json: { text, engine } });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { id: number; job: { id: number } };
  await t.ctx.jobs.idle();
  return { id: body.id, job: await jobOf(body.job.id) };
}

async function translateAgain(id: number, engine: string): Promise<JobJson> {
  const res = await t.api('translator', `/api/v1/documents/${id}/translate`, { method: 'POST', json: { engine } });
  expect(res.status).toBe(202);
  const job = (await res.json()) as JobJson;
  await t.ctx.jobs.idle();
  return jobOf(job.id);
}

async function jobOf(id: number): Promise<JobJson> {
  return (await (await t.api('translator', `/api/v1/jobs/${id}`)).json()) as JobJson;
}

async function segmentsOf(id: number): Promise<SegmentJson[]> {
  return ((await (await t.api('translator', `/api/v1/documents/${id}`)).json()) as { segments: SegmentJson[] }).segments;
}

const characters = (texts: string[]) => texts.reduce((n, s) => n + [...s].length, 0);

/** Stores an approved version directly, as approval would: the memory only reads approved versions. */
async function approvedVersion(documentId: number, rows: Array<{ source: string; target: string }>): Promise<void> {
  await t.ctx.db.transaction().execute(async (trx) => {
    const { n } = await trx
      .selectFrom('document_versions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('document_id', '=', documentId)
      .executeTakeFirstOrThrow();
    const { id } = await trx
      .insertInto('document_versions')
      .values({ document_id: documentId, number: Number(n) + 1, title: 'approved', approved_by: null, approved_at: now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('version_segments')
      .values(rows.map((r, idx) => ({ version_id: id, idx, paragraph: 0, kind: 'sentence' as const, source: r.source, target: r.target })))
      .execute();
  });
}

describe('the MT cache', () => {
  it('when the same document is translated a second time, then nothing is sent to the engine and 0 characters are billed', async () => {
    const engine = register();
    const first = await importWith(engine.id, sampleText);
    expect(first.job).toMatchObject({ state: 'done', done: first.job.total, cachedSegments: 0, memorySegments: 0 });
    const sources = (await segmentsOf(first.id)).map((s) => s.source);
    expect(first.job.billedCharacters).toBe(characters([...new Set(sources)]));
    const callsBefore = engine.calls.length;

    const second = await translateAgain(first.id, engine.id);
    expect(second).toMatchObject({ state: 'done', billedCharacters: 0, cachedSegments: second.total, memorySegments: 0 });
    expect(engine.calls.length).toBe(callsBefore);
    for (const s of await segmentsOf(first.id)) expect(s.mtEngine).toBe(engine.id);
  });

  it('when another document has the same sentences, then the cache serves them without billing', async () => {
    const engine = register();
    await importWith(engine.id, sampleText);
    const sent = engine.sent.length;
    const copy = await importWith(engine.id, sampleText);
    expect(copy.job).toMatchObject({ state: 'done', billedCharacters: 0, cachedSegments: copy.job.total });
    expect(engine.sent.length).toBe(sent);
  });

  it('when a sentence repeats within a document, then it is sent and billed once', async () => {
    const engine = register();
    const line = 'Пресс-служба ведомства сообщила об этом в понедельник.';
    const text = ['Заголовок для проверки повторов', '', `${line} Учения завершились успешно.`, '', line].join('\n');
    const { id, job } = await importWith(engine.id, text);
    const sources = (await segmentsOf(id)).map((s) => s.source);
    expect(sources.filter((s) => s === line)).toHaveLength(2);
    expect(engine.sent.filter((s) => s === line)).toHaveLength(1);
    expect(job.billedCharacters).toBe(characters([...new Set(sources)]));
  });

  it('when the engine works on this machine, then it bills nothing but its segments are still counted', async () => {
    const engine = register({ sendsDataToThirdParty: false });
    const { id, job } = await importWith(engine.id, sampleText);
    expect(job.billedCharacters).toBe(0);
    const usage = await t.ctx.db.selectFrom('mt_usage').selectAll().where('document_id', '=', id).execute();
    expect(usage.reduce((n, u) => n + u.segments, 0)).toBe(job.total);
    expect(usage.every((u) => u.characters === 0)).toBe(true);
  });
});

describe('the translation memory', () => {
  it('when a sentence was approved before, then a new document gets the approved target without calling the engine', async () => {
    const engine = register();
    const known = 'Совещание прошло в штабе Южного военного округа.';
    const fresh = 'Новые правила вступят в силу с первого июля.';
    const origin = await importWith(engine.id, `Старый материал для памяти\n\n${known}`);
    await approvedVersion(origin.id, [{ source: known, target: 'The meeting took place at Southern Military District headquarters.' }]);

    const { id, job } = await importWith(engine.id, `Новый материал с известной фразой\n\n${known} ${fresh}`);
    const segments = await segmentsOf(id);
    const remembered = segments.find((s) => s.source === known)!;
    expect(remembered).toMatchObject({ target: 'The meeting took place at Southern Military District headquarters.', mtEngine: 'memory', status: 'draft' });
    expect(job.memorySegments).toBe(1);
    expect(engine.calls.at(-1)).not.toContain(known);
    expect(job.billedCharacters).toBe(characters(segments.filter((s) => s.source !== known).map((s) => s.source)));
  });

  it('when a sentence was approved twice with different targets, then the newest approval wins', async () => {
    const engine = register();
    const sentence = 'Министр ответил на вопросы журналистов.';
    const origin = await importWith(engine.id, `Материал для двух версий\n\n${sentence}`);
    await approvedVersion(origin.id, [{ source: sentence, target: 'The minister took questions.' }]);
    await approvedVersion(origin.id, [{ source: sentence, target: 'The minister answered journalists’ questions.' }]);
    const { id } = await importWith(engine.id, `Ещё один материал\n\n${sentence}`);
    expect((await segmentsOf(id)).find((s) => s.source === sentence)?.target).toBe('The minister answered journalists’ questions.');
  });
});

describe('human edits', () => {
  it('when MT runs again from the cache or memory after a person edited a segment, then the edit is kept', async () => {
    const engine = register();
    const { id } = await importWith(engine.id, 'Правки переводчика сохраняются\n\nМОСКВА, 5 мая — Tandem. Редактор проверил перевод.');
    const [first, second] = await segmentsOf(id);
    for (const [s, target, status] of [
      [first!, 'A translator’s headline', 'draft'],
      [second!, 'A confirmed dateline', 'translated'],
    ] as const) {
      const res = await t.api('translator', `/api/v1/documents/${id}/segments/${s.id}`, { method: 'PATCH', json: { target, status, version: s.version } });
      expect(res.status).toBe(200);
    }
    await approvedVersion(id, [{ source: first!.source, target: 'An approved headline from elsewhere' }]);
    const again = await translateAgain(id, engine.id);
    expect(again.state).toBe('done');
    const [a, b] = await segmentsOf(id);
    expect(a).toMatchObject({ target: 'A translator’s headline', mt: 'An approved headline from elsewhere' });
    expect(b).toMatchObject({ target: 'A confirmed dateline', status: 'translated' });
  });
});

describe('a used-up quota', () => {
  it('when the provider reports its quota used up on the second batch, then the job fails naming it, keeps the first batch, and a later run sends only the rest', async () => {
    let quotaLeft = true;
    const engine = register({
      label: 'Paid Provider',
      maxBatch: 2,
      before(call) {
        if (call === 2 && quotaLeft) throw new EngineError('paid', 'quota_exceeded', 'Quota for this billing period has been exceeded');
      },
    });
    const text = [
      'Квота поставщика закончилась',
      '',
      'Первое предложение уходит в первой партии. Второе предложение тоже.',
      '',
      'Третье предложение ждёт квоты. Четвёртое предложение тоже ждёт.',
    ].join('\n');
    const { id, job } = await importWith(engine.id, text);
    expect(job.state).toBe('failed');
    expect(job.error).toContain('Paid Provider');
    expect(job.error).toMatch(/quota/i);
    expect(job.done).toBe(2);
    const segments = await segmentsOf(id);
    expect(segments.slice(0, 2).every((s) => s.mt !== null && s.target === s.mt)).toBe(true);
    expect(segments.slice(2).every((s) => s.mt === null && s.target === '')).toBe(true);
    expect(job.billedCharacters).toBe(characters(segments.slice(0, 2).map((s) => s.source)));

    quotaLeft = false;
    const sentBefore = engine.sent.length;
    const again = await translateAgain(id, engine.id);
    expect(again).toMatchObject({ state: 'done', cachedSegments: 2 });
    expect(engine.sent.slice(sentBefore)).toEqual(segments.slice(2).map((s) => s.source));
    expect((await segmentsOf(id)).every((s) => s.mt !== null)).toBe(true);
  });

  it('when the review page is opened after a failed job, then it says why the job stopped', async () => {
    const engine = register({
      label: 'Broke Provider',
      before() {
        throw new EngineError('broke', 'quota_exceeded', 'Quota exceeded');
      },
    });
    const { id, job } = await importWith(engine.id, sampleText);
    expect(job.state).toBe('failed');
    const html = await (await t.api('translator', `/documents/${id}`)).text();
    expect(html).toContain('id="job-failed"');
    expect(html).toContain('Broke Provider: the character quota is used up');
  });
});

describe('usage', () => {
  it('when documents are translated, then billed characters are reported per job, per document and per month', async () => {
    const engine = register();
    const text = 'Материал для учёта расходов\n\nРасходы учитываются по каждому документу. Итоги подводятся раз в месяц.';
    const { id, job } = await importWith(engine.id, text);
    expect(job.billedCharacters).toBeGreaterThan(0);

    const doc = (await (await t.api('translator', `/api/v1/documents/${id}`)).json()) as { usage: { billedCharacters: number } };
    expect(doc.usage).toEqual({ billedCharacters: job.billedCharacters });
    const list = (await (await t.api('translator', '/api/v1/documents')).json()) as { documents: Array<{ id: number; usage: { billedCharacters: number } }> };
    expect(list.documents.find((d) => d.id === id)?.usage.billedCharacters).toBe(job.billedCharacters);

    const month = monthOf();
    const res = await t.api('editor', `/api/v1/usage?month=${month}`);
    expect(res.status).toBe(200);
    const usage = (await res.json()) as { month: string; billedCharacters: number; engines: Array<{ engine: string; billedCharacters: number }>; documents: Array<{ id: number; billedCharacters: number }> };
    expect(usage.month).toBe(month);
    expect(usage.engines.find((e) => e.engine === engine.id)?.billedCharacters).toBe(job.billedCharacters);
    expect(usage.documents.find((d) => d.id === id)?.billedCharacters).toBe(job.billedCharacters);
    expect(usage.billedCharacters).toBe(usage.engines.reduce((n, e) => n + e.billedCharacters, 0));

    const past = (await (await t.api('editor', '/api/v1/usage?month=2001-01')).json()) as { billedCharacters: number; engines: unknown[] };
    expect(past).toMatchObject({ billedCharacters: 0, engines: [] });
  });

  it('when a translator asks for monthly usage or the month is malformed, then 403 or 400', async () => {
    expect((await t.api('translator', '/api/v1/usage')).status).toBe(403);
    const bad = await t.api('editor', '/api/v1/usage?month=March');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('bad_month');
  });
});
