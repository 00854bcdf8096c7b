import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { samplesDir } from '../paths.js';
import { loadGlossary } from './load.js';

/**
 * Every person and rank mention in each sample, in order, as "surface → entry ru".
 * Hand-written from the texts, so a missed form and a false hit both fail.
 */
const expected: Record<string, string[]> = {
  'baku-defence-talks.ru.txt': [
    'Герасимов → Валерий Герасимов',
    'генерал армии → генерал армии',
    'Валерий Герасимов → Валерий Герасимов',
    'Ильхамом Алиевым → Ильхам Алиев',
    'Герасимов → Валерий Герасимов',
    'Алиеву → Ильхам Алиев ?',
    'генерал-полковником → генерал-полковник',
    'Закиром Гасановым → Закир Гасанов',
    'генерал-полковником → генерал-полковник',
    'Наджмеддином Садыковым → Наджмеддин Садыков',
    'генерал-лейтенанта → генерал-лейтенант',
    'Гасанов → Закир Гасанов',
    'Герасимов → Валерий Герасимов',
    'Гасанов → Закир Гасанов',
    'Герасимов → Валерий Герасимов',
    'Садыкова → Наджмеддин Садыков ?',
    'Герасимова → Валерий Герасимов ?',
  ],
  'caspian-exercise.ru.txt': [
    'адмирал → адмирал',
    'Николай Евменов → Николай Евменов',
    'капитан 1 ранга → капитан 1 ранга',
    'капитаны 3 ранга → капитан 3 ранга',
    'капитан-лейтенанты → капитан-лейтенант',
    'вице-адмирал → вице-адмирал',
    'подполковника → подполковник',
    'старшего мичмана → старший мичман',
    'старшин 1 статьи → старшина 1 статьи',
    'Евменов → Николай Евменов',
    'адмирал → адмирал',
  ],
  'budget-session.ru.txt': [
    'Антон Силуанов → Антон Силуанов',
    'Андрей Макаров → Андрей Макаров',
    'Вячеслав Володин → Вячеслав Володин',
    'Володин → Вячеслав Володин',
  ],
};

describe('sample articles', () => {
  it.each(Object.keys(expected))('when %s is matched, then every person and rank in it is found', async (file) => {
    const glossary = await loadGlossary();
    const text = readFileSync(join(samplesDir, file), 'utf8');
    const types = new Map(glossary.entries.map((e) => [e.id, e.type]));
    const people = glossary
      .match(text)
      .filter((m) => ['person', 'rank'].includes(types.get(m.entryId) ?? ''))
      .map((m) => `${m.surface} → ${m.source}${m.ambiguous ? ' ?' : ''}`);
    expect(people).toEqual(expected[file]);
  });

  it.each(Object.keys(expected))('when %s is read, then it has a headline, a Tandem dateline and 180-350 words', (file) => {
    const text = readFileSync(join(samplesDir, file), 'utf8');
    const [headline, blank, dateline] = text.split('\n');
    expect(headline).toMatch(/[^.\s]$/);
    expect(blank).toBe('');
    expect(dateline).toMatch(/^[А-ЯЁ-]+, \d{1,2} [а-я]{3} — Tandem\. /);
    const words = text.match(/[\p{L}\p{N}]+(?:[-,.][\p{L}\p{N}]+)*/gu) ?? [];
    expect(words.length).toBeGreaterThanOrEqual(180);
    expect(words.length).toBeLessThanOrEqual(350);
  });
});
