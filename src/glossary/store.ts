import { sql } from 'kysely';
import { now, type Db } from '../db/database.js';
import type { GlossaryEntryRow, GlossaryHistoryRow } from '../db/schema.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.js';
import type { GlossaryEntry, TermType } from './glossary.js';
import { yieldToEventLoop } from '../event-loop.js';
import {
  entryToRow,
  glossaryFileError,
  rowProblems,
  rowToEntry,
  ruKey,
  splitForbidden,
  TERMS_COLUMNS,
  type LocatedEntry,
  type TermRow,
  type TermsFileError,
} from './terms-file.js';

/*
 * The glossary lives in the database (glossary_entries), seeded from glossary/terms.tsv. Every
 * change runs in one transaction that also writes its history and bumps glossary_meta.revision, so
 * whoever caches something built from the glossary knows when to rebuild. Entries are never
 * deleted: retiring keeps the history and the meaning of old matches.
 */

const messages = {
  invalid: (problems: string[]) => `The entry is not valid: ${problems.join('; ')}`,
  duplicate: (ru: string, id: string) => `"${ru}" is already in the glossary (entry ${id})`,
  duplicateRetired: (ru: string, id: string) => `"${ru}" is in the glossary as retired entry ${id}; restore it instead`,
  idTaken: (id: string, ru: string) => `id "${id}" is already taken by "${ru}"; reword ru`,
  stale: (id: string) => `Entry ${id} was changed by someone else meanwhile; reload it and apply your change again`,
  already: (id: string, status: string) => `Entry ${id} is already ${status}`,
  emptyImport: (file: string) => `${file} holds no entries; nothing was imported`,
  importIdTaken: (id: string, ru: string) => `id "${id}" is already taken by "${ru}" in the glossary; reword ru`,
  notInFile: (file: string) => `not in ${file} (import, replace)`,
};

export type EntryStatus = 'active' | 'retired';
export type ImportMode = 'merge' | 'replace';

