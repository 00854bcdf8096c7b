import { PassThroughClient } from 'google-auth-library';
import { performance } from 'node:perf_hooks';
import { codePoints, formFieldBytes, splitBatches } from '../src/engines/batching.js';
import { createDeepLEngine } from '../src/engines/deepl.js';
import type { Engine, TranslateOptions } from '../src/engines/engine.js';
import { createGoogleV2Engine } from '../src/engines/google-v2.js';
import { createGoogleEngine } from '../src/engines/google.js';
import { createLlmEngine, parseTranslations } from '../src/engines/llm.js';
import { type Markup, protectTerms } from '../src/engines/protect.js';
import { documentSegments } from '../tests/fixtures/engine-segments.js';
import { providerServers } from '../tests/servers/all.js';
import { median, report } from './report.js';

const SEGMENTS = 100;
const RUNS = 7;
const policy = { timeoutMs: 30_000, retries: 0 };
const glossary: NonNullable<TranslateOptions['glossary']> = {
  revision: 1,
  entries: [
    { source: 'министр обороны', target: 'Defense Minister' },
    { source: 'генерал-полковник', target: 'Colonel General' },
    { source: 'мэр Казани', target: 'Mayor of Kazan' },
  ],
};

/**
 * Provider engines against their local stand-in servers (tests/servers/, 127.0.0.1, no network):
 * requests per 100 segments, and Tandem's own time per segment.
 */
export async function benchProviders(): Promise<void> {
  const servers = providerServers();
  await servers.start();
  try {
    const engines: Array<{ engine: Engine; translatePath: (path: string) => boolean; glossaryPath?: string }> = [
      {
        engine: createDeepLEngine({ authKey: servers.deeplKey, serverUrl: servers.deepl.url, spelling: 'american', policy }),
        translatePath: (p) => p === '/v2/translate',
        glossaryPath: '/v2/glossaries',
      },
      {
        engine: createGoogleEngine({
          projectId: servers.googleV3.project,
          location: servers.googleV3.location,
          connection: { apiEndpoint: '127.0.0.1', port: servers.googleV3.port, protocol: 'http', authClient: new PassThroughClient() },
          policy,
        }),
        translatePath: (p) => p.endsWith(':translateText'),
      },
      { engine: createGoogleV2Engine({ apiKey: servers.googleKey, endpoint: servers.googleV2.url, policy }), translatePath: (p) => p === '/language/translate/v2' },
      { engine: createLlmEngine({ baseUrl: servers.openai.url, model: servers.openai.model, policy }), translatePath: (p) => p === '/v1/chat/completions' },
    ];
    const all = [servers.deepl, servers.googleV3, servers.googleV2, servers.openai];
    const segments = documentSegments(SEGMENTS);

    for (const { engine, translatePath, glossaryPath } of engines) {
      for (const server of all) server.reset();
      // First call: the provider glossary is created (DeepL), then it is in step.
      await engine.translate(segments, { glossary });
      const requests = all.flatMap((s) => s.requests);
      report('providers.requests_per_100_segments', requests.filter((r) => translatePath(r.path)).length, 'requests', {
        engine: engine.id,
        glossarySyncRequests: glossaryPath ? requests.filter((r) => r.path.startsWith(glossaryPath)).length : 0,
        note: 'one translate() call of 100 segments with terms and paragraph context; glossary sync happens once per glossary revision',
      });

      const times: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const start = performance.now();
        await engine.translate(segments, { glossary });
        times.push(performance.now() - start);
      }
      report('providers.time_per_segment_local_server', (median(times) * 1000) / SEGMENTS, 'µs', {
        engine: engine.id,
        how: 'engine.translate() of 100 segments against a zero-latency stand-in on 127.0.0.1: Tandem code + vendor client + loopback HTTP + the stand-in; nothing subtracted; median of 7 after a warm-up',
      });
    }

    for (const markup of ['xml', 'html'] as const) {
      report('providers.tandem_code_per_segment', tandemCodeMicros(markup, segments), 'µs', {
        markup,
        how: 'protectTerms + splitBatches (with the provider size measure) + restore of a provider-style output, no I/O; median of 7',
      });
    }
    const answer = { choices: [{ message: { content: JSON.stringify(segments.map((s) => `EN(${s.text})`)) }, finish_reason: 'stop' }] };
    const parseTimes = Array.from({ length: RUNS }, () => {
      const start = performance.now();
      for (let i = 0; i < 100; i++) parseTranslations(answer, SEGMENTS);
      return (performance.now() - start) / 100;
    });
    report('providers.llm_answer_validation_per_segment', (median(parseTimes) * 1000) / SEGMENTS, 'µs', { how: 'parseTranslations of a 100-string answer, no I/O; median of 7' });
  } finally {
    await servers.stop();
  }
}

function tandemCodeMicros(markup: Markup, segments: ReturnType<typeof documentSegments>): number {
  const size = markup === 'xml' ? (t: string) => formFieldBytes('text', t) : codePoints;
  const once = () => {
    const items = segments.map((segment) => protectTerms(segment, markup));
    const batches = splitBatches(items, { maxItems: 50, maxSize: 126 * 1024, size: (p) => size(p.text) });
    for (const batch of batches) for (const p of batch) p.restore(`EN(${p.text})`);
  };
  for (let i = 0; i < 20; i++) once();
  const times = Array.from({ length: RUNS }, () => {
    const start = performance.now();
    for (let i = 0; i < 50; i++) once();
    return (performance.now() - start) / 50;
  });
  return (median(times) * 1000) / segments.length;
}
