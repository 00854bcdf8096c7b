import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { glossaryDir } from '../paths.js';
import { glossaryFileError, parseTermsFile, slugify, TERMS_COLUMNS } from './terms-file.js';

const HEADER = TERMS_COLUMNS.join('\t');
const row = (...cells: string[]) => cells.join('\t');

/** The errors parseTermsFile reports for `text`, as "line N: message". */
function errorsOf(text: string): string[] {
  try {
    parseTermsFile(text);
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    return (e as InvalidInputError).message.split('\n').slice(1);
  }
  throw new Error('expected the file to be rejected');
}

describe('parseTermsFile', () => {
  it('when a valid file is parsed, then every column lands in its field', () => {
    const text = [
      HEADER,
      row('Наджмеддин Садыков', 'Najmaddin Sadigov', '', 'person', 'male', 'Nadzhmeddin Sadykov | Najmeddin Sadykov', 'Colonel General', 'mod.gov.az'),
      row('Министерство обороны', 'Ministry of Defense', 'Ministry of Defence', 'organisation', '', '', '', 'mil.ru'),
    ].join('\n');
    const [person, ministry] = parseTermsFile(text);
    expect(person).toEqual({
      id: 'nadzhmeddin-sadykov',
      ru: 'Наджмеддин Садыков',
      en: 'Najmaddin Sadigov',
      type: 'person',
      gender: 'male',
      forbidden: ['Nadzhmeddin Sadykov', 'Najmeddin Sadykov'],
      note: 'Colonel General',
      source: 'mod.gov.az',
    });
    expect(ministry?.enGb).toBe('Ministry of Defence');
    expect(ministry).not.toHaveProperty('gender');
  });

  it('when comments, blank lines, a BOM and CRLF are present, then they are skipped', () => {
    const text = `\uFEFF# comment\r\n\r\n${HEADER}\r\n# another\r\n${row('Баку', 'Baku', '', 'place', '', '', '', 'president.az')}\r\n`;
    expect(parseTermsFile(text).map((e) => e.ru)).toEqual(['Баку']);
  });

  it('when ids are derived, then they are transliterated slugs of ru', () => {
    expect(slugify('Валерий Герасимов')).toBe('valeriy-gerasimov');
    expect(slugify('капитан 1 ранга')).toBe('kapitan-1-ranga');
    expect(slugify('генерал-полковник')).toBe('general-polkovnik');
    expect(slugify('Счётная палата')).toBe('schyotnaya-palata');
  });

  it('when several lines are wrong, then one error lists every problem with its line number', () => {
    const text = [
      '# line 1 is a comment',
      HEADER,
      row('Баку', 'Baku', '', 'place', '', '', '', 'president.az'),
      row('Ильхам Алиев', 'Ilham Aliyev', '', 'person', 'male', '', ''), // 7 columns
      row('Каспий', 'the Caspian', '', 'sea', '', '', '', 'president.az'),
      row('Закир Гасанов', 'Zakir Hasanov', '', 'person', '', '', '', 'mod.gov.az'),
      row('', 'General Staff', '', 'organisation', '', '', '', 'mil.ru'),
      row('Генштаб', '', '', 'organisation', '', '', '', 'mil.ru'),
      row('баку', 'Baku', '', 'place', '', '', '', 'president.az'),
      row('НАТО', 'NATO', '', 'organisation', 'male', '', '', 'NATO terminology'),
      row('Москва', 'Moscow', 'Moscow', 'place', '', '', '', 'kremlin.ru'),
      row('Кремль', 'the Kremlin', '', 'place', '', '', '', ''),
      row('Путин', 'Putin', '', 'person', 'male', '', '', 'kremlin.ru'),
      row('Валентина Матвиенко', 'Valentina Matviyenko', '', 'person', 'she', '', '', 'kremlin.ru'),
    ].join('\n');
    expect(errorsOf(text)).toEqual([
      'line 4: expected 8 tab-separated columns, got 7',
      'line 5: unknown type "sea" (use person, rank, title, organisation, place, other)',
      'line 6: a person needs a gender (male or female) so names can be declined',
      'line 7: ru is empty',
      'line 8: en is empty',
      'line 9: duplicate ru "баку" (first on line 3)',
      'line 10: gender is only for persons; leave it empty',
      'line 11: en_gb repeats en; leave en_gb empty when British spelling is the same',
      'line 12: source is empty',
      'line 13: a person needs a first name and a surname ("Имя Фамилия" or "Имя Отчество Фамилия")',
      'line 14: unknown gender "she" (use male or female)',
    ]);
  });

  it('when two terms differ only by ё/е, then the second is a duplicate', () => {
    const text = [
      HEADER,
      row('Счетная палата', 'Accounts Chamber', '', 'organisation', '', '', '', 'ach.gov.ru'),
      row('Счётная палата', 'Accounts Chamber', '', 'organisation', '', '', '', 'ach.gov.ru'),
    ].join('\n');
    expect(errorsOf(text)).toEqual(['line 3: duplicate ru "Счётная палата" (first on line 2)']);
  });

  it('when two terms give the same id, then the second is rejected so ids stay stable', () => {
    const text = [
      HEADER,
      row('ВМФ РФ', 'Russian Navy', '', 'organisation', '', '', '', 'mil.ru'),
      row('ВМФ-РФ', 'Russian Navy', '', 'organisation', '', '', '', 'mil.ru'),
    ].join('\n');
    expect(errorsOf(text)).toEqual(['line 3: id "vmf-rf" is already taken by line 2; reword ru']);
  });

  it('when the header is wrong or missing, then that is reported', () => {
    expect(errorsOf('ru\ten\ttype\n')[0]).toMatch(/^line 1: header must be/);
    expect(errorsOf('# only a comment\n')).toEqual([expect.stringMatching(/^line 1: no header line/)]);
  });

  it('when errors are thrown, then they are also given as data for the API', () => {
    try {
      parseTermsFile(`${HEADER}\n${row('Баку', '', '', 'place', '', '', '', 'x')}`);
    } catch (e) {
      expect((e as InvalidInputError).details).toEqual({ errors: [{ line: 2, message: 'en is empty' }] });
      expect((e as InvalidInputError).code).toBe('invalid_glossary');
    }
    expect.assertions(2);
  });
});

