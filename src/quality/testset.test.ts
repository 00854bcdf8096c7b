import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../documents/segmentation.js';
import { splitDateline } from '../documents/structure.js';
import { glossaryFromFile } from './glossary.js';
import { projectRoot } from '../paths.js';
import { halfOf, loadTestSet, parseTestSet, type TestParagraph } from './testset.js';
import { countWords } from './translate.js';

const dev = loadTestSet('dev');
const test = loadTestSet('test');
const all = [...dev, ...test];
const TOPICS = ['politics', 'diplomacy', 'defence', 'economy', 'society', 'weather', 'sport', 'courts'];

const topicOf = (p: TestParagraph) => p.id.replace(/^\d+-/, '');

/** Sentences without the dateline, the way import segments a paragraph. */
function sentences(ru: string): string[] {
  const dateline = splitDateline(ru);
  return splitSentences(dateline ? dateline.rest : ru);
}

describe('the parallel test set', () => {
  it('when both halves are read, then there are at least 40 paragraphs, at least 20 in each half', () => {
    expect(dev.length).toBeGreaterThanOrEqual(20);
    expect(test.length).toBeGreaterThanOrEqual(20);
    expect(all.length).toBeGreaterThanOrEqual(40);
  });

  it('when the halves are compared, then no id or Russian paragraph is in both or twice', () => {
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
    expect(new Set(all.map((p) => p.ru)).size).toBe(all.length);
    expect(new Set(all.map((p) => p.en)).size).toBe(all.length);
  });

  it('when topics are counted, then each half covers every topic', () => {
    for (const half of [dev, test]) expect(new Set(half.map(topicOf))).toEqual(new Set(TOPICS));
  });

  it('when a paragraph is segmented, then it has 1 to 3 sentences and 20 to 60 words', () => {
    for (const p of all) {
      const n = sentences(p.ru).length;
      expect(n, p.id).toBeGreaterThanOrEqual(1);
      expect(n, p.id).toBeLessThanOrEqual(3);
      expect(countWords(p.ru), p.id).toBeGreaterThanOrEqual(20);
      expect(countWords(p.ru), p.id).toBeLessThanOrEqual(60);
    }
  });

  it('when the glossary matches a term in a Russian paragraph, then its reference has the official English and no forbidden variant', async () => {
    const glossary = await glossaryFromFile();
    const byId = new Map(glossary.entries.map((e) => [e.id, e]));
    const problems: string[] = [];
    let matched = 0;
    for (const p of all) {
      for (const m of glossary.match(p.ru)) {
        matched++;
        // Sentence-initial "The Kremlin" and an all-caps dateline ("BAKU") are the official form too.
        const forms = [m.target, m.target[0]!.toUpperCase() + m.target.slice(1)];
        if (m.surface === m.surface.toUpperCase() && m.surface.length > 3) forms.push(m.target.toUpperCase());
        if (!forms.some((f) => p.en.includes(f))) problems.push(`${p.id}: ${m.surface} → ${m.target}`);
        for (const bad of byId.get(m.entryId)?.forbidden ?? []) {
          if (p.en.includes(bad)) problems.push(`${p.id}: forbidden ${bad}`);
        }
      }
    }
    expect(matched).toBeGreaterThan(40);
    expect(problems).toEqual([]);
  });

  it('when the seed article is present, then none of its sentences is in the test set', ({ skip }) => {
    const seed = join(projectRoot, '..', 'shared', 'seed', 'article.ru.txt');
    if (!existsSync(seed)) skip('seed article not present');
    const ours = all.flatMap((p) => sentences(p.ru));
    const theirs = new Set(readFileSync(seed, 'utf8').split(/\n+/).flatMap(splitSentences).filter((s) => countWords(s) >= 5));
    expect(theirs.size).toBeGreaterThan(0);
    expect(ours.filter((s) => theirs.has(s))).toEqual([]);
  });
});

describe('parseTestSet', () => {
  const header = 'id\tru\ten\n';

  it('when the id is odd, then it belongs to dev, and even to test', () => {
    expect(halfOf('07-politics')).toBe('dev');
    expect(halfOf('10-courts')).toBe('test');
    expect(parseTestSet(`${header}01-sport\tКоманда победила.\tThe team won.\n`, 'dev')).toEqual([
      { id: '01-sport', ru: 'Команда победила.', en: 'The team won.' },
    ]);
  });

  it('when a paragraph sits in the wrong half, then parsing names the line and the right half', () => {
    expect(() => parseTestSet(`${header}02-sport\tКоманда победила.\tThe team won.\n`, 'dev')).toThrow(/dev\.tsv:2: 02-sport belongs in test\.tsv/);
  });

  it('when the header or a column is missing, then parsing fails with the line', () => {
    expect(() => parseTestSet('ru\ten\n', 'dev')).toThrow(/first line/);
    expect(() => parseTestSet(`${header}01-sport\tКоманда победила.\n`, 'dev')).toThrow(/dev\.tsv:2: expected 3/);
    expect(() => parseTestSet(`${header}sport\tКоманда.\tTeam.\n`, 'dev')).toThrow(/not NN-topic/);
  });
});
