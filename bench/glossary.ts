import { fork } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadGlossary } from '../src/glossary/load.js';
import { createMatcher } from '../src/glossary/matcher.js';
import { loadMorphology } from '../src/morphology/morph.js';
import { projectRoot, samplesDir } from '../src/paths.js';
import { syntheticEntries } from './glossary-entries.js';
import { median, report } from './report.js';

/*
 * Issue 3's matcher figures: building the matcher for 10,000 entries (target < 2 s) and matching a
 * 600-word article against them, cold (< 15 ms) and warm (< 1 ms). They run in a child process, so
 * "cold" means it: no dictionary lookups or name declensions cached by the suites before. Wall time
 * is the figure; CPU time rides along, as it tells a slow algorithm from a busy machine.
 */

const ENTRIES = 10_000;
const WORDS = 600;
const WARM_RUNS = 200;

/** Runs the measurements in a fresh Node process and waits for it; its JSON lines go straight to stdout. */
export async function benchGlossary(): Promise<void> {
  const child = fork(fileURLToPath(import.meta.url), ['--child'], { stdio: 'inherit' });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`glossary benchmark exited with ${code}`);
}

/** The first `count` words of the sample articles (headlines and datelines included), as written. */
function sampleArticle(count: number): string {
  const files = ['baku-defence-talks.ru.txt', 'caspian-exercise.ru.txt', 'budget-session.ru.txt'].map((f) => join(samplesDir, f));
  const text = files.map((f) => readFileSync(f, 'utf8').trim()).join('\n\n');
  const words = [...text.matchAll(/\S+/g)];
  if (words.length < count) throw new Error(`the samples have ${words.length} words, fewer than ${count}`);
  const last = words[count - 1]!;
  return text.slice(0, last.index + last[0].length);
}

function timed<T>(fn: () => T): { ms: number; cpuMs: number; value: T } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, cpuMs: process.cpuUsage(cpu).user / 1000, value };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

async function measure(): Promise<void> {
  const morph = await loadMorphology();
  const entries = syntheticEntries(ENTRIES);
  const people = entries.filter((e) => e.type === 'person').length;

  const build = timed(() => createMatcher(entries, morph));
  report('glossary_build_10k_entries', build.ms, 'ms', { cpuMs: round(build.cpuMs), entries: entries.length, people, target: '< 2000 ms', note: 'fresh process: nothing cached' });
  const rebuild = timed(() => createMatcher(entries, morph));
  report('glossary_rebuild_10k_entries', rebuild.ms, 'ms', { cpuMs: round(rebuild.cpuMs), note: 'second build in the process, as after a glossary edit' });

  const glossary = build.value;
  const article = sampleArticle(WORDS);
  const cold = timed(() => glossary.match(article));
  report('glossary_match_600_words_cold', cold.ms, 'ms', { cpuMs: round(cold.cpuMs), words: WORDS, entries: entries.length, matches: cold.value.length, target: '< 15 ms', note: 'first match after the build' });

  const runs: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) runs.push(timed(() => glossary.match(article)).ms);
  const cpuMs = timed(() => {
    for (let i = 0; i < WARM_RUNS; i++) glossary.match(article);
  }).cpuMs / WARM_RUNS;
  report('glossary_match_600_words_warm', median(runs), 'ms', { cpuMs: round(cpuMs), runs: WARM_RUNS, statistic: 'median', target: '< 1 ms' });

  const seed = join(projectRoot, '..', 'shared', 'seed', 'article.ru.txt');
  if (existsSync(seed)) {
    const real = await loadGlossary();
    const text = readFileSync(seed, 'utf8');
    real.match(text);
    const seedRuns = Array.from({ length: WARM_RUNS }, () => timed(() => real.match(text)).ms);
    report('glossary_match_seed_article_warm', median(seedRuns), 'ms', { entries: real.entries.length, runs: WARM_RUNS, statistic: 'median' });
  }
}

if (process.argv.includes('--child') && process.argv[1] === fileURLToPath(import.meta.url)) await measure();
