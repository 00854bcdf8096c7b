import type { AppContext } from '../context.js';
import type { VersionRow } from '../db/schema.js';
import { findDocument } from '../documents/repository.js';
import { NotFoundError } from '../errors.js';
import type { ExportedParagraph, ExportedVersion } from '../exports/exporter.js';

export async function listVersions(ctx: AppContext, documentId: number): Promise<VersionRow[]> {
  await findDocument(ctx.db, documentId);
  return ctx.db.selectFrom('document_versions').selectAll().where('document_id', '=', documentId).orderBy('number').execute();
}

/** An approved version exactly as it was approved, in the shape every exporter takes. */
export async function loadVersion(ctx: AppContext, documentId: number, number: number): Promise<ExportedVersion> {
  const doc = await findDocument(ctx.db, documentId);
  const version = await ctx.db
    .selectFrom('document_versions')
    .leftJoin('users', 'users.id', 'document_versions.approved_by')
    .select(['document_versions.id', 'document_versions.title', 'document_versions.approved_at', 'users.username'])
    .where('document_id', '=', documentId)
    .where('number', '=', number)
    .executeTakeFirst();
  if (!version) throw new NotFoundError(`Version ${number} of document ${documentId}`);
  const rows = await ctx.db.selectFrom('version_segments').selectAll().where('version_id', '=', version.id).orderBy('idx').execute();
  const paragraphs: ExportedParagraph[] = [];
  for (const r of rows) {
    let p = paragraphs.at(-1);
    if (!p || p.index !== r.paragraph) {
      p = { index: r.paragraph, segments: [] };
      paragraphs.push(p);
    }
    p.segments.push({ index: r.idx, kind: r.kind, source: r.source, target: r.target });
  }
  return {
    documentId,
    version: number,
    title: version.title,
    sourceLang: doc.source_lang,
    targetLang: doc.target_lang,
    approvedAt: version.approved_at,
    approvedBy: version.username ?? null,
    paragraphs,
  };
}
