import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createContext } from '../../src/boot.js';
import { loadConfig } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { importDocument } from '../../src/documents/service.js';
import { listSegments } from '../../src/documents/repository.js';
import { getJob, resumeJobs } from '../../src/jobs/translate-job.js';
import { createLogger } from '../../src/logger.js';
import { countingEngine } from '../fixtures/counting-engine.js';

const system = { kind: 'user' as const, userId: null, name: 'test', role: 'admin' as const };
const article = [
  'Перезапуск посреди перевода',
  '',
  'Первая фраза переведена до сбоя. Вторая фраза тоже.',
  '',
  'Третья фраза ждёт перезапуска. Четвёртая фраза ждёт. Пятая фраза ждёт.',
].join('\n');

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-resume-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function open(dir: string): Promise<AppContext> {
  const config = loadConfig({ TANDEM_DATA_DIR: dir, LOG_LEVEL: 'error', SESSION_SECRET: 'r'.repeat(40), TANDEM_IMPORT_SAMPLE: 'false' });
  return createContext(config, { logger: createLogger('error') });
}

describe('a job interrupted by a crash', () => {
  it('when the process dies during the second batch, then resumeJobs in a new process finishes without re-sending the first batch', async () => {
    const dir = dataDir();
    const before = await open(dir);
    let started!: () => void;
    const secondBatchStarted = new Promise<void>((resolve) => (started = resolve));
    // The second call never returns: the process "dies" while the provider is answering.
    const dying = countingEngine({
      id: 'remote',
      maxBatch: 2,
      before: (call) => {
        if (call < 2) return undefined;
        started();
        return new Promise<void>(() => {});
      },
    });
    before.engines.register(dying);
    const { document, job } = await importDocument(before, { text: article, engine: 'remote' }, system);
    await secondBatchStarted;
    expect((await getJob(before, job!.id)).state).toBe('running');
    expect((await getJob(before, job!.id)).done).toBe(2);
    // Dies without waiting for its stuck job: only the threads and the database handle go.
    await before.pool.close();
    await before.db.destroy();

    const after = await open(dir);
    cleanup.push(() => after.close());
    const fresh = countingEngine({ id: 'remote', maxBatch: 2 });
    after.engines.register(fresh);
    expect(await resumeJobs(after)).toBe(1);
    await after.jobs.idle();

    const finished = await getJob(after, job!.id);
    const segments = await listSegments(after.db, document.id);
    expect(finished).toMatchObject({ state: 'done', done: segments.length, cached_segments: 0 });
    expect(fresh.sent).toEqual(segments.slice(2).map((s) => s.source));
    expect(segments.every((s) => s.mt !== null && s.mt_engine === 'remote')).toBe(true);
    // The first batch's bill stays; the resumed part adds its own.
    const billed = segments.reduce((n, s) => n + [...s.source].length, 0);
    expect(finished.billed_characters).toBe(billed);
  });

  it('when no job was interrupted, then resumeJobs queues nothing', async () => {
    const ctx = await open(dataDir());
    cleanup.push(() => ctx.close());
    expect(await resumeJobs(ctx)).toBe(0);
  });
});
