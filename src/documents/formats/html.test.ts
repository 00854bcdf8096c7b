import { describe, expect, it } from 'vitest';
import { htmlFormat } from './html.js';

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

describe('html nesting limit', () => {
  const nested = (depth: number) => Buffer.from(`${'<div>'.repeat(depth)}<p>Глубокий абзац.</p>${'</div>'.repeat(depth)}`);

  it('when a page nests 200 elements deep, then its text is read', async () => {
    expect((await htmlFormat.extract(nested(200))).blocks).toEqual([{ role: 'paragraph', text: 'Глубокий абзац.' }]);
  });

  it('when a page nests past the limit, then 422 too_deeply_nested without parsing the rest', async () => {
    await expect(htmlFormat.extract(nested(300))).rejects.toMatchObject({ status: 422, code: 'too_deeply_nested' });
  });

  it('when thousands of paragraphs are left unclosed, then they are siblings, not a nest', async () => {
    const page = Buffer.from(`<body>${'<p>Правительство утвердило новый порядок выдачи разрешений на строительство.'.repeat(5_000)}</body>`);
    expect((await htmlFormat.extract(page)).blocks).toHaveLength(5_000);
  });
});
