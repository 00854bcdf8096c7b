import { PassThroughClient } from 'google-auth-library';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { documentSegments, segment } from '../../tests/fixtures/engine-segments.js';
import { describeProviderFailures } from '../../tests/servers/failure-cases.js';
import { type GoogleV3Server, startGoogleV3Server } from '../../tests/servers/google-v3.js';
import { codePoints } from './batching.js';
import { createGoogleEngine, type GoogleEngineOptions } from './google.js';
import type { CallPolicy } from './retry.js';

let server: GoogleV3Server;
const policy: CallPolicy = { timeoutMs: 2_000, retries: 1, baseMs: 1, maxMs: 10 };
const engine = (options: Partial<GoogleEngineOptions> = {}) =>
  createGoogleEngine({
    projectId: server.project,
    location: server.location,
    connection: { apiEndpoint: '127.0.0.1', port: server.port, protocol: 'http', authClient: new PassThroughClient() },
    policy,
    ...options,
  });
const bodies = () => server.requests.filter((r) => r.path === server.translatePath).map((r) => JSON.parse(r.body) as Record<string, unknown>);

beforeAll(async () => {
  server = await startGoogleV3Server();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe('google engine (v3): requests', () => {
  it('when 120 segments are translated, then one camelCase HTML request carries them and results keep their order', async () => {
    const results = await engine().translate(documentSegments(120));
    const [body] = bodies();
    expect(bodies()).toHaveLength(1);
    expect(body).toMatchObject({ mimeType: 'text/html', sourceLanguageCode: 'ru', targetLanguageCode: 'en' });
    expect(body!.contents).toHaveLength(120);
    expect(results[119]!.text).toContain('(120)');
  });

  it('when 1,500 segments are translated, then no request holds more than 1,024 texts', async () => {
    const results = await engine().translate(documentSegments(1500));
    expect(results).toHaveLength(1500);
    for (const body of bodies()) expect((body.contents as string[]).length).toBeLessThanOrEqual(1024);
  });

  it('when the texts are long, then no request holds more than 30,000 code points', async () => {
    const long = 'Длинное предложение о ремонте дорог и мостов в области. '.repeat(50);
    const results = await engine().translate(Array.from({ length: 30 }, (_, i) => segment(`${long}${i}`)));
    expect(results).toHaveLength(30);
    expect(bodies().length).toBeGreaterThan(1);
    for (const body of bodies()) expect((body.contents as string[]).reduce((n, c) => n + codePoints(c), 0)).toBeLessThanOrEqual(30_000);
  });

  it('when a segment has glossary terms, then they go out in official English inside translate="no" spans and come back plain', async () => {
    const [result] = await engine().translate([segment("Министр обороны сказал: «It's done» & всё.", [['Министр обороны', 'Defense Minister']])]);
    expect((bodies()[0]!.contents as string[])[0]).toBe(
      '<span translate="no" class="notranslate" data-term="0">Defense Minister</span> сказал: «It\'s done» &amp; всё.',
    );
    expect(result).toEqual({ text: "EN(Defense Minister сказал: «It's done» & всё.)" });
  });

  it('when a Google glossary is configured, then glossaryConfig is sent and the glossary translations are used', async () => {
    const [result] = await engine({ glossaryId: 'tandem-ru-en' }).translate([segment('Привет.')]);
    expect(bodies()[0]!.glossaryConfig).toEqual({ glossary: `projects/${server.project}/locations/${server.location}/glossaries/tandem-ru-en`, ignoreCase: true });
    expect(result!.text).toBe('EN-GLOSSARY(Привет.)');
  });

  it('when no glossary is configured, then no glossaryConfig is sent', async () => {
    await engine().translate([segment('Привет.')]);
    expect(bodies()[0]).not.toHaveProperty('glossaryConfig');
  });

  it('when the status is asked for, then supported languages answer it', async () => {
    expect(await engine().status()).toEqual({ reachable: true, detail: '2 languages supported' });
    server.fail({ on: '/v3/', kind: 'status', status: 403, body: { error: { code: 403, message: 'Cloud Translation API has not been used in project', status: 'PERMISSION_DENIED' } } });
    expect(await engine().status()).toMatchObject({ reachable: false, detail: expect.stringContaining('PERMISSION_DENIED') });
  });
});

describeProviderFailures({
  name: 'google engine (v3)',
  server: () => server,
  engine: (p) => engine({ policy: p }),
  badCredentials: (p) => engine({ policy: p, projectId: 'someone-else' }),
  translateRequests: () => server.requests.filter((r) => r.path.endsWith(':translateText')).length,
  rateLimit: {
    kind: 'status',
    status: 429,
    headers: { 'retry-after': '2' },
    body: { error: { code: 429, message: "Quota exceeded for quota metric 'Number of characters' and limit 'Characters per minute per project'", status: 'RESOURCE_EXHAUSTED' } },
  },
  seesRetryAfter: true,
  quota: [
    {
      label: 'a daily RESOURCE_EXHAUSTED (429)',
      failure: { kind: 'status', status: 429, body: { error: { code: 429, message: "Quota exceeded for quota metric 'Number of characters' and limit 'Characters per day'", status: 'RESOURCE_EXHAUSTED' } } },
      expected: 'quota_exceeded',
    },
    {
      label: '"Daily Limit Exceeded" (403)',
      failure: { kind: 'status', status: 403, body: { error: { code: 403, message: 'Daily Limit Exceeded', status: 'PERMISSION_DENIED' } } },
      expected: 'quota_exceeded',
    },
    {
      label: '"User Rate Limit Exceeded" (403)',
      failure: { kind: 'status', status: 403, body: { error: { code: 403, message: 'User Rate Limit Exceeded', status: 'PERMISSION_DENIED' } } },
      expected: 'rate_limited',
    },
  ],
});
