import { create } from 'xmlbuilder2';
import type { ExportedSegment, ExportedVersion, Exporter } from './exporter.js';

type XmlElement = ReturnType<typeof create>;

export const xliffNamespaces = {
  core: 'urn:oasis:names:tc:xliff:document:2.0',
  metadata: 'urn:oasis:names:tc:xliff:metadata:2.0',
  xml: 'http://www.w3.org/XML/1998/namespace',
  xmlns: 'http://www.w3.org/2000/xmlns/',
} as const;

/** Characters XML 1.0 cannot carry at all; XLIFF 2 writes them in source/target as <cp hex="…"/>. */
const notXmlChar = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Whitespace an XML tool may collapse unless told to keep it. */
const significantWhitespace = /^[ \t\r\n]|[ \t\r\n]$|[ \t\r\n]{2}|[\t\r\n]/;

/**
 * XLIFF 2.1: one <file> per version, one <group> per paragraph, one <unit> per segment with the
 * segment kind as a note. Approved targets are state="final"; an empty target is left out and stays
 * "initial", since "final" without a target is flagged by XLIFF validators.
 */
export const xliff21Exporter = {
  id: 'xliff',
  label: 'XLIFF 2.1',
  extension: 'xlf',
  contentType: 'application/xliff+xml; charset=utf-8',
  render(version: ExportedVersion): string {
    const root = create({ version: '1.0', encoding: 'UTF-8' })
      .ele(xliffNamespaces.core, 'xliff')
      .att(xliffNamespaces.xmlns, 'xmlns:mda', xliffNamespaces.metadata)
      .att({ version: '2.1', srcLang: version.sourceLang, trgLang: version.targetLang });

    const file = child(root, 1, 'file', { id: `doc-${version.documentId}-v${version.version}` });
    appendMetadata(file, version);
    for (const paragraph of version.paragraphs) {
      const group = child(file, 2, 'group', { id: `p${paragraph.index}` });
      for (const segment of paragraph.segments) appendUnit(group, segment);
      close(group, 2);
    }
    close(file, 1);
    close(root, 0);
    // The declaration is the one line break the hand-written indentation cannot add.
    return `${root.end({ wellFormed: true }).replace(/^(<\?xml[^>]*\?>)/, '$1\n')}\n`;
  },
} satisfies Exporter;

function appendMetadata(file: XmlElement, version: ExportedVersion): void {
  const entries: Array<[string, string | number | null]> = [
    ['documentId', version.documentId],
    ['version', version.version],
    ['title', version.title],
    ['approvedAt', version.approvedAt],
    ['approvedBy', version.approvedBy],
  ];
  const metadata = child(file, 2, 'mda:metadata', {}, xliffNamespaces.metadata);
  const metaGroup = child(metadata, 3, 'mda:metaGroup', { category: 'tandem' }, xliffNamespaces.metadata);
  for (const [type, value] of entries) {
    if (value === null) continue;
    child(metaGroup, 4, 'mda:meta', { type }, xliffNamespaces.metadata).txt(String(value).replace(notXmlChar, ''));
  }
  close(metaGroup, 3);
  close(metadata, 2);
}

function appendUnit(group: XmlElement, segment: ExportedSegment): void {
  const unit = child(group, 3, 'unit', { id: `s${segment.index}` });
  const notes = child(unit, 4, 'notes');
  child(notes, 5, 'note', { category: 'kind' }).txt(segment.kind);
  close(notes, 4);

  const hasTarget = segment.target !== '';
  const xliffSegment = child(unit, 4, 'segment', { state: hasTarget ? 'final' : 'initial' });
  appendContent(child(xliffSegment, 5, 'source'), segment.source);
  if (hasTarget) appendContent(child(xliffSegment, 5, 'target'), segment.target);
  close(xliffSegment, 4);
  close(unit, 3);
}

function appendContent(element: XmlElement, text: string): void {
  if (significantWhitespace.test(text)) element.att(xliffNamespaces.xml, 'xml:space', 'preserve');
  let last = 0;
  for (const match of text.matchAll(notXmlChar)) {
    if (match.index > last) element.txt(text.slice(last, match.index));
    const hex = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    element.ele('cp', { hex });
    last = match.index + match[0].length;
  }
  if (last < text.length) element.txt(text.slice(last));
}

/*
 * Indentation is written as text nodes by hand: xmlbuilder2's prettyPrint would also indent the
 * inside of a <source> holding <cp/>, changing the text.
 */
function child(
  parent: XmlElement,
  depth: number,
  name: string,
  attributes: Record<string, string> = {},
  namespace?: string,
): XmlElement {
  parent.txt(`\n${'  '.repeat(depth)}`);
  return namespace === undefined ? parent.ele(name, attributes) : parent.ele(namespace, name, attributes);
}

function close(element: XmlElement, depth: number): void {
  element.txt(`\n${'  '.repeat(depth)}`);
}
