import type { AppContext } from '../context.js';
import { recheckOpenDocuments } from '../checks/service.js';
import { BadRequestError, InvalidInputError } from '../errors.js';
import { getGlossaryFormat, importFormatFor } from './formats/registry.js';
import {
  createEntry,
  getEntry,
  importEntries,
  listEntries,
  restoreEntry,
  retireEntry,
  updateEntry,
  activeGlossary,
  type Actor,
  type EntryFilter,
  type EntryInput,
  type ImportMode,
  type ImportSummary,
  type StoredEntry,
} from './store.js';

/*
 * The glossary's use cases, as the web pages, the API and the CLI call them: the store does the
 * work in one transaction; afterwards the checks of every document not yet approved run again in
 * the background, so a changed official English shows up on the review pages.
 */

const messages = {
  mode: 'mode must be merge or replace',
};

export type { EntryFilter, EntryInput, ImportSummary, StoredEntry };

export function listGlossary(ctx: Pick<AppContext, 'db'>, filter: EntryFilter = {}): Promise<StoredEntry[]> {
  return listEntries(ctx.db, filter);
}

export function getGlossaryEntry(ctx: Pick<AppContext, 'db'>, id: string) {
  return getEntry(ctx.db, id);
}

export async function createGlossaryEntry(ctx: AppContext, input: EntryInput, actor: Actor): Promise<StoredEntry> {
  return afterChange(ctx, await createEntry(ctx.db, input, actor));
}

export async function updateGlossaryEntry(ctx: AppContext, id: string, input: EntryInput & { version: number }, actor: Actor): Promise<StoredEntry> {
  return afterChange(ctx, await updateEntry(ctx.db, id, input, actor));
}

export async function retireGlossaryEntry(ctx: AppContext, id: string, options: { version?: number; reason?: string }, actor: Actor): Promise<StoredEntry> {
  return afterChange(ctx, await retireEntry(ctx.db, id, options, actor));
}

export async function restoreGlossaryEntry(ctx: AppContext, id: string, options: { version?: number; reason?: string }, actor: Actor): Promise<StoredEntry> {
  return afterChange(ctx, await restoreEntry(ctx.db, id, options, actor));
}

export interface GlossaryUpload {
  /** The file's bytes, or its text when it came as a string. */
  bytes?: Uint8Array;
  text?: string;
  fileName: string;
  /** A format id; guessed from the file name when absent. */
  format?: string;
  mode?: string;
}

/**
 * Imports a TBX, CSV or TSV file: every problem in the file is reported at once, by line, and
 * nothing is stored unless the whole file is valid (422 invalid_glossary with details.errors).
 */
export async function importGlossaryFile(ctx: AppContext, upload: GlossaryUpload, actor: Actor): Promise<ImportSummary & { format: string }> {
  const mode = (upload.mode || 'merge') as ImportMode;
  if (mode !== 'merge' && mode !== 'replace') throw new BadRequestError(messages.mode, 'bad_mode');
  const format = importFormatFor(upload.format || undefined, upload.fileName);
  const located = await ctx.pool.run('readGlossaryFile', { formatId: format.id, fileName: upload.fileName, bytes: upload.bytes, text: upload.text });
  const summary = await importEntries(ctx.db, located, { mode, fileName: upload.fileName }, actor);
  if (summary.created + summary.updated + summary.restored + summary.retired > 0) scheduleRecheck(ctx);
  return { ...summary, format: format.id };
}

export interface GlossaryFile {
  body: string;
  filename: string;
  contentType: string;
}

/** The active glossary in an export format; provider formats (deepl, google) carry the configured spelling. */
export async function exportGlossary(ctx: AppContext, formatId: string): Promise<GlossaryFile> {
  const format = getGlossaryFormat(formatId);
  if (!format.write) throw new BadRequestError(`Glossary format "${formatId}" can only be imported`, 'unknown_glossary_format');
  const { entries } = await activeGlossary(ctx.db);
  const suffix = format.id === 'deepl' || format.id === 'google' ? `-${format.id}` : '';
  return { body: format.write(entries, { spelling: ctx.config.TANDEM_SPELLING }), filename: `tandem-glossary${suffix}.${format.extension}`, contentType: format.contentType };
}

function afterChange<T>(ctx: AppContext, result: T): T {
  scheduleRecheck(ctx);
  return result;
}

const queued = new WeakSet<object>();

/** One recheck queued at a time: a burst of edits costs one pass, and a change made during a pass queues the next. */
function scheduleRecheck(ctx: AppContext): void {
  if (queued.has(ctx)) return;
  queued.add(ctx);
  ctx.jobs.enqueue('recheck after a glossary change', async () => {
    queued.delete(ctx);
    const { documents, segments } = await recheckOpenDocuments(ctx);
    ctx.logger.info(`glossary changed: rechecked ${segments} segments of ${documents} open documents`);
  });
}
