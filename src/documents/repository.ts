import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { now } from '../db/database.js';
import type { DocumentRow, SegmentRow, SegmentStatus } from '../db/schema.js';
import { NotFoundError } from '../errors.js';
import type { PreparedDocument } from './prepared.js';
import { yieldToEventLoop } from '../event-loop.js';

export interface Progress {
  total: number;
  draft: number;
  translated: number;
  approved: number;
  /** Segments with any MT draft. */
  withMt: number;
}

export interface DocumentSummary extends DocumentRow {
  progress: Progress;
}

/** Stores a prepared article and all its segments in one transaction. */
export async function insertDocument(
  db: Db,
  doc: PreparedDocument,
  meta: { engine: string; filename: string | null; createdBy: number | null },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const stamp = now();
    const { id } = await trx
      .insertInto('documents')
      .values({
        title: doc.title,
        source_lang: 'ru',
        target_lang: 'en',
        status: 'in_progress',
        engine: meta.engine,
        source_format: doc.format,
        original_filename: meta.filename,
        created_by: meta.createdBy,
        created_at: stamp,
        updated_at: stamp,
        latest_version: 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rows = doc.paragraphs.flatMap((p, paragraph) =>
      p.segments.map((s) => ({ paragraph, kind: s.kind, source: s.source })),
    );
    // Chunked so a 2,000-segment article stays under SQLite's bound-parameter limit, and so a long one lets requests through.
    for (let i = 0; i < rows.length; i += 200) {
      if (i > 0) await yieldToEventLoop();
      await trx
        .insertInto('segments')
        .values(
          rows.slice(i, i + 200).map((r, j) => ({
            document_id: id,
            idx: i + j,
            paragraph: r.paragraph,
            kind: r.kind,
            source: r.source,
            mt: null,
            mt_engine: null,
            target: '',
            status: 'draft' as const,
            version: 1,
            updated_by: null,
            updated_at: stamp,
          })),
        )
        .execute();
    }
    await trx
      .insertInto('document_events')
      .values({ document_id: id, type: 'imported', detail: meta.filename, user_id: meta.createdBy, created_at: stamp })
      .execute();
    return id;
  });
}

export async function findDocument(db: Db, id: number): Promise<DocumentRow> {
  const doc = await db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!doc) throw new NotFoundError(`Document ${id}`);
  return doc;
}

export function listSegments(db: Db, documentId: number): Promise<SegmentRow[]> {
  return db.selectFrom('segments').selectAll().where('document_id', '=', documentId).orderBy('idx').execute();
}

export async function findSegment(db: Db, documentId: number, segmentId: number): Promise<SegmentRow> {
  const seg = await db
    .selectFrom('segments')
    .selectAll()
    .where('document_id', '=', documentId)
    .where('id', '=', segmentId)
    .executeTakeFirst();
  if (!seg) throw new NotFoundError(`Segment ${segmentId} of document ${documentId}`);
  return seg;
}

export function progressOf(segments: Pick<SegmentRow, 'status' | 'mt'>[]): Progress {
  const p: Progress = { total: segments.length, draft: 0, translated: 0, approved: 0, withMt: 0 };
  for (const s of segments) {
    p[s.status] += 1;
    if (s.mt !== null) p.withMt += 1;
  }
  return p;
}

/** Every document, newest first, with segment counts per status computed in SQL. */
export async function listDocuments(db: Db): Promise<DocumentSummary[]> {
  const docs = await db.selectFrom('documents').selectAll().orderBy('id', 'desc').execute();
  const counts = await db
    .selectFrom('segments')
    .select(['document_id', 'status', sql<number>`count(*)`.as('n'), sql<number>`count(mt)`.as('mt')])
    .groupBy(['document_id', 'status'])
    .execute();
  const byDoc = new Map<number, Progress>();
  for (const c of counts) {
    const p = byDoc.get(c.document_id) ?? { total: 0, draft: 0, translated: 0, approved: 0, withMt: 0 };
    p[c.status as SegmentStatus] += Number(c.n);
    p.total += Number(c.n);
    p.withMt += Number(c.mt);
    byDoc.set(c.document_id, p);
  }
  return docs.map((d) => ({ ...d, progress: byDoc.get(d.id) ?? { total: 0, draft: 0, translated: 0, approved: 0, withMt: 0 } }));
}