describe('glossary/terms.tsv', () => {
  const entries = parseTermsFile(readFileSync(join(glossaryDir, 'terms.tsv'), 'utf8'));
  const byRu = new Map(entries.map((e) => [e.ru, e]));

  it('when the shipped glossary is parsed, then it is valid, large enough and every entry names a source', () => {
    expect(entries.length).toBeGreaterThanOrEqual(80);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    expect(entries.filter((e) => !e.source)).toEqual([]);
  });

  it.each([
    ['Ильхам Алиев', 'Ilham Aliyev', undefined],
    ['Валерий Герасимов', 'Valery Gerasimov', undefined],
    ['Наджмеддин Садыков', 'Najmaddin Sadigov', undefined],
    ['Закир Гасанов', 'Zakir Hasanov', undefined],
    ['генерал армии', 'General of the Army', undefined],
    ['генерал-полковник', 'Colonel General', undefined],
    ['генерал-лейтенант', 'Lieutenant General', undefined],
    ['первый заместитель министра обороны', 'First Deputy Minister of Defense', 'First Deputy Minister of Defence'],
    ['начальник Генерального штаба Вооруженных сил РФ', 'Chief of the General Staff of the Russian Armed Forces', undefined],
    ['Генштаб', 'General Staff', undefined],
    ['Каспий', 'the Caspian', undefined],
    ['Азербайджан', 'Azerbaijan', undefined],
    ['Баку', 'Baku', undefined],
    ['НАТО', 'NATO', undefined],
    ['Министерство обороны', 'Ministry of Defense', 'Ministry of Defence'],
  ])('when %s is looked up, then its English is %s', (ru, en, enGb) => {
    expect(byRu.get(ru)).toMatchObject({ en });
    expect(byRu.get(ru)?.enGb).toBe(enGb);
  });

  it('when the forbidden spellings of Sadigov are read, then Nadzhmeddin Sadykov is among them', () => {
    expect(byRu.get('Наджмеддин Садыков')?.forbidden).toContain('Nadzhmeddin Sadykov');
  });

  it('when the rank ladder is read, then every army and naval rank is present', () => {
    const ranks = [
      'рядовой', 'ефрейтор', 'младший сержант', 'сержант', 'старший сержант', 'старшина', 'прапорщик',
      'старший прапорщик', 'младший лейтенант', 'лейтенант', 'старший лейтенант', 'капитан', 'майор',
      'подполковник', 'полковник', 'генерал-майор', 'генерал-лейтенант', 'генерал-полковник', 'генерал армии',
      'маршал Российской Федерации', 'матрос', 'старший матрос', 'мичман', 'капитан-лейтенант',
      'капитан 3 ранга', 'капитан 2 ранга', 'капитан 1 ранга', 'контр-адмирал', 'вице-адмирал', 'адмирал', 'адмирал флота',
    ];
    expect(ranks.filter((r) => byRu.get(r)?.type !== 'rank')).toEqual([]);
  });
});

describe('glossary file errors', () => {
  it('when a file has 5,000 problems, then the first 200 by line are listed and the total is said', () => {
    const problems = Array.from({ length: 5_000 }, (_, i) => ({ line: 5_000 - i, message: 'expected 8 tab-separated columns, got 1' }));
    const error = glossaryFileError('bad.tsv', problems);
    const details = error.details as { errors: Array<{ line: number }>; total: number };
    expect(details.total).toBe(5_000);
    expect(details.errors.map((e) => e.line)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(error.message).toMatch(/^bad\.tsv has 5000 errors:\nline 1: /);
    expect(error.message).toMatch(/… and 4,800 more$/);
  });
});
