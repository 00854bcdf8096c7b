import { beforeAll, describe, expect, it } from 'vitest';
import type { Glossary } from '../glossary/glossary.js';
import { loadGlossary } from '../glossary/load.js';
import { loadMorphology, type Morphology } from '../morphology/morph.js';
import { findUnknownNames } from './unknown-names.js';

let glossary: Glossary;
let morph: Morphology;

beforeAll(async () => {
  [glossary, morph] = await Promise.all([loadGlossary(), loadMorphology()]);
});

const names = (...sources: string[]) => findUnknownNames(sources.map((source, id) => ({ id, source })), glossary, morph);

describe('names missing from the glossary', () => {
  it.each<[string, string, string[]]>([
    ['a first name and surname in the nominative', 'Заместитель министра Ринат Хайруллин провел совещание.', ['Ринат Хайруллин']],
    ['a man’s name in the instrumental', 'Министр встретился с Ринатом Хайруллиным.', ['Ринат Хайруллин']],
    ['a man’s name in the genitive, whose surname could be a woman’s nominative', 'Слова Рината Хайруллина подтвердили.', ['Ринат Хайруллин']],
    ['a woman’s name in the instrumental', 'Министр встретился с Лейлой Алиевой.', ['Лейла Алиева']],
    ['a name with a patronymic in the accusative', 'Пригласили Веру Петровну Смирнову.', ['Вера Петровна Смирнова']],
    ['an indeclinable surname', 'Выступил Роман Ткаченко.', ['Роман Ткаченко']],
    ['a glossary person in an inflected form', 'Министр встретился с Закиром Гасановым.', []],
    ['a glossary person named by surname alone', 'Герасимов провел совещание.', []],
    ['a common noun that is also a first name opens the sentence', 'Вера в победу крепка.', []],
    ['a capitalised place name', 'Совещание прошло в Москве и Баку.', []],
    ['an all-caps dateline', 'МОСКВА, 3 марта — Tandem. Совещание прошло.', []],
    ['lower-case words', 'совещание прошло спокойно.', []],
  ])('when the source has %s, then the list is as expected', (_name, source, expected) => {
    expect(names(source).map((n) => n.ru)).toEqual(expected);
  });

  it('when a name appears, then it comes with a transliteration to correct and a gender', () => {
    expect(names('Министр встретился с Лейлой Алиевой.')[0]).toMatchObject({ ru: 'Лейла Алиева', en: 'Leila Aliyeva', gender: 'female' });
    expect(names('Выступил Ринат Хайруллин.')[0]).toMatchObject({ en: 'Rinat Khairullin', gender: 'male' });
  });

  it('when the full name and later the surname alone appear, then they are one person counted in each segment', () => {
    expect(names('Выступил Ринат Хайруллин.', 'Совещание прошло.', 'Хайруллин заявил о планах.')).toEqual([
      { ru: 'Ринат Хайруллин', en: 'Rinat Khairullin', gender: 'male', count: 2, segmentIds: [0, 2] },
    ]);
  });
});
