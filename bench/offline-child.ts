import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { offlineEngine } from '../src/engines/offline/index.js';
import { samplesDir } from '../src/paths.js';
import { glossaryFromFile } from '../src/quality/glossary.js';
import { loadTestSet } from '../src/quality/testset.js';
import { countWords, prepareSegments, translateParagraphs, translatePrepared } from '../src/quality/translate.js';

/*
 * Run by bench/offline.ts in a fresh Node process (pinned to one CPU when taskset exists), so start-up,
 * speed and memory belong to the offline engine alone, not to whatever the bench process loaded before.
 * Prints one JSON line. `--startup-only` stops after the first translated sentence.
 */
const { values } = parseArgs({ options: { 'startup-only': { type: 'boolean' }, words: { type: 'string' }, runs: { type: 'string' } } });

const SENTENCE = 'Министр обороны России Андрей Белоусов 3 марта провел совещание в Москве.';

// Start-up: from process start (performance.timeOrigin, so Node's own boot and every import count) to the first English sentence.
// The phases are reported too, so a slow start-up points at its cause.
const importsMs = performance.now();
await offlineEngine.warmUp();
const engineMs = performance.now();
const glossary = await glossaryFromFile();
const glossaryMs = performance.now();
const [first] = await translateParagraphs(offlineEngine, glossary, [SENTENCE]);
const startupMs = performance.now();
if (!first) throw new Error('the offline engine returned nothing for the start-up sentence');
const phases = { importsMs, engineWarmUpMs: engineMs - importsMs, glossaryMs: glossaryMs - engineMs, firstSentenceMs: startupMs - glossaryMs };

if (values['startup-only']) {
  console.log(JSON.stringify({ startupMs, phases, rssMb: process.memoryUsage().rss / 2 ** 20 }));
} else {
  // Both halves plus the sample articles: about 3,000 distinct words of news.
  const samples = readdirSync(samplesDir).filter((f) => f.endsWith('.ru.txt'));
  const paragraphs = [
    ...[...loadTestSet('dev'), ...loadTestSet('test')].map((p) => p.ru),
    ...samples.flatMap((f) => readFileSync(join(samplesDir, f), 'utf8').split(/\n\s*\n/).slice(1)),
  ];
  // Warm-up: JIT, az's memo tables, the engine's and the glossary's word caches.
  for (let i = 0; i < 3; i++) await translateParagraphs(offlineEngine, glossary, paragraphs);

  // Several thousand words, repeating the corpus when needed. Word caches are warm, as in a long job;
  // nothing caches whole segments, so every run does the analysis and generation again.
  const target = Number(values.words ?? 6000);
  const text: string[] = [];
  let words = 0;
  while (words < target) {
    for (const p of paragraphs) {
      text.push(p);
      words += countWords(p);
    }
  }
  const prepared = prepareSegments(glossary, text);

  const engineOnly: number[] = [];
  const withGlossary: number[] = [];
  const timed = async (into: number[], work: () => Promise<unknown>) => {
    const start = performance.now();
    await work();
    into.push(performance.now() - start);
  };
  // Alternating which goes first, so neither pays for the other's garbage every time.
  for (let i = 0; i < Number(values.runs ?? 7); i++) {
    const engine = () => timed(engineOnly, () => translatePrepared(offlineEngine, prepared));
    const full = () => timed(withGlossary, () => translateParagraphs(offlineEngine, glossary, text));
    if (i % 2 === 0) await engine().then(full);
    else await full().then(engine);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(
    JSON.stringify({
      startupMs,
      words,
      runs: engineOnly.length,
      wordsPerSecond: words / (median(engineOnly) / 1000),
      wordsPerSecondWithGlossary: words / (median(withGlossary) / 1000),
      rssMb: process.memoryUsage().rss / 2 ** 20,
      heapUsedMb: process.memoryUsage().heapUsed / 2 ** 20,
    }),
  );
}
