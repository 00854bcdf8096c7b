import { describe, expect, it } from 'vitest';
import { create } from 'xmlbuilder2';
import { makeExportedVersion } from '../../tests/fixtures/exported-version.js';
import { xliff21Exporter, xliffNamespaces } from './xliff21.js';

/** xmlbuilder2's parser builds a DOM with the standard API, so lib.dom's types describe it. */
function parse(xml: string): Document {
  return create(xml).node as unknown as Document;
}

function elements(scope: Document | Element, localName: string, namespace: string = xliffNamespaces.core): Element[] {
  return Array.from(scope.getElementsByTagNameNS(namespace, localName));
}

const version = makeExportedVersion(8);
const segments = version.paragraphs.flatMap((paragraph) => paragraph.segments);

describe('xliff21Exporter', () => {
  it('when parsed back, then the root declares XLIFF 2.1 with the version languages', () => {
    const root = parse(xliff21Exporter.render(version)).documentElement;
    expect(root.localName).toBe('xliff');
    expect(root.namespaceURI).toBe(xliffNamespaces.core);
    expect(root.getAttribute('version')).toBe('2.1');
    expect(root.getAttribute('srcLang')).toBe('ru');
    expect(root.getAttribute('trgLang')).toBe('en');
  });

  it('when parsed back, then there is one file named after the document and version', () => {
    const files = elements(parse(xliff21Exporter.render(version)), 'file');
    expect(files.map((file) => file.getAttribute('id'))).toEqual(['doc-42-v3']);
  });

  it('when parsed back, then there is one group per paragraph and one unit per segment, in order', () => {
    const doc = parse(xliff21Exporter.render(version));
    expect(elements(doc, 'group').map((group) => group.getAttribute('id'))).toEqual(
      version.paragraphs.map((paragraph) => `p${paragraph.index}`),
    );
    const units = elements(doc, 'unit');
    expect(units).toHaveLength(segments.length);
    expect(units.map((unit) => unit.getAttribute('id'))).toEqual(segments.map((segment) => `s${segment.index}`));
    for (const [i, group] of elements(doc, 'group').entries()) {
      expect(elements(group, 'unit')).toHaveLength(version.paragraphs[i]!.segments.length);
    }
  });

  it('when parsed back, then sources and targets equal the version text and segments are final', () => {
    const units = elements(parse(xliff21Exporter.render(version)), 'unit');
    expect(units).toHaveLength(segments.length);
    for (const [i, unit] of units.entries()) {
      const [segment] = elements(unit, 'segment');
      expect(segment?.getAttribute('state')).toBe('final');
      expect(elements(unit, 'source')[0]?.textContent).toBe(segments[i]!.source);
      expect(elements(unit, 'target')[0]?.textContent).toBe(segments[i]!.target);
    }
  });

  it('when parsed back, then each unit notes its segment kind', () => {
    const units = elements(parse(xliff21Exporter.render(version)), 'unit');
    const kinds = units.map((unit) => elements(unit, 'note').find((note) => note.getAttribute('category') === 'kind')?.textContent);
    expect(kinds).toEqual(segments.map((segment) => segment.kind));
  });

  it('when parsed back, then the approval metadata is in the mda:metaGroup', () => {
    const metas = elements(parse(xliff21Exporter.render(version)), 'meta', xliffNamespaces.metadata);
    const byType = Object.fromEntries(metas.map((meta) => [meta.getAttribute('type'), meta.textContent]));
    expect(byType).toEqual({
      documentId: '42',
      version: '3',
      title: version.title,
      approvedAt: version.approvedAt,
      approvedBy: version.approvedBy,
    });
  });

  it('when the approver is unknown, then the approvedBy meta is left out', () => {
    const xml = xliff21Exporter.render(makeExportedVersion(3, { approvedBy: null }));
    expect(xml).not.toContain('type="approvedBy"');
  });

  it('when a target is empty, then its segment stays initial and has no target element', () => {
    const emptied = makeExportedVersion(3);
    emptied.paragraphs[1]!.segments[1]!.target = '';
    const unit = elements(parse(xliff21Exporter.render(emptied)), 'unit')[2]!;
    expect(elements(unit, 'segment')[0]?.getAttribute('state')).toBe('initial');
    expect(elements(unit, 'target')).toHaveLength(0);
    expect(elements(unit, 'source')[0]?.textContent).toBe(emptied.paragraphs[1]!.segments[1]!.source);
  });

  it('when text holds markup and quotes, then it is escaped and reads back unchanged', () => {
    const tricky = makeExportedVersion(3);
    tricky.paragraphs[1]!.segments[1]!.source = 'Мэр сказал: <b>«нет»</b> & ушёл';
    tricky.paragraphs[1]!.segments[1]!.target = 'The mayor said <b>"no"</b> & left ]]>';
    const xml = xliff21Exporter.render(tricky);
    expect(xml).not.toContain('<b>');
    expect(xml).toContain('&lt;b&gt;');
    const unit = elements(parse(xml), 'unit')[2]!;
    expect(elements(unit, 'source')[0]?.textContent).toBe('Мэр сказал: <b>«нет»</b> & ушёл');
    expect(elements(unit, 'target')[0]?.textContent).toBe('The mayor said <b>"no"</b> & left ]]>');
  });

  it('when text holds a character XML forbids, then it is written as <cp> and the output stays well-formed', () => {
    const withControl = makeExportedVersion(3);
    withControl.paragraphs[1]!.segments[1]!.target = 'First line\u000Bsecond line';
    withControl.title = 'Title\u0007';
    const xml = xliff21Exporter.render(withControl);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(xml).toContain('<target>First line<cp hex="000B"/>second line</target>');
  });

  it('when whitespace is significant, then source or target is marked xml:space="preserve"', () => {
    const spaced = makeExportedVersion(3);
    spaced.paragraphs[1]!.segments[1]!.target = 'Two  spaces';
    const xml = xliff21Exporter.render(spaced);
    expect(xml).toContain('<target xml:space="preserve">Two  spaces</target>');
    expect(xml).toContain(`<target>${spaced.paragraphs[1]!.segments[0]!.target}</target>`);
  });

  it('when rendered, then the output starts with the XML declaration on its own line and ends with a newline', () => {
    const xml = xliff21Exporter.render(version);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<xliff ')).toBe(true);
    expect(xml.endsWith('</xliff>\n')).toBe(true);
  });
});
