import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../errors.js';
import { HTML_MAX_DEPTH } from '../limits.js';
import { htmlDocument, htmlFormat } from './html.js';

const page = `<!doctype html>
<html><head><meta charset="utf-8"><title>Порт  принял груз — Новости</title>
<style>p { color: red }</style><script>var paragraph = "<p>не текст</p>";</script></head>
<body>
<header><a href="/">Главная</a></header>
<nav><ul><li>Политика</li><li>Экономика</li></ul></nav>
<main><article>
  <h1>Порт&nbsp;принял <em>рекордный</em> груз</h1>
  <div class="lead">МУРМАНСК, 2 фев — РИА Новости. Порт обработал &laquo;миллион&raquo; тонн.<br>Суда ждут у&#160;причала.</div>
  <p>Второй <a href="/x">абзац</a> &amp; текст.<script>track()</script></p>
  <h2>Подробности</h2>
  <ul><li>Первый пункт</li><li><p>Второй пункт</p></li></ul>
  <blockquote>Цитата из отчёта.</blockquote>
  <div><p>Вложенный абзац.</p>Текст после абзаца.</div>
</article></main>
<aside>Читайте также</aside>
<footer>© Редакция</footer>
</body></html>`;

describe('html format', () => {
  it('when a news page is uploaded, then the article text comes out as blocks and furniture is dropped', async () => {
    const { title, blocks } = await htmlFormat.extract(Buffer.from(page));
    expect(title).toBe('Порт принял груз — Новости');
    expect(blocks).toEqual([
      { role: 'heading', text: 'Порт принял рекордный груз' },
      { role: 'paragraph', text: 'МУРМАНСК, 2 фев — РИА Новости. Порт обработал «миллион» тонн. Суда ждут у причала.' },
      { role: 'paragraph', text: 'Второй абзац & текст.' },
      { role: 'paragraph', text: 'Подробности' },
      { role: 'paragraph', text: 'Первый пункт' },
      { role: 'paragraph', text: 'Второй пункт' },
      { role: 'paragraph', text: 'Цитата из отчёта.' },
      { role: 'paragraph', text: 'Вложенный абзац.' },
      { role: 'paragraph', text: 'Текст после абзаца.' },
    ]);
  });

  it('when the page has no <h1>, then there is no heading block but the <title> is the title', async () => {
    const { title, blocks } = await htmlFormat.extract(Buffer.from('<title>Сводка</title><p>Текст.</p>'));
    expect(title).toBe('Сводка');
    expect(blocks).toEqual([{ role: 'paragraph', text: 'Текст.' }]);
  });

  it('when the page is a fragment of bare text, then it is one paragraph', async () => {
    expect((await htmlFormat.extract(Buffer.from('Просто текст <b>без</b> разметки.'))).blocks).toEqual([
      { role: 'paragraph', text: 'Просто текст без разметки.' },
    ]);
  });
});

describe('html format on hostile nesting', () => {
  const sentence = 'Порт принял первое судно после ремонта.';
  const nested = (open: string, close: string, n: number) =>
    `<html><body>${open.repeat(n)}<p>${sentence}</p>${close.repeat(n)}</body></html>`;

  async function extractError(html: string): Promise<InvalidInputError> {
    const error: unknown = await htmlFormat.extract(Buffer.from(html)).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    if (error instanceof InvalidInputError) return error;
    throw new Error(`expected InvalidInputError, got ${String(error)}`);
  }

  it('when inline elements nest 3,000 deep, then the page is refused as too deeply nested', async () => {
    const error = await extractError(nested('<i>', '', 3_000));
    expect(error.code).toBe('too_deeply_nested');
    expect(error.message).toContain(`${HTML_MAX_DEPTH}`);
  });

  it('when inline elements nest 330,000 deep, then the page is refused instead of parsing forever', async () => {
    expect((await extractError(nested('<i>', '', 330_000))).code).toBe('too_deeply_nested');
  });

  it('when 180,000 <div>s nest inside each other, then the page is refused instead of overflowing the stack', async () => {
    expect((await extractError(nested('<div>', '</div>', 180_000))).code).toBe('too_deeply_nested');
  });

  it('when elements nest exactly to the limit, then the text is read', async () => {
    // html and body are two of the levels; the <p> is one more.
    const { blocks } = await htmlFormat.extract(Buffer.from(nested('<div>', '</div>', HTML_MAX_DEPTH - 3)));
    expect(blocks).toEqual([{ role: 'paragraph', text: sentence }]);
  });

  it('when thousands of paragraphs and list items are never closed, then they are siblings, not nesting, and all are read', async () => {
    const html = `<body>${'<p>Абзац без конца.'.repeat(5_000)}<ul>${'<li>Пункт'.repeat(5_000)}</ul></body>`;
    expect(htmlDocument(html).blocks).toHaveLength(10_000);
  });
});
