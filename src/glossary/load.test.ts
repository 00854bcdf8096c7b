import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { glossaryDir } from '../paths.js';
import { loadGlossary } from './load.js';
import { TERMS_COLUMNS } from './terms-file.js';

const HEADER = TERMS_COLUMNS.join('\t');

describe('loadGlossary', () => {
  it('when loaded twice, by default and by the same path spelled differently, then one glossary is shared', async () => {
    const first = await loadGlossary();
    expect(await loadGlossary(join(glossaryDir, 'terms.tsv'))).toBe(first);
    expect(await loadGlossary(relative(process.cwd(), join(glossaryDir, 'terms.tsv')))).toBe(first);
    expect(first.entries.length).toBeGreaterThanOrEqual(80);
  });

  it('when the file is broken, then the load fails with line numbers and a fixed file loads on the next call', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tandem-glossary-')), 'terms.tsv');
    writeFileSync(file, `${HEADER}\nБаку\tBaku\n`);
    await expect(loadGlossary(file)).rejects.toThrow(InvalidInputError);
    await expect(loadGlossary(file)).rejects.toThrow(/line 2: expected 8 tab-separated columns/);

    writeFileSync(file, `${HEADER}\nБаку\tBaku\t\tplace\t\t\t\tpresident.az\n`);
    const glossary = await loadGlossary(file);
    expect(glossary.match('в Баку').map((m) => m.target)).toEqual(['Baku']);
  });
});
