import type { Principal } from '../auth/principal.js';
import type { AppContext } from '../context.js';
import type { DocumentRow, JobRow, SegmentRow, VersionRow } from '../db/schema.js';
import { startTranslation } from '../jobs/translate-job.js';
import { findDocument, insertDocument, listDocuments, listSegments, progressOf, type DocumentSummary, type Progress } from './repository.js';

export interface ImportRequest {
  text?: string;
  bytes?: Buffer;
  filename?: string;
  contentType?: string;
  title?: string;
  encoding?: 'utf-8' | 'windows-1251';
  engine?: string;
  /** Start machine translation right away (the default): every segment gets an MT draft. */
  translate?: boolean;
}

/** Imports an article: validates and segments it, stores it, and queues its machine translation. */
export async function importDocument(
  ctx: AppContext,
  request: ImportRequest,
  principal: Principal,
): Promise<{ document: DocumentRow; job: JobRow | null }> {
  const engine = ctx.engines.get(request.engine ?? ctx.config.TANDEM_DEFAULT_ENGINE).id;
  // Untrusted bytes are parsed on a worker thread, bounded in time and memory; nothing is stored until they pass.
  const prepared = await ctx.pool.run('prepareDocument', {
    document: {
      text: request.text,
      bytes: request.bytes,
      filename: request.filename,
      contentType: request.contentType,
      title: request.title,
      encoding: request.encoding,
    },
    limits: { maxBytes: ctx.config.TANDEM_MAX_UPLOAD_MB * 1024 * 1024 },
  });
  const id = await insertDocument(ctx.db, prepared, {
    engine,
    filename: request.filename ?? null,
    createdBy: principal.userId,
  });
  const job = request.translate === false ? null : await startTranslation(ctx, id, { engine }, principal);
  return { document: await findDocument(ctx.db, id), job };
}

export interface DocumentDetail {
  document: DocumentRow;
  segments: SegmentRow[];
  progress: Progress;
  versions: VersionRow[];
  activeJob: JobRow | null;
}

export async function getDocumentDetail(ctx: AppContext, id: number): Promise<DocumentDetail> {
  const document = await findDocument(ctx.db, id);
  const [segments, versions, activeJob] = await Promise.all([
    listSegments(ctx.db, id),
    ctx.db.selectFrom('document_versions').selectAll().where('document_id', '=', id).orderBy('number', 'desc').execute(),
    ctx.db
      .selectFrom('jobs')
      .selectAll()
      .where('document_id', '=', id)
      .where('state', 'in', ['queued', 'running'])
      .orderBy('id', 'desc')
      .executeTakeFirst(),
  ]);
  return { document, segments, progress: progressOf(segments), versions, activeJob: activeJob ?? null };
}

export function listDocumentSummaries(ctx: AppContext): Promise<DocumentSummary[]> {
  return listDocuments(ctx.db);
}
