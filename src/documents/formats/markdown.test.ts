import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../errors.js';
import { HTML_MAX_DEPTH, MARKDOWN_MAX_DEPTH, MARKDOWN_MAX_UNCLOSED_LINKS } from '../limits.js';
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

describe('markdown format on hostile nesting', () => {
  async function extractError(text: string): Promise<InvalidInputError> {
    const error: unknown = await markdownFormat.extract(Buffer.from(text)).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    if (error instanceof InvalidInputError) return error;
    throw new Error(`expected InvalidInputError, got ${String(error)}`);
  }

  it('when a line is 20,000 ">" characters, then the file is refused as too deeply nested instead of overflowing the stack', async () => {
    const error = await extractError('>'.repeat(20_000));
    expect(error.code).toBe('too_deeply_nested');
    expect(error.message).toMatch(/^Line 1 of this Markdown file/);
  });

  it('when quotes are written "> > >" with lists inside, then each marker counts and the line is named', async () => {
    const error = await extractError(`Вступление.\n\n${'> - '.repeat(MARKDOWN_MAX_DEPTH)}Цитата.`);
    expect(error.code).toBe('too_deeply_nested');
    expect(error.details).toEqual({ line: 3 });
  });

  it('when list items are nested by indentation past the limit, then the file is refused at the first line too deep', async () => {
    // 100 levels is 200 HTML elements: within what the HTML reader accepts, so this is the Markdown check.
    const lines = Array.from({ length: 100 }, (_, level) => `${'  '.repeat(level)}- item`);
    const error = await extractError(lines.join('\n'));
    expect(error.code).toBe('too_deeply_nested');
    expect(error.details).toEqual({ line: MARKDOWN_MAX_DEPTH + 1 });
  });

  it('when emphasis nests thousands of levels deep, then the file is refused instead of overflowing the stack', async () => {
    const text = `${'*a '.repeat(4_000)}x${' a*'.repeat(4_000)}`;
    expect((await extractError(text)).code).toBe('too_deeply_nested');
  });

  it('when link addresses are opened 10,000 times and never closed, then the file is refused instead of parsing for hours', async () => {
    const error = await extractError('[a]('.repeat(10_000));
    expect(error.code).toBe('unclosed_links');
    expect(error.message).toContain(`${MARKDOWN_MAX_UNCLOSED_LINKS}`);
  });

  it('when raw HTML in the file nests too deeply, then the HTML reader refuses it', async () => {
    expect((await extractError(`${'<div>'.repeat(HTML_MAX_DEPTH + 1)}Текст.`)).code).toBe('too_deeply_nested');
  });

  it('when quotes, lists and emphasis nest up to the limits, then the text is read', async () => {
    const text = [
      `${'>'.repeat(MARKDOWN_MAX_DEPTH)} Глубокая цитата.`,
      '',
      `${'*'.repeat(2 * MARKDOWN_MAX_DEPTH)}Выделение${'*'.repeat(2 * MARKDOWN_MAX_DEPTH)}`,
      '',
      `${'[a]('.repeat(MARKDOWN_MAX_UNCLOSED_LINKS)} и текст.`,
    ].join('\n');
    const { blocks } = await markdownFormat.extract(Buffer.from(text));
    expect(blocks.map((block) => block.text)).toEqual(['Глубокая цитата.', 'Выделение', `${'[a]('.repeat(MARKDOWN_MAX_UNCLOSED_LINKS)} и текст.`]);
  });
});
