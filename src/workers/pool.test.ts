import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError, InvalidInputError } from '../errors.js';
import { createWorkPool } from './pool.js';

const misbehaving = fileURLToPath(new URL('../../tests/fixtures/misbehaving-worker.mjs', import.meta.url));
const pool = createWorkPool({ threads: 1, memoryMb: 64, timeoutMs: 2_000, maxQueue: 2, workerFile: misbehaving });
// The fixture's task names are not the app's; the protocol is the same.
const run = (name: string, input: unknown = null, options?: { timeoutMs?: number; signal?: AbortSignal }) =>
  (pool as unknown as { run(n: string, i: unknown, o?: object): Promise<unknown> }).run(name, input, options);

afterAll(() => pool.close());

describe('worker pool', () => {
  it('when a task answers, then its value crosses back to the caller', async () => {
    await expect(run('echo', { text: 'Москва' })).resolves.toEqual({ text: 'Москва' });
  });

  it('when a task never ends, then it is stopped at its time limit as 422 processing_timeout, and the pool serves the next task', async () => {
    const failure = await run('spin', null, { timeoutMs: 300 }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(InvalidInputError);
    expect(failure).toMatchObject({ status: 422, code: 'processing_timeout' });
    await expect(run('echo', 1)).resolves.toBe(1);
  });

  it('when a task outgrows the heap limit, then the worker is stopped and the caller gets 413 processing_memory_exceeded', async () => {
    const failure = await run('allocate').catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ status: 413, code: 'processing_memory_exceeded' });
    await expect(run('echo', 2)).resolves.toBe(2);
  });

  it('when a task runs out of stack, then the caller gets 422 too_deeply_nested', async () => {
    await expect(run('recurse')).rejects.toMatchObject({ status: 422, code: 'too_deeply_nested' });
  });

  it('when a task throws a typed error, then the caller gets the same class, status and code', async () => {
    const failure = await run('invalid').catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(InvalidInputError);
    expect(failure).toMatchObject({ status: 422, code: 'refused_here', message: 'the worker refused this input' });
  });

  it('when more tasks wait than the queue holds, then the surplus is refused at once as 503 busy', async () => {
    // One thread and a queue of two hold three tasks; the other three are refused without waiting.
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => run('spin', null, { timeoutMs: 500 })));
    const reasons = outcomes.map((o) => (o.status === 'rejected' ? (o.reason as { code?: string }).code : 'resolved'));
    expect(reasons).toEqual(['processing_timeout', 'processing_timeout', 'processing_timeout', 'busy', 'busy', 'busy']);
  });

  it('when the caller aborts, then the task stops with the caller’s reason', async () => {
    const controller = new AbortController();
    const pending = run('spin', null, { signal: controller.signal });
    controller.abort(new Error('job cancelled'));
    await expect(pending).rejects.toThrow('job cancelled');
  });
});
