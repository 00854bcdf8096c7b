import { describe, expect, it } from 'vitest';
import { makeExportedVersion } from '../../tests/fixtures/exported-version.js';
import { htmlExporter } from './html.js';

describe('htmlExporter', () => {
  it('when rendered, then it is a complete HTML5 page with the title and a trailing newline', () => {
    const html = htmlExporter.render(makeExportedVersion(5));
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>Городской совет одобрил ремонт моста</title>');
    expect(html.endsWith('</html>\n')).toBe(true);
  });

  it('when rendered, then it has no scripts and loads nothing from outside', () => {
    const html = htmlExporter.render(makeExportedVersion(5));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\s(?:src|href)=/i);
    expect(html).not.toMatch(/<link|@import|url\(/i);
  });

  it('when a source contains <b>, then it is escaped', () => {
    const version = makeExportedVersion(3);
    version.paragraphs[1]!.segments[1]!.source = 'Мэр сказал <b>«нет»</b> & "ушёл"';
    version.paragraphs[1]!.segments[1]!.target = '<script>alert(1)</script>';
    const html = htmlExporter.render(version);
    expect(html).not.toContain('<b>');
    expect(html).toContain('Мэр сказал &lt;b&gt;«нет»&lt;/b&gt; &amp; &quot;ушёл&quot;');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('when the title or approver contains markup, then it is escaped', () => {
    const html = htmlExporter.render(makeExportedVersion(2, { title: 'A <i>title</i>', approvedBy: '"x" <y>' }));
    expect(html).toContain('<title>A &lt;i&gt;title&lt;/i&gt;</title>');
    expect(html).toContain('<dd>&quot;x&quot; &lt;y&gt;</dd>');
  });

  it('when rendered, then there is one row per paragraph with Russian and English cells', () => {
    const version = makeExportedVersion(8);
    const rows = htmlExporter.render(version).match(/<tr[ >].*?<\/tr>/g)!.slice(1);
    expect(rows).toHaveLength(version.paragraphs.length);
    for (const row of rows) {
      expect(row).toMatch(/^<tr[^>]*><td lang="ru">.*<\/td><td lang="en">.*<\/td><\/tr>$/);
    }
  });

  it('when rendered, then only the headline row is marked as the headline', () => {
    const html = htmlExporter.render(makeExportedVersion(5));
    expect(html.match(/<tr class="headline"/g)).toHaveLength(1);
    expect(html).toContain('<tr class="headline" data-paragraph="0"><td lang="ru"><span class="headline" data-segment="0">Городской совет');
  });

  it('when rendered, then document id, version and approval are shown', () => {
    const html = htmlExporter.render(makeExportedVersion(2));
    expect(html).toContain('<dt>Document</dt><dd>42</dd>');
    expect(html).toContain('<dt>Version</dt><dd>3</dd>');
    expect(html).toContain('<time datetime="2025-03-04T09:15:00.000Z">2025-03-04T09:15:00.000Z</time>');
    expect(html).toContain('<dt>Approved by</dt><dd>editor.petrova</dd>');
  });

  it('when the approver is unknown, then it says so', () => {
    const html = htmlExporter.render(makeExportedVersion(2, { approvedBy: null }));
    expect(html).toContain('<dt>Approved by</dt><dd>not recorded</dd>');
  });

  it('when rendered, then the column headings name the languages', () => {
    expect(htmlExporter.render(makeExportedVersion(2))).toContain(
      '<thead><tr><th scope="col">Russian</th><th scope="col">English</th></tr></thead>',
    );
  });
});
