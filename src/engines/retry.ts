import { EngineError } from './engine.js';

const messages = {
  timedOut: (ms: number) => `no answer within ${formatSeconds(ms)}`,
  retryAfterTooLong: (message: string, ms: number) => `${message} (the provider asks to wait ${formatSeconds(ms)})`,
};

export interface RetryOptions {
  /** Retries after the first attempt (TANDEM_MT_RETRIES). */
  retries: number;
  /** Backoff before the first retry; doubles with each retry. */
  baseMs: number;
  /** Longest wait between attempts; a Retry-After longer than this fails at once instead of stalling the job. */
  maxMs: number;
  signal?: AbortSignal;
  /** Waits between attempts; tests pass one that records the delays. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Random number in [0, 1), for the jitter; tests pass a fixed one. */
  random?: () => number;
}

export const defaultRetryOptions: Omit<RetryOptions, 'retries'> = { baseMs: 500, maxMs: 30_000 };

/** The failures worth another attempt: the provider was busy or did not answer. Never quota, keys or bad requests. */
export function isRetryable(err: unknown): err is EngineError {
  return err instanceof EngineError && (err.failure === 'rate_limited' || err.failure === 'unavailable');
}

/**
 * Runs `fn` until it succeeds, retrying retryable EngineErrors with exponential backoff and full
 * jitter (a random wait up to base·2^n, so many clients do not retry in step), or exactly the
 * provider's Retry-After when it sent one.
 */
export async function withRetries<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  for (let attempt = 0; ; attempt++) {
    options.signal?.throwIfAborted();
    try {
      return await fn(attempt);
    } catch (err) {
      if (!isRetryable(err) || attempt >= options.retries || options.signal?.aborted) throw err;
      if (err.retryAfterMs !== undefined && err.retryAfterMs > options.maxMs) {
        throw new EngineError(err.engine, err.failure, messages.retryAfterTooLong(stripEngine(err), err.retryAfterMs), err.retryAfterMs);
      }
      const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** attempt);
      await sleep(err.retryAfterMs ?? Math.floor(random() * ceiling), options.signal);
    }
  }
}

/**
 * Runs `fn` with a signal that aborts after `ms`; a timeout becomes EngineError 'unavailable' (so it
 * is retried), while the caller's own abort is passed through unchanged. Clients that ignore the
 * signal are raced, so a hung connection never hangs the job.
 */
export async function withTimeout<T>(engine: string, ms: number, signal: AbortSignal | undefined, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  signal?.throwIfAborted();
  const controller = new AbortController();
  const timeout = new EngineError(engine, 'unavailable', messages.timedOut(ms));
  const timer = setTimeout(() => controller.abort(timeout), ms);
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
  });
  try {
    return await Promise.race([fn(controller.signal), aborted]);
  } catch (err) {
    // fetch rejects with its own AbortError when our timer fires: report the timeout instead.
    if (controller.signal.aborted) throw controller.signal.reason;
    throw err;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function stripEngine(err: EngineError): string {
  const prefix = `${err.engine}: `;
  return err.message.startsWith(prefix) ? err.message.slice(prefix.length) : err.message;
}

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

/** How an engine calls its provider: one timeout per request, one retry policy (the vendor clients' own retries are off). */
export interface CallPolicy extends Partial<Omit<RetryOptions, 'signal' | 'retries'>> {
  timeoutMs: number;
  retries: number;
}

export function policyFromConfig(config: { TANDEM_MT_TIMEOUT_MS: number; TANDEM_MT_RETRIES: number }): CallPolicy {
  return { timeoutMs: config.TANDEM_MT_TIMEOUT_MS, retries: config.TANDEM_MT_RETRIES };
}

/**
 * One provider request under the policy: each attempt gets its own timeout, the whole is retried.
 * `mapError` turns the vendor's errors into EngineErrors, which decide whether to retry.
 */
export function callProvider<T>(
  engine: string,
  policy: CallPolicy,
  signal: AbortSignal | undefined,
  fn: (signal: AbortSignal) => Promise<T>,
  mapError: (err: unknown) => unknown,
): Promise<T> {
  const attempt = (attemptSignal: AbortSignal) => fn(attemptSignal).catch((err: unknown) => Promise.reject(mapError(err)));
  return withRetries(() => withTimeout(engine, policy.timeoutMs, signal, attempt), { ...defaultRetryOptions, ...policy, signal });
}
