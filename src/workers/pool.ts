import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import * as errors from '../errors.js';
import { AppError, BusyError, InvalidInputError, PayloadTooLargeError } from '../errors.js';
import type { TaskName, TaskInput, TaskOutput } from './tasks.js';
import type { TaskReply, WireError } from './wire.js';

const messages = {
  timeout: (seconds: number) =>
    `Stopped after ${seconds} s: this input takes far longer to process than an article should. Save it as plain text or split it, and try again.`,
  memory: (mb: number) =>
    `Stopped: processing this input needed more than ${mb} MB of memory. Save it as plain text or split it, and try again.`,
  nesting: 'This file nests its markup deeper than any article does and cannot be read. Save it as plain text and try again.',
  busy: 'The server is busy with other files and translations; try again in a minute.',
};

export interface PoolLimits {
  /** Worker threads; 0 picks one per core. */
  threads: number;
  /** Heap of one worker, in MB: a task that needs more is stopped. */
  memoryMb: number;
  /** Longest a task may take, waiting in the queue included, unless the caller gives its own. */
  timeoutMs: number;
  /** Tasks that may wait for a free worker; more are refused as busy. */
  maxQueue: number;
  /** Another worker script speaking the same protocol (tests use one that misbehaves on purpose). */
  workerFile?: string;
}

export interface RunOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Runs heavy or untrusted work (upload parsers, the offline engine) on worker threads, never on the event loop. */
export interface WorkPool {
  run<K extends TaskName>(name: K, input: TaskInput<K>, options?: RunOptions): Promise<TaskOutput<K>>;
  readonly threads: number;
  close(): Promise<void>;
}

// From the sources (tests, tsx) the worker must load TypeScript; the build ships worker.js beside this file.
const fromSources = import.meta.url.endsWith('.ts');
const workerFile = fileURLToPath(new URL(fromSources ? './ts-worker.mjs' : './worker.js', import.meta.url));

export function createWorkPool(limits: PoolLimits): WorkPool {
  const threads = limits.threads > 0 ? limits.threads : Math.max(1, availableParallelism());
  const piscina = new Piscina({
    filename: limits.workerFile ?? workerFile,
    minThreads: 1,
    maxThreads: threads,
    // A worker grows with what it parsed; recycling idle ones hands the memory back.
    idleTimeout: 60_000,
    resourceLimits: {
      maxOldGenerationSizeMb: limits.memoryMb,
      maxYoungGenerationSizeMb: Math.min(64, Math.max(16, Math.floor(limits.memoryMb / 8))),
      stackSizeMb: 4,
    },
  });
  // Counted here: piscina holds tasks that carry an AbortSignal (all of ours) in a queue its maxQueue does not bound.
  let inFlight = 0;
  return {
    threads,
    async run<K extends TaskName>(name: K, input: TaskInput<K>, options: RunOptions = {}): Promise<TaskOutput<K>> {
      if (inFlight >= threads + limits.maxQueue) throw new BusyError(messages.busy);
      inFlight += 1;
      try {
        return await runOne<K>(name, input, options);
      } finally {
        inFlight -= 1;
      }
    },
    close: () => piscina.destroy(),
  };

  async function runOne<K extends TaskName>(name: K, input: TaskInput<K>, options: RunOptions): Promise<TaskOutput<K>> {
    const timeoutMs = options.timeoutMs ?? limits.timeoutMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let reply: TaskReply;
    try {
      reply = (await piscina.run({ name, input }, { signal })) as TaskReply;
    } catch (err) {
      // The caller's own abort (a cancelled job) is passed on as it came.
      if (options.signal?.aborted && !timeout.aborted) throw options.signal.reason ?? err;
      throw poolFailure(err, timeout.aborted, timeoutMs, limits.memoryMb);
    }
    if (!reply.ok) throw fromWire(reply.error);
    return reply.value as TaskOutput<K>;
  }
}

/** Why piscina gave up on a task, as an error the client can act on. */
function poolFailure(err: unknown, timedOut: boolean, timeoutMs: number, memoryMb: number): Error {
  const code = (err as { code?: string }).code;
  if (timedOut) return new InvalidInputError(messages.timeout(Math.round(timeoutMs / 1000)), 'processing_timeout');
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return new PayloadTooLargeError(messages.memory(memoryMb), 'processing_memory_exceeded');
  return err instanceof Error ? err : new Error(String(err));
}

function fromWire(error: WireError): Error {
  if (error.kind === 'app') {
    const out = new AppError(error.message, error.status, error.code, error.details);
    // The same class as in the worker (InvalidInputError …), so callers can still tell them apart.
    const known = (errors as Record<string, unknown>)[error.name];
    if (typeof known === 'function' && known.prototype instanceof AppError) Object.setPrototypeOf(out, known.prototype);
    Object.defineProperty(out, 'name', { value: error.name });
    return out;
  }
  if (error.kind === 'stack') return new InvalidInputError(messages.nesting, 'too_deeply_nested');
  return new Error(`worker task failed: ${error.message}`);
}
