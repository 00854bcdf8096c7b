import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/database.js';
import { ConflictError, InvalidInputError } from '../errors.js';
import {
  activeGlossary,
  createEntry,
  getEntry,
  glossaryRevision,
  importEntries,
  listEntries,
  restoreEntry,
  retireEntry,
  seedGlossary,
  updateEntry,
} from './store.js';
import { locateEntries, parseTermsFile, rowFromCells, type LocatedRow } from './terms-file.js';

const editor = { userId: null, name: 'maria' };
let db: Db;

beforeEach(async () => {
  db = await openDatabase({ dataDir: '', DATABASE_URL: undefined }, ':memory:');
});
afterEach(async () => {
  await db.destroy();
});

const baku = { ru: 'Баку', en: 'Baku', type: 'place', source: 'president.az' };
const ministry = { ru: 'Министерство обороны', en: 'Ministry of Defense', enGb: 'Ministry of Defence', type: 'organisation', source: 'mil.ru' };

/** Located entries as a file reader would give them: one line per row of cells. */
function fileOf(...rows: string[][]) {
  const located: LocatedRow[] = rows.map((cells, i) => ({ line: i + 2, row: rowFromCells(cells) }));
  return locateEntries(located, 'test.tsv');
}

async function errorOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

describe('glossary store', () => {
  it('when an entry is created, then it is listed, has a created history row and the revision moves by one', async () => {
    const before = await glossaryRevision(db);
    const created = await createEntry(db, { ...ministry, forbidden: 'Defence Ministry | MoD' }, editor);
    expect(created).toMatchObject({ id: 'ministerstvo-oborony', en: 'Ministry of Defense', enGb: 'Ministry of Defence', forbidden: ['Defence Ministry', 'MoD'], status: 'active', version: 1 });
    expect(await glossaryRevision(db)).toBe(before + 1);
    const { history } = await getEntry(db, created.id);
    expect(history).toEqual([expect.objectContaining({ action: 'created', before: null, by: 'maria', revision: before + 1 })]);
    expect((await listEntries(db)).map((e) => e.id)).toEqual(['ministerstvo-oborony']);
  });

  it('when an entry breaks the file rules, then it is refused with every problem and nothing changes', async () => {
    const err = await errorOf(createEntry(db, { ru: 'Путин', en: '', type: 'person', source: 'kremlin.ru' }, editor));
    expect(err).toBeInstanceOf(InvalidInputError);
    expect(err.message).toContain('en is empty');
    expect(err.message).toContain('a person needs a gender');
    expect(await glossaryRevision(db)).toBe(0);
    expect(await listEntries(db, { status: 'all' })).toEqual([]);
  });

  it('when a term is added twice (capitals and ё aside), then the second gets 409 duplicate_term', async () => {
    await createEntry(db, { ru: 'Счётная палата', en: 'Accounts Chamber', type: 'organisation', source: 'ach.gov.ru' }, editor);
    const err = await errorOf(createEntry(db, { ru: 'счетная палата', en: 'Audit Chamber', type: 'organisation', source: 'x' }, editor));
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).code).toBe('duplicate_term');
  });

  it('when an entry is updated with its version, then the change and its before/after are kept; a stale version gets 409', async () => {
    const created = await createEntry(db, baku, editor);
    const updated = await updateEntry(db, created.id, { note: 'capital of Azerbaijan', version: created.version }, editor);
    expect(updated).toMatchObject({ note: 'capital of Azerbaijan', en: 'Baku', version: 2 });
    const stale = await errorOf(updateEntry(db, created.id, { en: 'Baky', version: created.version }, editor));
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError).code).toBe('stale_version');
    expect((stale as ConflictError).details).toMatchObject({ entry: { version: 2 } });

    const { history } = await getEntry(db, created.id);
    expect(history.map((h) => h.action)).toEqual(['updated', 'created']);
    expect(history[0]).toMatchObject({ before: { note: '' }, after: { note: 'capital of Azerbaijan' } });
  });

  it('when ru is edited, then the id stays, so references to it keep working', async () => {
    const created = await createEntry(db, { ru: 'Счетная палата', en: 'Accounts Chamber', type: 'organisation', source: 'ach.gov.ru' }, editor);
    const updated = await updateEntry(db, created.id, { ru: 'Счётная палата', version: 1 }, editor);
    expect(updated).toMatchObject({ id: 'schetnaya-palata', ru: 'Счётная палата' });
  });

  it('when an entry is retired and restored, then it leaves and rejoins the active glossary, with history', async () => {
    const created = await createEntry(db, baku, editor);
    await retireEntry(db, created.id, { reason: 'not needed' }, editor);
    expect((await activeGlossary(db)).entries).toEqual([]);
    expect((await listEntries(db, { status: 'retired' })).map((e) => e.id)).toEqual(['baku']);
    await expect(retireEntry(db, created.id, {}, editor)).rejects.toThrow(ConflictError);
    await restoreEntry(db, created.id, {}, editor);
    expect((await activeGlossary(db)).entries.map((e) => e.id)).toEqual(['baku']);
    const { history } = await getEntry(db, created.id);
    expect(history.map((h) => [h.action, h.detail])).toEqual([['restored', null], ['retired', 'not needed'], ['created', null]]);
    expect(await glossaryRevision(db)).toBe(3);
  });

  it('when the list is searched, then ru and en match as substrings whatever the case and ё, and type filters', async () => {
    await createEntry(db, baku, editor);
    await createEntry(db, ministry, editor);
    await createEntry(db, { ru: 'Пётр Ёлкин', en: 'Pyotr Yolkin', type: 'person', gender: 'male', source: 'test' }, editor);
    expect((await listEntries(db, { q: 'елкин' })).map((e) => e.en)).toEqual(['Pyotr Yolkin']);
    expect((await listEntries(db, { q: 'DEFENCE' })).map((e) => e.id)).toEqual(['ministerstvo-oborony']);
    expect((await listEntries(db, { q: 'обор' })).map((e) => e.id)).toEqual(['ministerstvo-oborony']);
    expect((await listEntries(db, { type: 'place' })).map((e) => e.id)).toEqual(['baku']);
  });
});

