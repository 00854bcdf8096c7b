import { beforeEach, describe, expect, it } from 'vitest';
import { type Engine, EngineError, type EngineFailure } from '../../src/engines/engine.js';
import type { CallPolicy } from '../../src/engines/retry.js';
import { segment } from '../fixtures/engine-segments.js';
import type { Failure, FakeServer } from './fake-server.js';

/**
 * The injected failures every provider engine must survive or report, against its stand-in server:
 * one `describeProviderFailures(...)` per engine test file.
 */
export interface ProviderFailureSuite {
  name: string;
  server: () => FakeServer;
  /** The engine pointed at the server, with this policy. */
  engine: (policy: CallPolicy) => Engine;
  /** The same engine with credentials the server refuses. */
  badCredentials: (policy: CallPolicy) => Engine;
  /** Translation requests the server received. */
  translateRequests: () => number;
  /** A 429 carrying `Retry-After: 2`. */
  rateLimit: Failure;
  /** Whether the vendor client lets the engine see Retry-After. */
  seesRetryAfter: boolean;
  /** The provider's ways of saying the quota is used up, and the failure each must map to. */
  quota: ReadonlyArray<{ label: string; failure: Failure; expected: EngineFailure }>;
}

export function describeProviderFailures(suite: ProviderFailureSuite): void {
  describe(`${suite.name}: injected failures`, () => {
    const delays: number[] = [];
    const policy: CallPolicy = { timeoutMs: 300, retries: 2, baseMs: 10, maxMs: 5_000, sleep: async (ms) => void delays.push(ms) };
    const one = [segment('Министр обороны прибыл в Казань.', [['Министр обороны', 'Defense Minister']])];

    beforeEach(() => {
      suite.server().reset();
      delays.length = 0;
    });

    async function failure(promise: Promise<unknown>): Promise<EngineError> {
      const err = await promise.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(EngineError);
      return err as EngineError;
    }

    it('when the provider answers 429 and then succeeds, then the batch is retried and translated', async () => {
      suite.server().fail(suite.rateLimit);
      const [result] = await suite.engine(policy).translate(one);
      expect(result!.text).toContain('Defense Minister');
      expect(suite.translateRequests()).toBe(2);
      expect(delays).toEqual(suite.seesRetryAfter ? [2000] : [expect.any(Number)]);
    });

    for (const { label, failure: injected, expected } of suite.quota) {
      it(`when the provider reports ${label}, then ${expected} names the provider${expected === 'quota_exceeded' ? ' and nothing is retried' : ''}`, async () => {
        suite.server().fail(injected, injected, injected);
        const err = await failure(suite.engine(policy).translate(one));
        expect(err.failure).toBe(expected);
        expect(err.message.startsWith(`${suite.engine(policy).id}: `)).toBe(true);
        expect(suite.translateRequests()).toBe(expected === 'quota_exceeded' ? 1 : 3);
      });
    }

    it('when the credentials are refused, then not_configured and no retry', async () => {
      const err = await failure(suite.badCredentials(policy).translate(one));
      expect(err.failure).toBe('not_configured');
      expect(suite.translateRequests()).toBe(1);
    });

    it('when the provider answers 503 every time, then it is tried retries + 1 times with jittered backoff and fails as unavailable', async () => {
      suite.server().fail(...Array.from({ length: 5 }, () => ({ kind: 'status' as const, status: 503, body: { error: { code: 503, message: 'Service Unavailable', status: 'UNAVAILABLE' } } })));
      const err = await failure(suite.engine(policy).translate(one));
      expect(err.failure).toBe('unavailable');
      expect(suite.translateRequests()).toBe(3);
      expect(delays).toHaveLength(2);
      expect(delays[0]).toBeLessThanOrEqual(10);
      expect(delays[1]).toBeLessThanOrEqual(20);
    });

    it('when the provider answers 500 once, then the retry succeeds', async () => {
      suite.server().fail({ kind: 'status', status: 500, body: { error: { code: 500, message: 'Internal error' } } });
      const [result] = await suite.engine(policy).translate(one);
      expect(result!.text).toContain('Defense Minister');
      expect(suite.translateRequests()).toBe(2);
    });

    it('when the connection hangs, then the timeout fires and the retry succeeds', async () => {
      suite.server().fail({ kind: 'hang' });
      const [result] = await suite.engine(policy).translate(one);
      expect(result!.text).toContain('Defense Minister');
      expect(suite.translateRequests()).toBe(2);
    });

    it('when every attempt hangs, then unavailable says no answer came in time', async () => {
      suite.server().fail({ kind: 'hang' }, { kind: 'hang' }, { kind: 'hang' });
      const err = await failure(suite.engine(policy).translate(one));
      expect(err.failure).toBe('unavailable');
      expect(err.message).toContain('no answer within 300 ms');
    });

    it('when the reply is not JSON, then bad_response without retry', async () => {
      suite.server().fail({ kind: 'malformed' });
      const err = await failure(suite.engine(policy).translate(one));
      expect(err.failure).toBe('bad_response');
      expect(suite.translateRequests()).toBe(1);
    });

    it('when the reply has one translation too few, then bad_response', async () => {
      suite.server().fail({ kind: 'wrong_count' });
      const err = await failure(suite.engine(policy).translate([...one, segment('Пока.')]));
      expect(err.failure).toBe('bad_response');
    });

    it('when the provider loses a protected term, then the result lists it as missing', async () => {
      suite.server().fail({ kind: 'drop_markup' });
      const [result] = await suite.engine(policy).translate(one);
      expect(result!.text).not.toContain('Defense Minister');
      expect(result!.missingTerms).toEqual([one[0]!.terms[0]!.entryId]);
    });

    it('when the caller aborts, then translation stops with the abort reason and no retry', async () => {
      suite.server().fail({ kind: 'hang' });
      const controller = new AbortController();
      const pending = suite.engine({ ...policy, timeoutMs: 10_000 }).translate(one, { signal: controller.signal });
      setTimeout(() => controller.abort(new Error('stopped by the user')), 20);
      await expect(pending).rejects.toThrow('stopped by the user');
      expect(suite.translateRequests()).toBe(1);
    });
  });
}
