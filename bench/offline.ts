import { execFile, spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { offlineEngine } from '../src/engines/offline/index.js';
import { glossaryFromFile } from '../src/quality/glossary.js';
import { bleu, chrF } from '../src/quality/metrics.js';
import { loadTestSet, type TestHalf } from '../src/quality/testset.js';
import { translateParagraphs } from '../src/quality/translate.js';
import { report } from './report.js';

const run = promisify(execFile);

/** Issue 4's targets, printed beside each figure. */
const targets = { chrfTest: 50, wordsPerSecond: 2000, startupMs: 3000, rssMb: 400 };

interface ChildFigures {
  startupMs: number;
  /** Where the start-up went: imports, engine warm-up (az + lexicon), glossary compile, first sentence. */
  phases: Record<string, number>;
  rssMb: number;
  words?: number;
  runs?: number;
  wordsPerSecond?: number;
  wordsPerSecondWithGlossary?: number;
}

/** `taskset -c 0` when the machine has it, so "one core" is literal; otherwise the plain command. */
function pinned(): { command: string; prefix: string[]; pinned: boolean } {
  const ok = spawnSync('taskset', ['-c', '0', 'true']).status === 0;
  return ok ? { command: 'taskset', prefix: ['-c', '0', process.execPath], pinned: true } : { command: process.execPath, prefix: [], pinned: false };
}

/** Timing figures are only as good as the machine was idle: say how busy it was. */
const machine = () => ({ loadAverage1m: Math.round(loadavg()[0]! * 100) / 100, cpus: cpus().length });

/** Runs bench/offline-child in a fresh Node process and returns its JSON line. */
async function child(args: string[]): Promise<ChildFigures & { pinned: boolean }> {
  const compiled = import.meta.url.endsWith('.js');
  const script = fileURLToPath(new URL(compiled ? './offline-child.js' : './offline-child.ts', import.meta.url));
  const { command, prefix, pinned: isPinned } = pinned();
  const { stdout } = await run(command, [...prefix, ...(compiled ? [] : ['--import', 'tsx']), script, ...args], { maxBuffer: 1 << 20 });
  return { ...(JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildFigures), pinned: isPinned };
}

async function quality(half: TestHalf): Promise<void> {
  const paragraphs = loadTestSet(half);
  const glossary = await glossaryFromFile();
  const hypotheses = await translateParagraphs(offlineEngine, glossary, paragraphs.map((p) => p.ru));
  const references = paragraphs.map((p) => p.en);
  const extra = { half, paragraphs: paragraphs.length, ...(half === 'dev' ? { note: 'the tuning half' } : {}) };
  const chrfTarget = half === 'test' ? { target: `>= ${targets.chrfTest}` } : {};
  report(`offline_chrf_${half}`, chrF(hypotheses, references), 'chrF', { ...extra, ...chrfTarget, metric: 'chrF2, char order 6, corpus, sacreBLEU-compatible' });
  report(`offline_bleu_${half}`, bleu(hypotheses, references), 'BLEU', { ...extra, metric: 'BLEU-4, 13a tokens, corpus, sacreBLEU-compatible' });
}

/** Issue 4, items 6 and 7: quality on the parallel test set, speed, start-up time and memory of the offline engine. */
export async function benchOffline(): Promise<void> {
  await quality('test');
  await quality('dev');

  const starts: ChildFigures[] = [];
  for (let i = 0; i < 3; i++) starts.push(await child(['--startup-only']));
  const middle = [...starts].sort((a, b) => a.startupMs - b.startupMs)[Math.floor(starts.length / 2)]!;
  const phases = Object.fromEntries(Object.entries(middle.phases).map(([k, v]) => [k, Math.round(v)]));
  report('offline_startup_ms', middle.startupMs, 'ms', {
    runs: starts.length,
    statistic: 'median',
    target: `< ${targets.startupMs}`,
    phases,
    ...machine(),
    note: 'fresh node process: from process start to the first translated sentence (imports, az dictionaries, lexicon, glossary from glossary/terms.tsv); OS file cache warm',
  });

  const full = await child([]);
  report('offline_words_per_second', full.wordsPerSecond!, 'words/s', {
    words: full.words,
    runs: full.runs,
    statistic: 'median',
    pinnedToOneCpu: full.pinned,
    target: `>= ${targets.wordsPerSecond}`,
    ...machine(),
    note: 'Russian source words through engine.translate after warm-up (both test-set halves and the sample articles, repeated to the word count; word caches warm), glossary terms matched beforehand',
  });
  report('offline_words_per_second_with_glossary', full.wordsPerSecondWithGlossary!, 'words/s', {
    words: full.words,
    runs: full.runs,
    statistic: 'median',
    pinnedToOneCpu: full.pinned,
    note: 'the same plus sentence splitting and glossary matching, as a translation job does',
  });
  report('offline_rss_mb', full.rssMb, 'MB', {
    target: `< ${targets.rssMb}`,
    note: 'process.memoryUsage().rss of the fresh process after warm-up and the speed runs',
  });
}
