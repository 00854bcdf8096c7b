import { describe, expect, it } from 'vitest';
import { markdownFormat } from './markdown.js';

describe('markdown format', () => {
  it('when the file has a "# " heading, inline markup and a list, then it gives plain-text blocks', async () => {
    const file = Buffer.from(
      [
        '# Порт *Мурманска* принял груз',
        '',
        'Порт обработал **миллион** тонн [угля](https://example.org/coal) и `руды` &amp; щебня.',
        'Строка продолжает абзац.',
        '',
        '## Подробности',
        '',
        '- Первый пункт',
        '- Второй пункт',
        '',
        '> Цитата из отчёта.',
        '',
        '![фото порта](port.jpg)',
      ].join('\n'),
    );
    expect(await markdownFormat.extract(file)).toEqual({
      blocks: [
        { role: 'heading', text: 'Порт Мурманска принял груз' },
        { role: 'paragraph', text: 'Порт обработал миллион тонн угля и руды & щебня. Строка продолжает абзац.' },
        { role: 'paragraph', text: 'Подробности' },
        { role: 'paragraph', text: 'Первый пункт' },
        { role: 'paragraph', text: 'Второй пункт' },
        { role: 'paragraph', text: 'Цитата из отчёта.' },
      ],
    });
  });

  it('when a heading is underlined with "===", then it is a heading too', async () => {
    const { blocks } = await markdownFormat.extract(Buffer.from('Заголовок статьи\n===\n\nТекст.'));
    expect(blocks[0]).toEqual({ role: 'heading', text: 'Заголовок статьи' });
  });
});

describe('markdown nesting limit', () => {
  it('when quotes and lists nest a few levels, then the text is read', async () => {
    const file = Buffer.from('> > Цитата в цитате.\n\n- Пункт\n  - Вложенный пункт\n');
    expect((await markdownFormat.extract(file)).blocks.map((b) => b.text)).toEqual(['Цитата в цитате.', 'Пункт', 'Вложенный пункт']);
  });

  it('when a quote nests past the limit, then 422 too_deeply_nested naming the line', async () => {
    const file = Buffer.from(`Первая строка.\n\n${'> '.repeat(40)}Слишком глубоко.\n`);
    await expect(markdownFormat.extract(file)).rejects.toMatchObject({ status: 422, code: 'too_deeply_nested', message: expect.stringContaining('Line 3') });
  });

  it('when a list nests past the limit by indentation, then 422 too_deeply_nested', async () => {
    const file = Buffer.from(Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- Правительство утвердило новый порядок выдачи разрешений.`).join('\n'));
    await expect(markdownFormat.extract(file)).rejects.toMatchObject({ code: 'too_deeply_nested' });
  });
});
