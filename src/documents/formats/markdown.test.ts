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
