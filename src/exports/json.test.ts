import { describe, expect, it } from 'vitest';
import { makeExportedVersion } from '../../tests/fixtures/exported-version.js';
import { jsonExporter } from './json.js';

describe('jsonExporter', () => {
  it('when parsed back, then it equals the version plus the format marker', () => {
    const version = makeExportedVersion(7);
    expect(JSON.parse(jsonExporter.render(version))).toEqual({ format: 'tandem-export', formatVersion: 1, ...version });
  });

  it('when rendered, then top-level keys come in a fixed order, format first', () => {
    const parsed = JSON.parse(jsonExporter.render(makeExportedVersion(2))) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual([
      'format',
      'formatVersion',
      'documentId',
      'version',
      'title',
      'sourceLang',
      'targetLang',
      'approvedAt',
      'approvedBy',
      'paragraphs',
    ]);
  });

  it('when the input object has keys in another order or extra keys, then the output is the same', () => {
    const version = makeExportedVersion(3);
    const shuffled = { extra: 'ignored', ...Object.fromEntries(Object.entries(version).reverse()) } as unknown as typeof version;
    expect(jsonExporter.render(shuffled)).toBe(jsonExporter.render(version));
  });

  it('when rendered, then it is indented by two spaces and ends with a newline', () => {
    const output = jsonExporter.render(makeExportedVersion(1));
    expect(output.startsWith('{\n  "format": "tandem-export",\n  "formatVersion": 1,\n')).toBe(true);
    expect(output.endsWith('}\n')).toBe(true);
  });

  it('when the approver is unknown, then approvedBy is null rather than missing', () => {
    const parsed = JSON.parse(jsonExporter.render(makeExportedVersion(1, { approvedBy: null }))) as Record<string, unknown>;
    expect(parsed).toHaveProperty('approvedBy', null);
  });
});
