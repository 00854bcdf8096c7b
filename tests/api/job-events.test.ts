import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineError } from '../../src/engines/engine.js';
import { countingEngine } from '../fixtures/counting-engine.js';
import { startTestServer, type TestServer } from './harness.js';

interface ProgressEvent {
  id: number;
  state: string;
  done: number;
  total: number;
  remaining: number;
  billedCharacters: number;
  cachedSegments: number;
  memorySegments: number;
  error: string | null;
}

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

const article = [
  'Ход перевода в браузере',
  '',
  'Делегация прибыла в город утром. Переговоры начались в полдень. Стороны обсудили поставки зерна.',
  '',
  'Вечером министры подписали соглашение. Следующая встреча пройдёт осенью. Журналистам показали документы.',
].join('\n');

/** A gate the engine waits on before answering its first call. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

/** Reads an SSE response to its end (or until `onEvent` says stop), returning the parsed `data:` events. */
async function readEvents(res: Response, onEvent: (e: ProgressEvent) => void = () => {}): Promise<ProgressEvent[]> {
  const events: ProgressEvent[] = [];
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block
        .split('\n')
        .filter((l) => l.startsWith('data: '))
        .map((l) => l.slice(6))
        .join('\n');
      if (!data) continue;
      const event = JSON.parse(data) as ProgressEvent;
      events.push(event);
      onEvent(event);
    }
  }
  return events;
}

async function start(engine: string): Promise<number> {
  const res = await t.api('translator', '/api/v1/documents', { method: 'POST', json: { text: article, engine } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { job: { id: number } }).job.id;
}

describe('job progress as Server-Sent Events', () => {
  it('when a job runs, then its stream delivers each stored batch until the job is done, and then ends', async () => {
    const held = gate();
    const engine = countingEngine({ id: 'streamed', maxBatch: 2, before: (call) => (call === 1 ? held.wait : undefined) });
    t.ctx.engines.register(engine);
    const jobId = await start(engine.id);

    const res = await t.api('translator', `/api/v1/jobs/${jobId}/events`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    // The engine answers only once the stream is open, so every batch is seen live.
    const events = await readEvents(res, () => held.open());

    const last = events.at(-1)!;
    expect(last).toMatchObject({ id: jobId, state: 'done', remaining: 0 });
    expect(last.done).toBe(last.total);
    expect(last.billedCharacters).toBeGreaterThan(0);
    const live = events.filter((e) => e.state === 'running' && e.done > 0 && e.done < e.total);
    expect(live.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < events.length; i++) expect(events[i]!.done).toBeGreaterThanOrEqual(events[i - 1]!.done);
    for (const e of events) expect(e.remaining).toBe(e.total - e.done);

    const polled = (await (await t.api('translator', `/api/v1/jobs/${jobId}`)).json()) as ProgressEvent;
    expect(polled).toMatchObject({ state: 'done', done: last.total, total: last.total, billedCharacters: last.billedCharacters, cachedSegments: 0, memorySegments: 0 });
  });

  it('when the job fails, then the stream ends with the failure and its message', async () => {
    const held = gate();
    const engine = countingEngine({
      id: 'streamed-broke',
      label: 'Streamed Provider',
      maxBatch: 2,
      before: async (call) => {
        await held.wait;
        if (call === 2) throw new EngineError('streamed-broke', 'quota_exceeded', 'quota exceeded');
      },
    });
    t.ctx.engines.register(engine);
    const jobId = await start(engine.id);
    const events = await readEvents(await t.api('translator', `/api/v1/jobs/${jobId}/events`), () => held.open());
    expect(events.at(-1)).toMatchObject({ state: 'failed', done: 2 });
    expect(events.at(-1)!.error).toContain('Streamed Provider');
  });

  it('when the job has already finished, then the stream sends its final state once and ends', async () => {
    const engine = countingEngine({ id: 'streamed-done' });
    t.ctx.engines.register(engine);
    const jobId = await start(engine.id);
    await t.ctx.jobs.idle();
    const events = await readEvents(await t.api('translator', `/api/v1/jobs/${jobId}/events`));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ state: 'done', remaining: 0 });
  });

  it('when the job does not exist or no token is sent, then 404 or 401 as JSON', async () => {
    const missing = await t.api('translator', '/api/v1/jobs/999999/events');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');
    const anonymous = await t.api(null, '/api/v1/jobs/1/events');
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe('unauthenticated');
  });
});