/** An entry as stored: the glossary fields plus its state. */
export interface StoredEntry extends GlossaryEntry {
  status: EntryStatus;
  /** Send back with an update; a stale one gets 409 stale_version. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface HistoryItem {
  id: number;
  action: GlossaryHistoryRow['action'];
  before: StoredFields | null;
  after: StoredFields;
  by: string | null;
  detail: string | null;
  revision: number;
  createdAt: string;
}

/** What history keeps of an entry: the glossary fields and whether it was active. */
export type StoredFields = GlossaryEntry & { status: EntryStatus };

/** Who made a change; a Principal fits. */
export interface Actor {
  userId: number | null;
  name: string;
}

export interface EntryFilter {
  /** Substring of ru, en, en_gb or the note; capitals and ё/е ignored. */
  q?: string;
  type?: TermType;
  /** Default 'active'. */
  status?: EntryStatus | 'all';
}

/** Fields as a form or the API sends them; `forbidden` as a list or as "a | b". */
export interface EntryInput {
  ru?: string;
  en?: string;
  enGb?: string | null;
  type?: string;
  gender?: string | null;
  forbidden?: string[] | string;
  note?: string;
  source?: string;
}

export interface ImportSummary {
  created: number;
  updated: number;
  restored: number;
  retired: number;
  unchanged: number;
  revision: number;
}

export async function glossaryRevision(db: Db): Promise<number> {
  const row = await db.selectFrom('glossary_meta').select('revision').where('id', '=', 1).executeTakeFirst();
  return row?.revision ?? 0;
}

/** The active entries with the revision they belong to, read together so a cache keyed by the revision is never stale. */
export async function activeGlossary(db: Db): Promise<{ revision: number; entries: GlossaryEntry[] }> {
  return inTransaction(db, async (trx) => {
    const revision = await glossaryRevision(trx);
    const rows = await trx.selectFrom('glossary_entries').selectAll().where('status', '=', 'active').orderBy(sql`rowid`).execute();
    return { revision, entries: rows.map(toGlossaryEntry) };
  });
}

/** Entries matching the filter, in the order they were added. */
export async function listEntries(db: Db, filter: EntryFilter = {}): Promise<StoredEntry[]> {
  let query = db.selectFrom('glossary_entries').selectAll().orderBy(sql`rowid`);
  const status = filter.status ?? 'active';
  if (status !== 'all') query = query.where('status', '=', status);
  if (filter.type) query = query.where('type', '=', filter.type);
  const q = ruKey(filter.q ?? '');
  if (q) query = query.where(sql<number>`instr(search, ${q})`, '>', 0);
  return (await query.execute()).map(toStoredEntry);
}

export async function getEntry(db: Db, id: string): Promise<StoredEntry & { history: HistoryItem[] }> {
  const row = await findRow(db, id);
  const history = await db.selectFrom('glossary_history').selectAll().where('entry_id', '=', id).orderBy('id', 'desc').execute();
  return { ...toStoredEntry(row), history: history.map(toHistoryItem) };
}

/** Adds a term; its id is made from ru now and kept when ru is edited later. */
export async function createEntry(db: Db, input: EntryInput, actor: Actor): Promise<StoredEntry> {
  const entry = validEntry(inputToRow(input));
  return inTransaction(db, async (trx) => {
    await assertFree(trx, entry);
    const revision = await bumpRevision(trx);
    const stamp = now();
    await trx.insertInto('glossary_entries').values(toRow(entry, { stamp, actor })).execute();
    await addHistory(trx, { entryId: entry.id, action: 'created', before: null, after: { ...entry, status: 'active' }, actor, revision });
    return toStoredEntry(await findRow(trx, entry.id));
  });
}

/**
 * Changes an entry's fields. `version` must be the one the caller read (409 stale_version with the
 * current entry otherwise). Fields left out keep their value.
 */
export async function updateEntry(db: Db, id: string, input: EntryInput & { version: number }, actor: Actor): Promise<StoredEntry> {
  return inTransaction(db, async (trx) => {
    const current = await findRow(trx, id);
    assertVersion(current, input.version);
    const before = toGlossaryEntry(current);
    const next = { ...validEntry(inputToRow(input, entryToRow(before))), id };
    if (ruKey(next.ru) !== current.ru_key) await assertFree(trx, next, id);
    if (sameFields(before, next)) return toStoredEntry(current);
    const revision = await bumpRevision(trx);
    await trx.updateTable('glossary_entries').set(changeSet(next, current, actor)).where('id', '=', id).execute();
    await addHistory(trx, { entryId: id, action: 'updated', before: { ...before, status: current.status }, after: { ...next, status: current.status }, actor, revision });
    return toStoredEntry(await findRow(trx, id));
  });
}

/** Takes an entry out of matching and checks; it stays listed (status retired) with its history. */
export function retireEntry(db: Db, id: string, options: { version?: number; reason?: string }, actor: Actor): Promise<StoredEntry> {
  return setStatus(db, id, 'retired', options, actor);
}

export function restoreEntry(db: Db, id: string, options: { version?: number; reason?: string }, actor: Actor): Promise<StoredEntry> {
  return setStatus(db, id, 'active', options, actor);
}

async function setStatus(db: Db, id: string, status: EntryStatus, options: { version?: number; reason?: string }, actor: Actor): Promise<StoredEntry> {
  return inTransaction(db, async (trx) => {
    const current = await findRow(trx, id);
    if (options.version !== undefined) assertVersion(current, options.version);
    if (current.status === status) throw new ConflictError(messages.already(id, status), `already_${status}`);
    const revision = await bumpRevision(trx);
    const entry = toGlossaryEntry(current);
    await trx.updateTable('glossary_entries').set({ status, ...stampSet(current, actor) }).where('id', '=', id).execute();
    await addHistory(trx, {
      entryId: id,
      action: status === 'retired' ? 'retired' : 'restored',
      before: { ...entry, status: current.status },
      after: { ...entry, status },
      actor,
      revision,
      detail: options.reason?.trim() || null,
    });
    return toStoredEntry(await findRow(trx, id));
  });
}

/**
 * Imports validated entries in one transaction: all or nothing. Rows are matched to stored entries
 * by their term (ru, capitals and ё/е aside). `merge` adds and updates; `replace` also retires every
 * active entry the file does not hold. A term that would take another entry's id fails the whole
 * import, with its line.
 */
export async function importEntries(
  db: Db,
  located: readonly LocatedEntry[],
  options: { mode: ImportMode; fileName: string },
  actor: Actor,
): Promise<ImportSummary> {
  if (located.length === 0) throw new InvalidInputError(messages.emptyImport(options.fileName), 'empty_glossary');
  return inTransaction(db, async (trx) => {
    const rows = await trx.selectFrom('glossary_entries').selectAll().execute();
    const byKey = new Map(rows.map((r) => [r.ru_key, r]));
    const byId = new Map(rows.map((r) => [r.id, r]));

    const errors: TermsFileError[] = [];
    for (const { line, where, entry } of located) {
      const owner = byId.get(entry.id);
      if (!byKey.has(ruKey(entry.ru)) && owner) errors.push({ line, ...(where ? { where } : {}), message: messages.importIdTaken(entry.id, owner.ru) });
    }
    if (errors.length > 0) throw glossaryFileError(options.fileName, errors);

    // Classify first, so the revision is bumped once and only when something changes.
    const summary: ImportSummary = { created: 0, updated: 0, restored: 0, retired: 0, unchanged: 0, revision: 0 };
    const created: GlossaryEntry[] = [];
    const changed: { current: GlossaryEntryRow; next: GlossaryEntry }[] = [];
    const seen = new Set<string>();
    for (const { entry } of located) {
      const current = byKey.get(ruKey(entry.ru));
      if (!current) {
        created.push(entry);
        continue;
      }
      seen.add(current.id);
      const next = { ...entry, id: current.id };
      if (current.status === 'active' && sameFields(toGlossaryEntry(current), next)) summary.unchanged++;
      else changed.push({ current, next });
    }
    const retired = options.mode === 'replace' ? rows.filter((r) => r.status === 'active' && !seen.has(r.id)) : [];
    if (created.length + changed.length + retired.length === 0) return { ...summary, revision: await glossaryRevision(trx) };

    const revision = await bumpRevision(trx);
    const stamp = now();
    const history: HistoryInput[] = [];
    const record = (h: Omit<HistoryInput, 'actor' | 'revision'>) => history.push({ ...h, actor, revision });

    // A large import gives the event loop a turn after every chunk (see yieldToEventLoop).
    for (const chunk of chunks(created)) {
      await trx.insertInto('glossary_entries').values(chunk.map((e) => toRow(e, { stamp, actor }))).execute();
      await yieldToEventLoop();
    }
    for (const entry of created) record({ entryId: entry.id, action: 'imported', before: null, after: { ...entry, status: 'active' }, detail: `created from ${options.fileName}` });
    summary.created = created.length;

    for (const [i, { current, next }] of changed.entries()) {
      if (i % 200 === 199) await yieldToEventLoop();
      const restoring = current.status === 'retired';
      await trx.updateTable('glossary_entries').set({ ...changeSet(next, current, actor, stamp), status: 'active' }).where('id', '=', current.id).execute();
      record({
        entryId: current.id,
        action: 'imported',
        before: { ...toGlossaryEntry(current), status: current.status },
        after: { ...next, status: 'active' },
        detail: `${restoring ? 'restored' : 'updated'} from ${options.fileName}`,
      });
      if (restoring) summary.restored++;
      else summary.updated++;
    }

    for (const chunk of chunks(retired)) {
      await trx
        .updateTable('glossary_entries')
        .set((eb) => ({ status: 'retired' as const, version: eb('version', '+', 1), updated_at: stamp, updated_by: actor.userId }))
        .where('id', 'in', chunk.map((r) => r.id))
        .execute();
    }
    for (const row of retired) {
      const entry = toGlossaryEntry(row);
      record({ entryId: row.id, action: 'retired', before: { ...entry, status: 'active' }, after: { ...entry, status: 'retired' }, detail: messages.notInFile(options.fileName) });
    }
    summary.retired = retired.length;

    for (const chunk of chunks(history)) {
      await trx.insertInto('glossary_history').values(chunk.map((h) => historyRow(h, stamp))).execute();
      await yieldToEventLoop();
    }
    return { ...summary, revision };
  });
}

/** Imports `entries` (the parsed glossary/terms.tsv) when the glossary table is empty: the file is the seed. Returns how many were added. */
export async function seedGlossary(db: Db, entries: readonly GlossaryEntry[], fileName: string): Promise<number> {
  return inTransaction(db, async (trx) => {
    const any = await trx.selectFrom('glossary_entries').select('id').limit(1).executeTakeFirst();
    if (any || entries.length === 0) return 0;
    const located = entries.map((entry, i) => ({ line: i + 1, entry }));
    const summary = await importEntries(trx, located, { mode: 'merge', fileName }, { userId: null, name: 'system' });
    return summary.created;
  });
}

// ---- helpers

async function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

async function bumpRevision(trx: Db): Promise<number> {
  const row = await trx
    .updateTable('glossary_meta')
    .set((eb) => ({ revision: eb('revision', '+', 1), updated_at: now() }))
    .where('id', '=', 1)
    .returning('revision')
    .executeTakeFirstOrThrow();
  return row.revision;
}

async function findRow(db: Db, id: string): Promise<GlossaryEntryRow> {
  const row = await db.selectFrom('glossary_entries').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError(`Glossary entry ${id}`);
  return row;
}

/** A new term must not repeat another entry's term (capitals and ё/е aside) nor take its id. */
async function assertFree(trx: Db, entry: GlossaryEntry, self?: string): Promise<void> {
  const sameTerm = await trx.selectFrom('glossary_entries').select(['id', 'ru', 'status']).where('ru_key', '=', ruKey(entry.ru)).executeTakeFirst();
  if (sameTerm && sameTerm.id !== self) {
    if (sameTerm.status === 'retired') throw new ConflictError(messages.duplicateRetired(entry.ru, sameTerm.id), 'duplicate_term', { id: sameTerm.id });
    throw new ConflictError(messages.duplicate(entry.ru, sameTerm.id), 'duplicate_term', { id: sameTerm.id });
  }
  if (self) return;
  const sameId = await trx.selectFrom('glossary_entries').select(['ru']).where('id', '=', entry.id).executeTakeFirst();
  if (sameId) throw new ConflictError(messages.idTaken(entry.id, sameId.ru), 'id_taken', { id: entry.id });
}

function assertVersion(current: GlossaryEntryRow, version: number): void {
  if (current.version !== version) throw new ConflictError(messages.stale(current.id), 'stale_version', { entry: toStoredEntry(current) });
}

/** Input fields over `base` (an update) or over nothing (a new entry), as cells for the shared rules. */
function inputToRow(input: EntryInput, base?: TermRow): TermRow {
  const text = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));
  const given: Partial<TermRow> = {};
  if (input.ru !== undefined) given.ru = text(input.ru);
  if (input.en !== undefined) given.en = text(input.en);
  if (input.enGb !== undefined) given.en_gb = text(input.enGb);
  if (input.type !== undefined) given.type = text(input.type);
  if (input.gender !== undefined) given.gender = text(input.gender);
  if (input.forbidden !== undefined) given.forbidden = Array.isArray(input.forbidden) ? input.forbidden.map(text).join('|') : text(input.forbidden);
  if (input.note !== undefined) given.note = text(input.note);
  if (input.source !== undefined) given.source = text(input.source);
  const empty = Object.fromEntries(TERMS_COLUMNS.map((c) => [c, ''])) as TermRow;
  return { ...empty, ...base, ...given };
}