describe('glossary import', () => {
  const row = (ru: string, en: string, type = 'place', gender = '') => [ru, en, '', type, gender, '', '', 'president.az'];

  it('when a file is merged, then new terms are created, changed ones updated, the rest left alone, in one revision', async () => {
    await createEntry(db, baku, editor);
    await createEntry(db, ministry, editor);
    const summary = await importEntries(db, fileOf(row('баку', 'Baku City'), row('Каспий', 'the Caspian')), { mode: 'merge', fileName: 'test.tsv' }, editor);
    expect(summary).toEqual({ created: 1, updated: 1, restored: 0, retired: 0, unchanged: 0, revision: 3 });
    expect((await listEntries(db)).map((e) => [e.id, e.en])).toEqual([
      ['baku', 'Baku City'],
      ['ministerstvo-oborony', 'Ministry of Defense'],
      ['kaspiy', 'the Caspian'],
    ]);
    const { history } = await getEntry(db, 'baku');
    expect(history[0]).toMatchObject({ action: 'imported', detail: 'updated from test.tsv', revision: 3 });
  });

  it('when a file replaces the glossary, then active terms missing from it are retired and retired ones in it restored', async () => {
    await createEntry(db, baku, editor);
    await createEntry(db, ministry, editor);
    await createEntry(db, { ru: 'Каспий', en: 'the Caspian', type: 'place', source: 'president.az' }, editor);
    await retireEntry(db, 'kaspiy', {}, editor);
    const summary = await importEntries(db, fileOf(row('Баку', 'Baku'), row('Каспий', 'the Caspian')), { mode: 'replace', fileName: 'new.tsv' }, editor);
    expect(summary).toMatchObject({ created: 0, updated: 0, restored: 1, retired: 1 });
    expect((await activeGlossary(db)).entries.map((e) => e.id)).toEqual(['baku', 'kaspiy']);
    expect((await getEntry(db, 'ministerstvo-oborony')).history[0]).toMatchObject({ action: 'retired', detail: 'not in new.tsv (import, replace)' });
  });

  it('when nothing in the file differs, then nothing is written and the revision stays', async () => {
    await createEntry(db, baku, editor);
    const summary = await importEntries(db, fileOf(row('Баку', 'Baku')), { mode: 'merge', fileName: 'same.tsv' }, editor);
    expect(summary).toEqual({ created: 0, updated: 0, restored: 0, retired: 0, unchanged: 1, revision: 1 });
    expect((await getEntry(db, 'baku')).history).toHaveLength(1);
  });

  it('when one row of a file would take another entry’s id, then the whole import fails with its line and the table is unchanged', async () => {
    await createEntry(db, { ru: 'ВМФ РФ', en: 'Russian Navy', type: 'organisation', source: 'mil.ru' }, editor);
    const before = await listEntries(db, { status: 'all' });
    const err = await errorOf(
      importEntries(db, fileOf(row('Каспий', 'the Caspian'), row('ВМФ-РФ', 'Navy', 'organisation')), { mode: 'replace', fileName: 'bad.tsv' }, editor),
    );
    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as InvalidInputError).details).toEqual({ errors: [{ line: 3, message: expect.stringContaining('id "vmf-rf" is already taken by "ВМФ РФ"') }] });
    expect(await listEntries(db, { status: 'all' })).toEqual(before);
    expect(await glossaryRevision(db)).toBe(1);
  });

  it('when the database refuses a write halfway, then the rows written before it are rolled back too', async () => {
    await createEntry(db, baku, editor);
    // A type the file rules accept but the table's check constraint does not: the second write fails.
    const broken = fileOf(row('Каспий', 'the Caspian'), row('Кура', 'Kura'));
    (broken[1]!.entry as { type: string }).type = 'river';
    await expect(importEntries(db, broken, { mode: 'replace', fileName: 'x.tsv' }, editor)).rejects.toThrow(/CHECK constraint failed/);
    expect((await listEntries(db, { status: 'all' })).map((e) => [e.id, e.status])).toEqual([['baku', 'active']]);
    expect(await glossaryRevision(db)).toBe(1);
  });

  it('when a file has no entries, then it is refused rather than retiring everything', async () => {
    await createEntry(db, baku, editor);
    await expect(importEntries(db, [], { mode: 'replace', fileName: 'empty.tsv' }, editor)).rejects.toThrow(/holds no entries/);
    expect((await activeGlossary(db)).entries).toHaveLength(1);
  });

  it('when the table is empty, then the seed file is imported once; a second seed does nothing', async () => {
    const entries = parseTermsFile(['ru\ten\ten_gb\ttype\tgender\tforbidden\tnote\tsource', 'Баку\tBaku\t\tplace\t\t\t\tpresident.az'].join('\n'));
    expect(await seedGlossary(db, entries, 'terms.tsv')).toBe(1);
    expect(await seedGlossary(db, entries, 'terms.tsv')).toBe(0);
    expect((await getEntry(db, 'baku')).history).toEqual([expect.objectContaining({ action: 'imported', by: 'system', detail: 'created from terms.tsv' })]);
  });
});
