import { describe, expect, it } from 'vitest';
import type { ExportedVersion, Exporter } from '../../src/exports/exporter.js';
import { makeExportedVersion } from '../fixtures/exported-version.js';

/** Targets that break naive formats: markup, both quote styles, typographic quotes, Cyrillic with emoji. */
const trickyTargets = [
  'Council says <b>"no"</b> & means it',
  "It's “historic”, the mayor said — ‘finally’",
  'Москва встречает весну 🌷🚀 (Tverskaya St.)',
] as const;

type TextEncoding = 'json' | 'markup' | 'plain';

/**
 * The suite every exporter must pass: add one `runExporterContract(exporters.<id>)` line to
 * tests/contract/exporters.test.ts. A new content type also needs a line in `encodingFor`.
 */
export function runExporterContract(exporter: Exporter): void {
  describe(`exporter contract: ${exporter.id}`, () => {
    it('when its metadata is read, then id, label, extension and a UTF-8 content type are declared', () => {
      expect(exporter.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(exporter.label.trim()).not.toBe('');
      expect(exporter.extension).toMatch(/^[a-z0-9]+$/);
      expect(exporter.contentType).toMatch(/^[a-z]+\/[a-z0-9.+-]+; charset=utf-8$/);
      expect(() => encodingFor(exporter.contentType)).not.toThrow();
    });

    it('when a version is rendered, then the output is a non-empty string', () => {
      const output = exporter.render(makeExportedVersion());
      expect(typeof output).toBe('string');
      expect(output.trim()).not.toBe('');
    });

    it('when a version is rendered, then every target appears, in document order', () => {
      const version = makeExportedVersion(12);
      const output = exporter.render(version);
      expectTargetsInOrder(output, version, encodingFor(exporter.contentType));
    });

    it('when targets hold markup, quotes, Cyrillic and emoji, then each appears encoded for the format', () => {
      const version = withTrickyText(makeExportedVersion(6));
      const output = exporter.render(version);
      const encoding = encodingFor(exporter.contentType);
      expectTargetsInOrder(output, version, encoding);
      if (encoding === 'markup') {
        expect(output).not.toContain('<b>');
        expect(output).not.toContain('<i>');
      }
    });

    it('when the same version is rendered twice, then the outputs are identical', () => {
      const first = exporter.render(makeExportedVersion(8));
      const second = exporter.render(makeExportedVersion(8));
      expect(second).toBe(first);
    });

    it('when a version is rendered, then it is left unmodified', () => {
      const version = deepFreeze(makeExportedVersion(8));
      expect(() => exporter.render(version)).not.toThrow();
      expect(version).toEqual(makeExportedVersion(8));
    });

    it('when some targets are empty, then rendering succeeds and the other targets still appear', () => {
      const version = makeExportedVersion(8);
      for (const paragraph of version.paragraphs) {
        for (const segment of paragraph.segments) if (segment.index % 3 === 1) segment.target = '';
      }
      const output = exporter.render(version);
      expect(output.trim()).not.toBe('');
      expectTargetsInOrder(output, version, encodingFor(exporter.contentType));
    });

    it('when every target is empty, then rendering still succeeds', () => {
      const version = makeExportedVersion(4);
      for (const paragraph of version.paragraphs) for (const segment of paragraph.segments) segment.target = '';
      expect(typeof exporter.render(version)).toBe('string');
    });

    it('when the approver is unknown, then rendering succeeds', () => {
      const output = exporter.render(makeExportedVersion(4, { approvedBy: null }));
      expect(output.trim()).not.toBe('');
    });

    it('when a version has 2,000 segments, then every target appears', () => {
      const version = makeExportedVersion(2000);
      expectTargetsInOrder(exporter.render(version), version, encodingFor(exporter.contentType));
    });
  });
}

/** How a format writes text, decided by the media type in its Content-Type. */
function encodingFor(contentType: string): TextEncoding {
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  if (mediaType === 'application/json' || mediaType.endsWith('+json')) return 'json';
  if (mediaType === 'text/html' || mediaType === 'application/xml' || mediaType === 'text/xml' || mediaType.endsWith('+xml')) {
    return 'markup';
  }
  if (mediaType === 'text/plain') return 'plain';
  throw new Error(`The exporter contract does not know how ${mediaType} encodes text: add it to encodingFor()`);
}

/** Matches `text` as the format must write it; quotes and '>' may or may not be escaped in markup. */
function encodedPattern(text: string, encoding: TextEncoding): RegExp {
  if (encoding === 'json') return new RegExp(escapeRegExp(JSON.stringify(text).slice(1, -1)), 'u');
  if (encoding === 'plain') return new RegExp(escapeRegExp(text), 'u');
  const markup: Record<string, string> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '(?:>|&gt;)',
    '"': '(?:"|&quot;|&#34;|&#x22;)',
    "'": "(?:'|&apos;|&#39;|&#x27;)",
  };
  return new RegExp(Array.from(text, (char) => markup[char] ?? escapeRegExp(char)).join(''), 'u');
}

function expectTargetsInOrder(output: string, version: ExportedVersion, encoding: TextEncoding): void {
  let from = 0;
  for (const segment of version.paragraphs.flatMap((paragraph) => paragraph.segments)) {
    if (segment.target === '') continue;
    const pattern = encodedPattern(segment.target, encoding);
    const match = pattern.exec(output.slice(from));
    expect(match, `target of segment ${segment.index} (${segment.target}) after offset ${from}`).not.toBeNull();
    from += match!.index + match![0].length;
  }
}

/** The fixture with tricky targets and sources (including markup in the source and title). */
function withTrickyText(version: ExportedVersion): ExportedVersion {
  let next = 0;
  for (const paragraph of version.paragraphs) {
    for (const segment of paragraph.segments) {
      if (segment.kind !== 'sentence' || next >= trickyTargets.length) continue;
      segment.target = trickyTargets[next]!;
      segment.source = `${segment.source} <i>«цитата»</i> & “кавычки”`;
      next++;
    }
  }
  return { ...version, title: `${version.title} <i>& “draft”</i>` };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