function validEntry(row: TermRow): GlossaryEntry {
  const problems = rowProblems(row);
  if (problems.length > 0) throw new InvalidInputError(messages.invalid(problems), 'invalid_entry', { errors: problems.map((message) => ({ message })) });
  return rowToEntry(row);
}

/** What a search looks in, folded like ru_key; lines keep a query from matching across two fields. */
function searchKey(entry: GlossaryEntry): string {
  return ruKey([entry.ru, entry.en, entry.enGb ?? '', entry.note].join('\n'));
}

function sameFields(a: GlossaryEntry, b: GlossaryEntry): boolean {
  return JSON.stringify(entryToRow(a)) === JSON.stringify(entryToRow(b));
}

/** The columns an entry's content fills, shared by inserts and updates. */
function contentColumns(entry: GlossaryEntry) {
  return {
    ru: entry.ru,
    ru_key: ruKey(entry.ru),
    en: entry.en,
    en_gb: entry.enGb ?? null,
    type: entry.type,
    gender: entry.gender ?? null,
    forbidden: JSON.stringify(entry.forbidden),
    note: entry.note,
    source: entry.source,
    search: searchKey(entry),
  };
}

function toRow(entry: GlossaryEntry, { stamp, actor }: { stamp: string; actor: Actor }) {
  return {
    id: entry.id,
    ...contentColumns(entry),
    status: 'active' as const,
    version: 1,
    created_at: stamp,
    updated_at: stamp,
    updated_by: actor.userId,
  };
}

