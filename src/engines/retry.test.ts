import { describe, expect, it } from 'vitest';
import { EngineError } from './engine.js';
import { parseRetryAfter, withRetries, withTimeout } from './retry.js';

const busy = (retryAfterMs?: number) => new EngineError('test', 'rate_limited', 'busy', retryAfterMs);

function recorder() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

describe('withRetries', () => {
  it('when the first attempts are rate-limited, then it waits with full jitter below base·2^n and succeeds', async () => {
    const { delays, sleep } = recorder();
    let calls = 0;
    const result = await withRetries(
      async () => {
        if (++calls < 4) throw busy();
        return 'ok';
      },
      { retries: 4, baseMs: 100, maxMs: 250, sleep, random: () => 0.99 },
    );
    expect(result).toBe('ok');
    // 0.99 of 100, 200, then 400 capped at 250.
    expect(delays).toEqual([99, 198, 247]);
  });

  it('when the provider sends Retry-After, then exactly that wait is used', async () => {
    const { delays, sleep } = recorder();
    let calls = 0;
    await withRetries(
      async () => {
        if (++calls === 1) throw busy(1500);
      },
      { retries: 2, baseMs: 100, maxMs: 5000, sleep },
    );
    expect(delays).toEqual([1500]);
  });

  it('when Retry-After is longer than the longest wait, then it fails at once saying how long the provider asks', async () => {
    const { delays, sleep } = recorder();
    const err = await withRetries(() => Promise.reject(busy(120_000)), { retries: 3, baseMs: 1, maxMs: 30_000, sleep }).catch((e: unknown) => e);
    expect(err).toMatchObject({ failure: 'rate_limited', message: 'test: busy (the provider asks to wait 120 s)' });
    expect(delays).toEqual([]);
  });

  it.each(['quota_exceeded', 'not_configured', 'bad_response', 'unsupported_language'] as const)('when the failure is %s, then it is not retried', async (failure) => {
    let calls = 0;
    const err = await withRetries(
      async () => {
        calls++;
        throw new EngineError('test', failure, 'no');
      },
      { retries: 3, baseMs: 1, maxMs: 1 },
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ failure });
    expect(calls).toBe(1);
  });

  it('when the error is not an EngineError, then it is not retried', async () => {
    let calls = 0;
    const err = await withRetries(
      async () => {
        calls++;
        throw new TypeError('bug');
      },
      { retries: 3, baseMs: 1, maxMs: 1 },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TypeError);
    expect(calls).toBe(1);
  });

  it('when every attempt fails, then it makes retries + 1 attempts and throws the last error', async () => {
    let calls = 0;
    const err = await withRetries(
      async () => {
        calls++;
        throw new EngineError('test', 'unavailable', `down ${calls}`);
      },
      { retries: 2, baseMs: 1, maxMs: 1, sleep: async () => {} },
    ).catch((e: unknown) => e);
    expect(calls).toBe(3);
    expect((err as Error).message).toBe('test: down 3');
  });
});

describe('withTimeout', () => {
  it('when the work never ends, then an unavailable EngineError says no answer came in time', async () => {
    const err = await withTimeout('test', 20, undefined, () => new Promise(() => {})).catch((e: unknown) => e);
    expect(err).toMatchObject({ failure: 'unavailable', message: 'test: no answer within 20 ms' });
  });

  it('when the work honours the signal, then the timeout still reports as unavailable', async () => {
    // Like fetch: rejects with its own AbortError when the signal fires.
    const abortable = (signal: AbortSignal) =>
      new Promise((_, reject) => signal.addEventListener('abort', () => reject(new DOMException('This operation was aborted', 'AbortError'))));
    const err = await withTimeout('test', 20, undefined, abortable).catch((e: unknown) => e);
    expect(err).toMatchObject({ failure: 'unavailable' });
  });

  it('when the caller aborts, then its reason comes through, not a timeout', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('cancelled')), 5);
    await expect(withTimeout('test', 10_000, controller.signal, () => new Promise(() => {}))).rejects.toThrow('cancelled');
  });
});

describe('parseRetryAfter', () => {
  it('when given seconds or an HTTP date, then it returns milliseconds; otherwise undefined', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter('0.5')).toBe(500);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:10 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'))).toBe(10_000);
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
