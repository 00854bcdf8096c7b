import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { documentSegments, segment } from '../../tests/fixtures/engine-segments.js';
import { describeProviderFailures } from '../../tests/servers/failure-cases.js';
import { type OpenAiServer, startOpenAiServer } from '../../tests/servers/openai.js';
import { EngineError } from './engine.js';
import { createLlmEngine, parseTranslations } from './llm.js';
import type { CallPolicy } from './retry.js';

const API_KEY = 'local-secret';
let server: OpenAiServer;
const policy: CallPolicy = { timeoutMs: 2_000, retries: 1, baseMs: 1, maxMs: 10 };
const engine = (p = policy, apiKey = API_KEY) => createLlmEngine({ baseUrl: server.url, model: server.model, apiKey, policy: p });
const chatBodies = () =>
  server.requests
    .filter((r) => r.path === '/v1/chat/completions')
    .map((r) => JSON.parse(r.body) as { model: string; temperature: number; messages: Array<{ role: string; content: string }> });

beforeAll(async () => {
  server = await startOpenAiServer({ apiKey: API_KEY });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe('llm engine: prompt and answer', () => {
  it('when segments are translated, then the prompt carries the segments, their paragraphs and the matched terms, at temperature 0', async () => {
    const segments = documentSegments(3);
    const results = await engine().translate(segments);
    const [body] = chatBodies();
    expect(body).toMatchObject({ model: server.model, temperature: 0 });
    expect(body!.messages[0]!.content).toContain('JSON array of exactly 3 strings');
    const prompt = JSON.parse(body!.messages[1]!.content) as { segments: string[]; context: string[]; glossary: unknown[] };
    expect(prompt.segments).toEqual(segments.map((s) => s.text));
    expect(prompt.context).toEqual([segments[0]!.context]);
    expect(prompt.glossary).toEqual([
      { ru: 'Министр обороны', en: 'Defense Minister' },
      { ru: 'Генерал-полковнику', en: 'Colonel General' },
    ]);
    expect(results[0]).toEqual({ text: 'EN(Defense Minister провел совещание в Казани (1).)' });
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });

  it('when 100 segments are translated, then requests hold at most 20 segments each and results keep their order', async () => {
    const results = await engine().translate(documentSegments(100));
    expect(chatBodies().map((b) => (JSON.parse(b.messages[1]!.content) as { segments: unknown[] }).segments.length)).toEqual([20, 20, 20, 20, 20]);
    expect(results[99]!.text).toContain('(100)');
  });

  it('when the model wraps its answer in prose, then bad_response and no retry', async () => {
    server.fail({ kind: 'commentary' });
    const err = await engine().translate([segment('Привет.')]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect(err).toMatchObject({ failure: 'bad_response' });
    expect((err as Error).message).toContain('JSON array of 1 translations');
    expect(chatBodies()).toHaveLength(1);
  });

  it('when the status is asked for, then /v1/models answers whether the model is served', async () => {
    expect(await engine().status()).toEqual({ reachable: true, detail: `${server.model} is served` });
    expect(await createLlmEngine({ baseUrl: `${server.url}/v1`, model: 'other', apiKey: API_KEY, policy }).status()).toMatchObject({
      reachable: true,
      detail: 'other is not among the 1 models the server lists',
    });
    expect((await engine(policy, 'wrong').status()).reachable).toBe(false);
  });

  it('when nothing listens at the base URL, then unavailable', async () => {
    const closed = await startOpenAiServer();
    await closed.close();
    const err = await createLlmEngine({ baseUrl: closed.url, model: 'm', policy: { ...policy, retries: 0 } }).translate([segment('Привет.')]).catch((e: unknown) => e);
    expect(err).toMatchObject({ failure: 'unavailable' });
  });
});

describe('llm engine: answer validation', () => {
  const reply = (content: unknown, finish_reason = 'stop') => ({ choices: [{ message: { content }, finish_reason }] });

  it('when the answer is exactly a JSON array of N strings, then it is accepted (a bare code fence too)', () => {
    expect(parseTranslations(reply('["One.", "Two."]'), 2)).toEqual(['One.', 'Two.']);
    expect(parseTranslations(reply('```json\n["One.", "Two."]\n```'), 2)).toEqual(['One.', 'Two.']);
  });

  it.each([
    ['prose around the array', reply('Here: ["One.", "Two."]'), 'JSON array of 2 translations'],
    ['an object instead of an array', reply('{"translations": ["One.", "Two."]}'), 'JSON array of 2 translations'],
    ['too many translations', reply('["One.", "Two.", "Three."]'), '3 translations for 2 segments'],
    ['an empty translation', reply('["One.", "  "]'), 'translation 2'],
    ['a number instead of text', reply('["One.", 2]'), 'translation 2'],
    ['no content', { choices: [] }, 'no message content'],
    ['an answer cut off by the output limit', reply('["One.", "Tw', 'length'), 'stopped before finishing'],
  ])('when the answer has %s, then bad_response', (_, bad, message) => {
    expect(() => parseTranslations(bad, 2)).toThrow(message);
  });
});

describeProviderFailures({
  name: 'llm engine',
  server: () => server,
  engine: (p) => engine(p),
  badCredentials: (p) => engine(p, 'wrong'),
  translateRequests: () => chatBodies().length,
  rateLimit: { kind: 'status', status: 429, headers: { 'retry-after': '2' }, body: { error: { message: 'Server busy', type: 'rate_limit' } } },
  seesRetryAfter: true,
  quota: [
    {
      label: 'insufficient_quota (429)',
      failure: { kind: 'status', status: 429, body: { error: { message: 'You exceeded your current quota', type: 'insufficient_quota', code: 'insufficient_quota' } } },
      expected: 'quota_exceeded',
    },
  ],
});