function changeSet(entry: GlossaryEntry, current: GlossaryEntryRow, actor: Actor, stamp = now()) {
  return {
    ...contentColumns(entry),
    ...stampSet(current, actor, stamp),
  };
}

function stampSet(current: GlossaryEntryRow, actor: Actor, stamp = now()) {
  return { version: current.version + 1, updated_at: stamp, updated_by: actor.userId };
}

interface HistoryInput {
  entryId: string;
  action: GlossaryHistoryRow['action'];
  before: StoredFields | null;
  after: StoredFields;
  actor: Actor;
  revision: number;
  detail?: string | null;
}

async function addHistory(trx: Db, h: HistoryInput): Promise<void> {
  await trx.insertInto('glossary_history').values(historyRow(h, now())).execute();
}

function historyRow(h: HistoryInput, stamp: string) {
  return {
    entry_id: h.entryId,
    action: h.action,
    before: h.before ? JSON.stringify(h.before) : null,
    after: JSON.stringify(h.after),
    user_id: h.actor.userId,
    user_name: h.actor.name,
    detail: h.detail ?? null,
    revision: h.revision,
    created_at: stamp,
  };
}

/** Rows per multi-row statement: well under SQLite's limit of bound variables. */
function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function toGlossaryEntry(r: GlossaryEntryRow): GlossaryEntry {
  return {
    id: r.id,
    ru: r.ru,
    en: r.en,
    ...(r.en_gb ? { enGb: r.en_gb } : {}),
    type: r.type,
    ...(r.gender ? { gender: r.gender } : {}),
    forbidden: parseForbidden(r.forbidden),
    note: r.note,
    source: r.source,
  };
}

function toStoredEntry(r: GlossaryEntryRow): StoredEntry {
  return { ...toGlossaryEntry(r), status: r.status, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at };
}

function toHistoryItem(r: GlossaryHistoryRow): HistoryItem {
  return {
    id: r.id,
    action: r.action,
    before: r.before ? (JSON.parse(r.before) as StoredFields) : null,
    after: JSON.parse(r.after) as StoredFields,
    by: r.user_name,
    detail: r.detail,
    revision: r.revision,
    createdAt: r.created_at,
  };
}

function parseForbidden(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : splitForbidden(String(value));
}
