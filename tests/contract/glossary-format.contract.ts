import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GlossaryFormat } from '../../src/glossary/formats/format.js';
import { glossaryDir } from '../../src/paths.js';
import { locateEntries, parseTermsFile } from '../../src/glossary/terms-file.js';
import { sampleEntries } from '../fixtures/glossary-entries.js';

/**
 * What every glossary file format must do. A new format adds one line to glossary-formats.test.ts.
 * Formats that read must give back what they wrote; formats that only write must be deterministic
 * and carry every entry.
 */
export function runGlossaryFormatContract(format: GlossaryFormat): void {
  describe(`glossary format ${format.id}`, () => {
    const shipped = parseTermsFile(readFileSync(join(glossaryDir, 'terms.tsv'), 'utf8'));

    it('when its metadata is read, then id, extension and content type are set and it reads or writes', () => {
      expect(format.id).toMatch(/^[a-z0-9-]+$/);
      expect(format.extension).toMatch(/^[a-z0-9]+$/);
      expect(format.contentType).toMatch(/charset=utf-8$/);
      expect(format.label.length).toBeGreaterThan(0);
      expect(Boolean(format.read) || Boolean(format.write)).toBe(true);
    });

    it.runIf(format.write)('when the same entries are written twice, then the bytes are the same and the input is untouched', () => {
      const copy = structuredClone(sampleEntries);
      expect(format.write!(sampleEntries, { spelling: 'american' })).toBe(format.write!(sampleEntries, { spelling: 'american' }));
      expect(sampleEntries).toEqual(copy);
    });

    it.runIf(format.write)('when the shipped glossary is written, then every entry’s Russian term appears in the file', () => {
      const text = format.write!(shipped, { spelling: 'british' });
      const missing = shipped.filter((e) => !text.includes(e.ru.replace(/&/g, '&amp;')));
      expect(missing.map((e) => e.ru)).toEqual([]);
    });

    it.runIf(format.read && format.write)('when a file it wrote is read back, then the entries are equal', () => {
      for (const entries of [sampleEntries, shipped]) {
        const { rows, errors } = format.read!(format.write!(entries, { spelling: 'american' }));
        expect(errors).toEqual([]);
        expect(locateEntries(rows, 'round trip').map((l) => l.entry)).toEqual(entries);
      }
    });

    it.runIf(format.read)('when it reads garbage, then it reports problems with line numbers instead of throwing', () => {
      const { rows, errors } = format.read!('just some words\n<<<\n"');
      expect(rows).toEqual([]);
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) expect(e.line).toBeGreaterThanOrEqual(1);
    });
  });
}
