import { describe, expect, it } from 'vitest';
import { buildParagraphs, plainTextBlocks, splitDateline } from './structure.js';

describe('splitDateline', () => {
  it.each([
    ['БАКУ, 26 ноя — Sputnik.', 'Завод открылся.'],
    ['МОСКВА, 3 марта. /ТАСС/.', 'Дума приняла закон.'],
    ['ВАШИНГТОН, 12 янв - РИА Новости.', 'Сенат отложил голосование.'],
    ['НЬЮ-ЙОРК, 5 мая – РИА Новости.', 'Биржи выросли.'],
    ['РОСТОВ-НА-ДОНУ, 1 июн — ИА REGNUM.', 'Мост закрыли на ремонт.'],
    ['НИЖНИЙ НОВГОРОД, 14 сентября — Интерфакс.', 'Открылась выставка.'],
    ['МИНСК, 9 окт /ТАСС/.', 'Переговоры продолжатся.'],
  ])('when a paragraph starts with "%s", then that is the dateline', (dateline, rest) => {
    expect(splitDateline(`${dateline} ${rest}`)).toEqual({ dateline, rest });
  });

  it.each([
    ['the city is not in capitals', 'Москва, 3 марта — РИА Новости. Дума приняла закон.'],
    ['there is no agency', 'МОСКВА, 3 марта — президент заявил об отставке правительства.'],
    ['the date is missing', 'МОСКВА — РИА Новости. Дума приняла закон.'],
    ['it is an ordinary sentence', 'Президент принял делегацию 26 ноября.'],
  ])('when %s, then there is no dateline', (_what, paragraph) => {
    expect(splitDateline(paragraph)).toBeUndefined();
  });
});

describe('plainTextBlocks', () => {
  it('when paragraphs are separated by single newlines, then each line is a paragraph', () => {
    const blocks = plainTextBlocks('Первый абзац текста.\nВторой абзац текста.\r\nТретий абзац.');
    expect(blocks.map((block) => block.text)).toEqual(['Первый абзац текста.', 'Второй абзац текста.', 'Третий абзац.']);
  });

  it('when paragraphs are separated by blank lines, then blank lines do not create empty paragraphs', () => {
    const blocks = plainTextBlocks('\n\nПервый абзац.\n\n\n   \nВторой абзац.\n\n');
    expect(blocks.map((block) => block.text)).toEqual(['Первый абзац.', 'Второй абзац.']);
  });

  it('when a line breaks mid-sentence and the next starts in lower case, then the lines are joined', () => {
    const blocks = plainTextBlocks('Правительство утвердило план\nразвития портов на пять лет.\nРаботы начнутся весной.');
    expect(blocks.map((block) => block.text)).toEqual([
      'Правительство утвердило план развития портов на пять лет.',
      'Работы начнутся весной.',
    ]);
  });

  it('when a line ends with a colon, then the next line stays a paragraph of its own', () => {
    const blocks = plainTextBlocks('Итоги такие:\nрост продолжился.');
    expect(blocks).toHaveLength(2);
  });

  it('when the first line is short, has no final period and text follows, then it is the headline', () => {
    const blocks = plainTextBlocks('Порт Мурманска принял рекордный груз\nПорт обработал миллион тонн угля.');
    expect(blocks[0]).toEqual({ role: 'heading', text: 'Порт Мурманска принял рекордный груз' });
    expect(blocks[1]?.role).toBe('paragraph');
  });

  it('when the first line ends with a question mark, then it can still be the headline', () => {
    expect(plainTextBlocks('Что будет с ценами на хлеб?\nЭксперты ждут роста.')[0]?.role).toBe('heading');
  });

  it.each([
    ['it ends with a period', 'Порт Мурманска принял рекордный груз.\nПорт обработал миллион тонн угля.'],
    ['it is the only paragraph', 'Порт Мурманска принял рекордный груз'],
    ['it is longer than 200 characters', `${'Очень длинная строка без точки '.repeat(8)}\nВторой абзац.`],
    ['it starts with a dateline', 'МОСКВА, 3 марта. /ТАСС/. Дума приняла закон о портах\nВторой абзац.'],
  ])('when the first line %s, then it is not a headline', (_what, text) => {
    const roles = plainTextBlocks(text).map((block) => block.role);
    expect(roles.length).toBeGreaterThan(0);
    expect(roles.every((role) => role === 'paragraph')).toBe(true);
  });
});

describe('buildParagraphs', () => {
  it('when there is a heading and a dateline, then the headline is one segment and the dateline opens the body', () => {
    const paragraphs = buildParagraphs([
      { role: 'heading', text: 'Дума  приняла закон. Споры продолжаются' },
      { role: 'paragraph', text: 'МОСКВА, 3 марта. /ТАСС/. Закон принят. Он вступит в силу летом.' },
      { role: 'paragraph', text: 'Депутаты спорили долго.' },
    ]);
    expect(paragraphs).toEqual([
      { kind: 'headline', segments: [{ kind: 'headline', source: 'Дума приняла закон. Споры продолжаются' }] },
      {
        kind: 'body',
        segments: [
          { kind: 'dateline', source: 'МОСКВА, 3 марта. /ТАСС/.' },
          { kind: 'sentence', source: 'Закон принят.' },
          { kind: 'sentence', source: 'Он вступит в силу летом.' },
        ],
      },
      { kind: 'body', segments: [{ kind: 'sentence', source: 'Депутаты спорили долго.' }] },
    ]);
  });

  it('when the dateline stands alone on its line, then it opens the next paragraph', () => {
    const paragraphs = buildParagraphs(plainTextBlocks('БАКУ, 26 ноя — Sputnik.\nМост открыли утром.'));
    expect(paragraphs).toEqual([
      {
        kind: 'body',
        segments: [
          { kind: 'dateline', source: 'БАКУ, 26 ноя — Sputnik.' },
          { kind: 'sentence', source: 'Мост открыли утром.' },
        ],
      },
    ]);
  });

  it('when a dateline-like text appears in a later paragraph, then it is an ordinary sentence', () => {
    const paragraphs = buildParagraphs([
      { role: 'paragraph', text: 'Мост открыли утром.' },
      { role: 'paragraph', text: 'БАКУ, 26 ноя — Sputnik. Так писали тогда.' },
    ]);
    expect(paragraphs.flatMap((paragraph) => paragraph.segments).map((segment) => segment.kind)).toEqual([
      'sentence',
      'sentence',
      'sentence',
    ]);
  });

  it('when there are several headings, then only the first is the headline', () => {
    const paragraphs = buildParagraphs([
      { role: 'heading', text: 'Главное' },
      { role: 'paragraph', text: 'Текст.' },
      { role: 'heading', text: 'Подробности' },
    ]);
    expect(paragraphs.map((paragraph) => paragraph.kind)).toEqual(['headline', 'body', 'body']);
    expect(paragraphs[2]?.segments).toEqual([{ kind: 'sentence', source: 'Подробности' }]);
  });

  it('when blocks are empty or whitespace, then they are skipped', () => {
    expect(buildParagraphs([{ role: 'paragraph', text: ' \n ' }, { role: 'heading', text: '' }])).toEqual([]);
  });
});
