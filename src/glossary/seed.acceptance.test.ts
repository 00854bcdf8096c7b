import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../paths.js';
import { loadGlossary } from './load.js';

// The real article lives outside the repository (licence); the test runs only where it is present.
const seedFile = join(projectRoot, '..', 'shared', 'seed', 'article.ru.txt');
const hasSeed = existsSync(seedFile);

/** What to look for in the article with a plain regex, and the glossary entry that must cover each hit. */
const mentions: [RegExp, string][] = [
  [/Алиев\p{L}*/gu, 'Ильхам Алиев'],
  [/Герасимов\p{L}*/gu, 'Валерий Герасимов'],
  [/Садыков\p{L}*/gu, 'Наджмеддин Садыков'],
  [/генерал\p{L}*\s+армии/gu, 'генерал армии'],
  [/генерал-полковник\p{L}*/gu, 'генерал-полковник'],
  [/перв\p{L}+\s+заместител\p{L}+\s+министра\s+обороны/gu, 'первый заместитель министра обороны'],
];

describe('seed article acceptance', () => {
  it.skipIf(!hasSeed)('when the seed article is matched, then every mention of its key people and ranks is covered', async () => {
    const text = readFileSync(seedFile, 'utf8');
    const matches = (await loadGlossary()).match(text);
    const missed: string[] = [];
    let total = 0;
    for (const [pattern, ru] of mentions) {
      for (const hit of text.matchAll(pattern)) {
        total++;
        const end = hit.index + hit[0].length;
        const covered = matches.some((m) => m.source === ru && m.start <= hit.index && m.end >= end);
        if (!covered) missed.push(`${hit[0]} at ${hit.index} (expected ${ru})`);
      }
    }
    expect(missed).toEqual([]);
    expect(total).toBeGreaterThanOrEqual(10);
  });
});
