import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { documentSegments, segment } from '../../tests/fixtures/engine-segments.js';
import type { FakeServer } from '../../tests/servers/fake-server.js';
import { describeProviderFailures } from '../../tests/servers/failure-cases.js';
import { GOOGLE_TEST_KEY, startGoogleV2Server } from '../../tests/servers/google-v2.js';
import { createGoogleV2Engine } from './google-v2.js';
import type { CallPolicy } from './retry.js';

let server: FakeServer;
const policy: CallPolicy = { timeoutMs: 2_000, retries: 1, baseMs: 1, maxMs: 10 };
const engine = (p = policy, apiKey = GOOGLE_TEST_KEY) => createGoogleV2Engine({ apiKey, endpoint: server.url, policy: p });
const translateBodies = () =>
  server.requests.filter((r) => r.method === 'POST' && r.path === '/language/translate/v2').map((r) => JSON.parse(r.body) as { q: string[]; format?: string });

beforeAll(async () => {
  server = await startGoogleV2Server();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe('google-v2 engine: requests', () => {
  it('when 300 segments are translated, then requests hold at most 128 texts each, with the API key, and results keep their order', async () => {
    const results = await engine().translate(documentSegments(300));
    expect(translateBodies().map((b) => b.q.length)).toEqual([128, 128, 44]);
    expect(server.requests.every((r) => r.query.get('key') === GOOGLE_TEST_KEY)).toBe(true);
    expect(results[299]!.text).toContain('(300)');
  });

  it('when the first text has no markup, then the format is still sent as html', async () => {
    await engine().translate([segment('Простой текст.'), segment('Министр обороны прибыл.', [['Министр обороны', 'Defense Minister']])]);
    const [body] = translateBodies();
    expect(body!.format).toBe('html');
    expect(body!.q[1]).toBe('<span translate="no" class="notranslate" data-term="0">Defense Minister</span> прибыл.');
  });

  it('when Google escapes the output as HTML, then the result is plain text with the term in official form', async () => {
    const [result] = await engine().translate([segment("Министр обороны: «It's A&B».", [['Министр обороны', 'Defense Minister']])]);
    expect(result).toEqual({ text: "EN(Defense Minister: «It's A&B».)" });
  });

  it('when the status is asked for, then the languages list answers it, and a bad key makes it unreachable', async () => {
    expect(await engine().status()).toEqual({ reachable: true, detail: '2 languages supported' });
    const status = await engine(policy, 'wrong').status();
    expect(status).toMatchObject({ reachable: false, detail: expect.stringContaining('API key not valid') });
  });
});

describeProviderFailures({
  name: 'google-v2 engine',
  server: () => server,
  engine: (p) => engine(p),
  badCredentials: (p) => engine(p, 'wrong'),
  translateRequests: () => translateBodies().length,
  rateLimit: {
    kind: 'status',
    status: 429,
    headers: { 'retry-after': '2' },
    body: { error: { code: 429, message: 'Too many requests', errors: [{ reason: 'rateLimitExceeded', message: 'Too many requests' }] } },
  },
  seesRetryAfter: true,
  quota: [
    {
      label: '"Daily Limit Exceeded" (403 dailyLimitExceeded)',
      failure: { kind: 'status', status: 403, body: { error: { code: 403, message: 'Daily Limit Exceeded', errors: [{ reason: 'dailyLimitExceeded', domain: 'usageLimits' }] } } },
      expected: 'quota_exceeded',
    },
    {
      label: '"User Rate Limit Exceeded" (403 userRateLimitExceeded)',
      failure: { kind: 'status', status: 403, body: { error: { code: 403, message: 'User Rate Limit Exceeded', errors: [{ reason: 'userRateLimitExceeded', domain: 'usageLimits' }] } } },
      expected: 'rate_limited',
    },
  ],
});
