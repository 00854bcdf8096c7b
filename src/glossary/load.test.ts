import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { glossaryDir } from '../paths.js';
import { openDatabase } from '../db/database.js';
import { liveGlossary, loadGlossary, seedGlossaryFromFile } from './load.js';
import { createEntry } from './store.js';
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

describe('liveGlossary', () => {
  it('when nothing changed, then calls share one compiled glossary; after a change the next call sees it', async () => {
    const db = await openDatabase({ dataDir: '', DATABASE_URL: undefined }, ':memory:');
    try {
      expect(await seedGlossaryFromFile(db)).toBeGreaterThanOrEqual(80);
      expect(await seedGlossaryFromFile(db)).toBe(0);
      const live = liveGlossary(db, { spelling: 'british' });
      const [first, second] = await Promise.all([live.glossary(), live.glossary()]);
      expect(second).toBe(first);
      expect(await live.glossary()).toBe(first);
      expect(first.match('Министерство обороны').map((m) => m.target)).toEqual(['Ministry of Defence']);

      await createEntry(db, { ru: 'Гянджа', en: 'Ganja', type: 'place', source: 'president.az' }, { userId: null, name: 'test' });
      const after = await live.glossary();
      expect(after).not.toBe(first);
      expect(after.match('в Гяндже').map((m) => m.target)).toEqual(['Ganja']);
      expect(await live.revision()).toBe(2);
    } finally {
      await db.destroy();
    }
  });
});
