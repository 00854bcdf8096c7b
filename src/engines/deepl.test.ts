import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { documentSegments, segment } from '../../tests/fixtures/engine-segments.js';
import { DEEPL_TEST_KEY, type DeepLServer, startDeepLServer } from '../../tests/servers/deepl.js';
import { createDeepLEngine, type DeepLEngineOptions } from './deepl.js';
import { EngineError } from './engine.js';

/** Sleeps recorded instead of waited: the backoff is checked without slowing the tests. */
const delays: number[] = [];
const policy = { timeoutMs: 300, retries: 2, baseMs: 10, maxMs: 5_000, sleep: async (ms: number) => void delays.push(ms) };

let server: DeepLServer;
const engine = (options: Partial<DeepLEngineOptions> = {}) =>
  createDeepLEngine({ authKey: DEEPL_TEST_KEY, serverUrl: server.url, spelling: 'american', policy, ...options });
const translateRequests = () => server.requests.filter((r) => r.path === '/v2/translate').map((r) => new URLSearchParams(r.body));

beforeAll(async () => {
  server = await startDeepLServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  server.glossaries.clear();
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

describe('deepl engine: batching and terms', () => {
  it('when 120 segments are translated, then at most 3 requests of at most 50 texts go out and results keep their order', async () => {
    const segments = documentSegments(120);
    const results = await engine().translate(segments);
    const requests = translateRequests();
    expect(requests.length).toBeLessThanOrEqual(3);
    for (const form of requests) expect(form.getAll('text').length).toBeLessThanOrEqual(50);
    expect(results).toHaveLength(120);
    expect(results[41]!.text).toContain('(42)');
    expect(results[119]!.text).toContain('(120)');
  });

  it('when segments are long, then each request body stays within 128 KiB', async () => {
    const long = 'Очень длинное предложение о бюджете города и его расходах на ремонт. '.repeat(40);
    const segments = Array.from({ length: 50 }, (_, i) => segment(`${long}${i}`));
    const results = await engine().translate(segments);
    expect(results).toHaveLength(50);
    const bodies = server.requests.filter((r) => r.path === '/v2/translate').map((r) => Buffer.byteLength(r.body));
    expect(bodies.length).toBeGreaterThan(1);
    for (const bytes of bodies) expect(bytes).toBeLessThanOrEqual(128 * 1024);
  });

  it('when a segment has glossary terms, then DeepL receives them in official English inside ignored tags and the output has them without tags', async () => {
    const [result] = await engine().translate([segment('Министр обороны встретился с мэром Казани.', [['Министр обороны', 'Defense Minister'], ['мэром Казани', 'Mayor of Kazan']])]);
    const [form] = translateRequests();
    expect(form!.get('tag_handling')).toBe('xml');
    expect(form!.get('ignore_tags')).toBe('x');
    expect(form!.getAll('text')[0]).toBe('<x id="0">Defense Minister</x> встретился с <x id="1">Mayor of Kazan</x>.');
    expect(result).toEqual({ text: 'EN(Defense Minister встретился с Mayor of Kazan.)' });
  });

  it('when the source holds & and <, then they are escaped for DeepL and come back as typed', async () => {
    const [result] = await engine().translate([segment('Компания «A&B» <тест> выросла.')]);
    expect(translateRequests()[0]!.getAll('text')[0]).toBe('Компания «A&amp;B» &lt;тест&gt; выросла.');
    expect(result!.text).toBe('EN(Компания «A&B» <тест> выросла.)');
  });

  it('when the provider drops a protected term, then the result lists it as missing', async () => {
    server.fail({ kind: 'drop_markup' });
    const [result] = await engine().translate([segment('Министр обороны прибыл.', [['Министр обороны', 'Defense Minister']])]);
    expect(result!.text).not.toContain('Defense Minister');
    expect(result!.missingTerms).toEqual(['term-0-defense-minister']);
  });

  it('when segments carry their paragraph, then the request passes the paragraphs as context', async () => {
    await engine().translate(documentSegments(6));
    const form = translateRequests()[0]!;
    const context = form.get('context') ?? '';
    expect(context.split('\n')).toHaveLength(2);
    expect(context).toContain('Министр обороны провел совещание в Казани.');
  });

  it('when the spelling is british, then DeepL is asked for EN-GB, otherwise EN-US', async () => {
    await engine({ spelling: 'british' }).translate([segment('Привет.')]);
    await engine().translate([segment('Привет.')]);
    expect(translateRequests().map((f) => f.get('target_lang')?.toUpperCase())).toEqual(['EN-GB', 'EN-US']);
    expect(translateRequests()[0]!.get('source_lang')?.toUpperCase()).toBe('RU');
  });

  it('when the batch is empty, then no request is made', async () => {
    expect(await engine().translate([])).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });
});

describe('deepl engine: glossary kept in step', () => {
  const glossary = (revision: number) => ({
    revision,
    entries: [
      { source: 'министр обороны', target: 'Defense Minister' },
      { source: 'мэр Казани', target: revision > 1 ? 'Kazan Mayor' : 'Mayor of Kazan' },
      { source: 'министр обороны', target: 'duplicate source: skipped' },
    ],
  });

  it('when a glossary revision is first seen, then it is created once and passed with every request', async () => {
    const e = engine();
    await e.translate(documentSegments(60), { glossary: glossary(1) });
    await e.translate(documentSegments(3), { glossary: glossary(1) });
    expect(server.requests.filter((r) => r.method === 'POST' && r.path === '/v2/glossaries')).toHaveLength(1);
    const [stored] = [...server.glossaries.values()];
    expect(stored).toMatchObject({ name: 'tandem ru-en r1', sourceLang: 'ru', targetLang: 'en' });
    expect(stored!.entries.split('\n')).toEqual(['министр обороны\tDefense Minister', 'мэр Казани\tMayor of Kazan']);
    const ids = translateRequests().map((f) => f.get('glossary_id'));
    expect(ids).toHaveLength(3);
    expect(new Set(ids)).toEqual(new Set([[...server.glossaries.keys()][0]]));
  });

  it('when the revision changes, then the old glossary is deleted and a new one created', async () => {
    const e = engine();
    await e.translate([segment('Привет.')], { glossary: glossary(1) });
    await e.translate([segment('Привет.')], { glossary: glossary(2) });
    expect([...server.glossaries.values()].map((g) => g.name)).toEqual(['tandem ru-en r2']);
    expect(server.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
  });

  it('when a new engine instance finds the glossary of its revision on the account, then it reuses it', async () => {
    await engine().translate([segment('Привет.')], { glossary: glossary(1) });
    server.reset();
    await engine().translate([segment('Привет.')], { glossary: glossary(1) });
    expect(server.requests.filter((r) => r.method === 'POST' && r.path === '/v2/glossaries')).toHaveLength(0);
    expect(translateRequests()[0]!.get('glossary_id')).toBe([...server.glossaries.keys()][0]);
  });

  it('when the glossary was deleted on the account, then it is created again and the batch still translates', async () => {
    const e = engine();
    await e.translate([segment('Привет.')], { glossary: glossary(1) });
    server.glossaries.clear();
    const [result] = await e.translate([segment('Пока.')], { glossary: glossary(1) });
    expect(result!.text).toBe('EN(Пока.)');
    expect(server.glossaries.size).toBe(1);
  });

  it('when no glossary is passed, then none is created', async () => {
    await engine().translate([segment('Привет.')]);
    expect(server.count('/v2/glossaries')).toBe(0);
    expect(translateRequests()[0]!.has('glossary_id')).toBe(false);
  });
});

describe('deepl engine: failures', () => {
  it('when DeepL answers 429 and then succeeds, then the batch is retried after a backoff and translated', async () => {
    server.fail({ kind: 'status', status: 429, body: { message: 'Too many requests' } });
    const [result] = await engine().translate([segment('Привет.')]);
    expect(result!.text).toBe('EN(Привет.)');
    expect(translateRequests()).toHaveLength(2);
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeLessThanOrEqual(10);
  });

  it('when DeepL answers 456, then a quota_exceeded error names DeepL and nothing is retried', async () => {
    server.fail({ kind: 'status', status: 456, body: { message: 'Quota Exceeded' } });
    const err = await failure(engine().translate([segment('Привет.')]));
    expect(err).toMatchObject({ failure: 'quota_exceeded', status: 402, code: 'engine_quota_exceeded' });
    expect(err.message).toContain('DeepL character quota used up');
    expect(translateRequests()).toHaveLength(1);
  });

  it('when the key is refused (403), then not_configured and no retry', async () => {
    const err = await failure(createDeepLEngine({ authKey: 'wrong', serverUrl: server.url, spelling: 'american', policy }).translate([segment('Привет.')]));
    expect(err.failure).toBe('not_configured');
    expect(server.requests).toHaveLength(1);
  });

  it('when DeepL keeps answering 503, then the request is tried retries + 1 times and fails as unavailable', async () => {
    server.fail(...Array.from({ length: 5 }, () => ({ kind: 'status' as const, status: 503 })));
    const err = await failure(engine().translate([segment('Привет.')]));
    expect(err.failure).toBe('unavailable');
    expect(translateRequests()).toHaveLength(3);
    // Full jitter: each wait is random, but never above base·2^n.
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeLessThanOrEqual(10);
    expect(delays[1]).toBeLessThanOrEqual(20);
  });

  it('when DeepL answers 500 once, then the retry succeeds', async () => {
    server.fail({ kind: 'status', status: 500 });
    const [result] = await engine().translate([segment('Привет.')]);
    expect(result!.text).toBe('EN(Привет.)');
    expect(translateRequests()).toHaveLength(2);
  });

  it('when the connection hangs, then the timeout fires and the retry succeeds', async () => {
    server.fail({ kind: 'hang' });
    const [result] = await engine().translate([segment('Привет.')]);
    expect(result!.text).toBe('EN(Привет.)');
    expect(translateRequests()).toHaveLength(2);
  });

  it('when every attempt hangs, then the error says no answer came in time', async () => {
    server.fail({ kind: 'hang' }, { kind: 'hang' }, { kind: 'hang' });
    const err = await failure(engine().translate([segment('Привет.')]));
    expect(err.failure).toBe('unavailable');
    expect(err.message).toContain('no answer within 300 ms');
  });

  it('when the reply is not JSON, then bad_response without retry', async () => {
    server.fail({ kind: 'malformed' });
    const err = await failure(engine().translate([segment('Привет.')]));
    expect(err.failure).toBe('bad_response');
    expect(translateRequests()).toHaveLength(1);
  });

  it('when the reply has one translation too few, then bad_response', async () => {
    server.fail({ kind: 'wrong_count' });
    const err = await failure(engine().translate([segment('Привет.'), segment('Пока.')]));
    expect(err.failure).toBe('bad_response');
    expect(err.message).toContain('1 translations for 2 texts');
  });

  it('when the caller aborts, then translation stops with the abort reason and no retry', async () => {
    server.fail({ kind: 'hang' });
    const controller = new AbortController();
    const pending = engine({ policy: { ...policy, timeoutMs: 10_000 } }).translate([segment('Привет.')], { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stopped by the user')), 20);
    await expect(pending).rejects.toThrow('stopped by the user');
    expect(translateRequests()).toHaveLength(1);
  });
});

describe('deepl engine: status', () => {
  it('when DeepL reports usage, then status gives the characters left', async () => {
    await engine().translate([segment('Привет.')]);
    const status = await engine().status();
    expect(server.billed).toBeGreaterThan(0);
    expect(status).toMatchObject({ reachable: true, quotaLeft: 500_000 - server.billed });
    expect(status.detail).toContain(`${server.billed.toLocaleString('en')} of 500,000 characters`);
  });

  it('when DeepL refuses the key, then status is unreachable with the reason', async () => {
    const status = await createDeepLEngine({ authKey: 'wrong', serverUrl: server.url, spelling: 'american', policy }).status();
    expect(status.reachable).toBe(false);
    expect(status.detail).toContain('DEEPL_AUTH_KEY');
  });
});

/**
 * Against DeepL's official mock server (github: DeepLcom/deepl-mock) when DEEPL_SERVER_URL points
 * to one. The mock answers every line with a fixed phrase and drops markup, so these tests check
 * the wire protocol, the glossary calls and the failure mapping, not the wording.
 */
const mockUrl = process.env.DEEPL_SERVER_URL;

describe.skipIf(!mockUrl)('deepl engine against DeepL’s mock server (DEEPL_SERVER_URL)', () => {
  let sessions = 0;
  /** A fresh mock account and session per engine; `session` sets the mock's failure counters. */
  const mockEngine = (session: Record<string, number> = {}, timeoutMs = 2_000) => {
    const id = `tandem-${process.pid}-${Date.now()}-${++sessions}`;
    const headers: Record<string, string> = { 'mock-server-session': id, 'mock-server-session-allow-reconnections': '1' };
    for (const [name, value] of Object.entries(session)) headers[`mock-server-session-${name}`] = String(value);
    const authKey = `${id}:fx`;
    return {
      authKey,
      engine: createDeepLEngine({ authKey, serverUrl: mockUrl, spelling: 'american', policy: { ...policy, timeoutMs }, headers }),
    };
  };

  it('when a batch is translated, then every segment gets the mock’s answer and a lost term is reported', async () => {
    const { engine: e } = mockEngine();
    const results = await e.translate([segment('Министр обороны прибыл.', [['Министр обороны', 'Defense Minister']]), segment('Привет.')]);
    expect(results.map((r) => r.text)).toEqual(['proton beam', 'proton beam']);
    expect(results[0]!.missingTerms).toEqual(['term-0-defense-minister']);
  });

  it('when a glossary revision changes, then the mock account holds only the glossary of the new revision', async () => {
    const { engine: e, authKey } = mockEngine();
    const entries = [{ source: 'министр обороны', target: 'Defense Minister' }];
    await e.translate([segment('Привет.')], { glossary: { revision: 1, entries } });
    await e.translate([segment('Привет.')], { glossary: { revision: 2, entries } });
    const { Translator } = await import('deepl-node');
    const names = (await new Translator(authKey, { serverUrl: mockUrl }).listGlossaries()).map((g) => g.name);
    expect(names).toEqual(['tandem ru-en r2']);
  });

  it('when the mock answers 429 once, then the retry succeeds', async () => {
    const [result] = await mockEngine({ '429-count': 1 }).engine.translate([segment('Привет.')]);
    expect(result!.text).toBe('proton beam');
    expect(delays).toHaveLength(1);
  });

  it('when the mock answers 503 every time, then unavailable', async () => {
    const err = await failure(mockEngine({ '5xx-count': 10 }).engine.translate([segment('Привет.')]));
    expect(err.failure).toBe('unavailable');
  });

  it('when the character limit is used up, then quota_exceeded (456)', async () => {
    const err = await failure(mockEngine({ 'init-character-limit': 3 }).engine.translate([segment('Длинное предложение.')]));
    expect(err.failure).toBe('quota_exceeded');
  });

  it('when the mock gives no response once, then the timeout fires and the retry succeeds', async () => {
    const [result] = await mockEngine({ 'no-response-count': 1 }, 500).engine.translate([segment('Привет.')]);
    expect(result!.text).toBe('proton beam');
  });

  it('when the key is invalid, then not_configured', async () => {
    const err = await failure(createDeepLEngine({ authKey: 'invalid', serverUrl: mockUrl, spelling: 'american', policy }).translate([segment('Привет.')]));
    expect(err.failure).toBe('not_configured');
  });

  it('when the status is asked for, then the mock’s usage gives the characters left', async () => {
    const { engine: e } = mockEngine({ 'init-character-limit': 1000 });
    await e.translate([segment('Привет.')]);
    const status = await e.status();
    expect(status.reachable).toBe(true);
    expect(status.quotaLeft).toBeLessThan(1000);
  });
});
