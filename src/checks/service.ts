import { z } from 'zod';
import { can } from '../auth/permissions.js';
import type { Principal } from '../auth/principal.js';
import type { AppContext } from '../context.js';
import { now, type Db } from '../db/database.js';
import type { SegmentIssueRow } from '../db/schema.js';
import { findDocument } from '../documents/repository.js';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import type { Glossary, GlossaryEntry } from '../glossary/glossary.js';
import { entriesById, type Severity } from './check.js';
import { runChecks, type CheckedIssue } from './registry.js';
import { yieldToEventLoop } from '../event-loop.js';

const messages = {
  reason: 'Give a reason for the override (at least 3 characters, at most 1,000)',
  overrideRole: 'Only editors may override a check',
  approved: 'This document is approved; reopen it before overriding checks',
  already: 'This issue is already overridden',
  open: (n: number) => `${n} check${n === 1 ? '' : 's'} must be fixed or overridden by an editor before approval`,
};

/** A stored issue as the API and the review page show it. */
export interface SegmentIssue {
  id: number;
  segmentId: number;
  check: string;
  code: string;
  severity: Severity;
  message: string;
  details: Record<string, unknown>;
  createdAt: string;
  /** An error that is not overridden: it blocks approval. */
  blocking: boolean;
  override: { by: string; reason: string; at: string } | null;
}

/** What the checks need from the app: the database and the current glossary. */
export type CheckContext = Pick<AppContext, 'db' | 'glossary'>;

const CHUNK = 400;
const maps = new WeakMap<Glossary, ReadonlyMap<string, GlossaryEntry>>();

/**
 * Runs every check on the given segments and replaces their stored issues, in one transaction
 * (or inside `db` when it already is one). An issue that comes back identical keeps its id and
 * its override. Returns the current issues per segment id.
 */
export async function checkSegments(ctx: CheckContext, segmentIds: readonly number[], db: Db = ctx.db): Promise<Map<number, SegmentIssue[]>> {
  const ids = [...new Set(segmentIds)];
  if (ids.length === 0) return new Map();
  const glossary = await ctx.glossary();
  let glossaryMap = maps.get(glossary);
  if (!glossaryMap) maps.set(glossary, (glossaryMap = entriesById(glossary.entries)));
  const entries = glossaryMap;
  const work = async (trx: Db) => {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const segments = await trx.selectFrom('segments').select(['id', 'source', 'target']).where('id', 'in', chunk).execute();
      const stored = await trx.selectFrom('segment_issues').selectAll().where('segment_id', 'in', chunk).execute();
      const storedBySegment = new Map<number, SegmentIssueRow[]>();
      for (const r of stored) storedBySegment.set(r.segment_id, [...(storedBySegment.get(r.segment_id) ?? []), r]);
      const keep = new Set<number>();
      const fresh: ReturnType<typeof toRow>[] = [];
      for (const s of segments) {
        const found = runChecks({ source: s.source, target: s.target, matches: glossary.match(s.source), glossary: entries });
        const candidates = storedBySegment.get(s.id) ?? [];
        for (const issue of found) {
          const row = toRow(s.id, issue);
          const same = candidates.find((r) => !keep.has(r.id) && identity(r) === identity(row));
          if (same) keep.add(same.id);
          else fresh.push(row);
        }
      }
      const stale = stored.filter((r) => !keep.has(r.id)).map((r) => r.id);
      if (stale.length) await trx.deleteFrom('segment_issues').where('id', 'in', stale).execute();
      const stamp = now();
      // Chunked to stay under SQLite's bound-parameter limit on long documents.
      for (let j = 0; j < fresh.length; j += 200) {
        await trx
          .insertInto('segment_issues')
          .values(fresh.slice(j, j + 200).map((row) => ({ ...row, created_at: stamp, overridden_by: null, override_reason: null, overridden_at: null })))
          .execute();
      }
    }
    const rows = await issueQuery(trx).where('i.segment_id', 'in', ids).orderBy('i.id').execute();
    return groupBySegment(rows.map(toIssue), ids);
  };
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/** Rechecks every segment of one document. */
export async function checkDocument(ctx: CheckContext, documentId: number): Promise<Map<number, SegmentIssue[]>> {
  const rows = await ctx.db.selectFrom('segments').select('id').where('document_id', '=', documentId).execute();
  return checkSegments(ctx, rows.map((r) => r.id));
}

/** Segments rechecked per transaction after a glossary change. */
const RECHECK_STEP = 250;

/**
 * Rechecks every document not approved; the glossary service calls this after each change. Each
 * step of segments is its own transaction and the event loop gets a turn between steps, so a
 * glossary change with many long documents open never holds other requests for long.
 */
export async function recheckOpenDocuments(ctx: CheckContext): Promise<{ documents: number; segments: number }> {
  const docs = await ctx.db.selectFrom('documents').select('id').where('status', '!=', 'approved').orderBy('id').execute();
  let segments = 0;
  for (const { id } of docs) {
    const rows = await ctx.db.selectFrom('segments').select('id').where('document_id', '=', id).orderBy('idx').execute();
    for (let i = 0; i < rows.length; i += RECHECK_STEP) {
      segments += (await checkSegments(ctx, rows.slice(i, i + RECHECK_STEP).map((r) => r.id))).size;
      await yieldToEventLoop();
    }
  }
  return { documents: docs.length, segments };
}

/** Every stored issue of a document, in segment order. */
export async function documentIssues(ctx: CheckContext, documentId: number): Promise<SegmentIssue[]> {
  await findDocument(ctx.db, documentId);
  const rows = await issueQuery(ctx.db).where('s.document_id', '=', documentId).orderBy('s.idx').orderBy('i.id').execute();
  return rows.map(toIssue);
}

const overrideSchema = z.string({ message: messages.reason }).trim().min(3, messages.reason).max(1000, messages.reason);

/** An editor accepts an issue with a reason; the reason stays on the issue and in the document's history. */
export async function overrideIssue(ctx: CheckContext, documentId: number, issueId: number, reason: unknown, principal: Principal): Promise<SegmentIssue> {
  if (!can(principal.role, 'documents:approve')) throw new ForbiddenError(messages.overrideRole);
  const parsed = overrideSchema.safeParse(reason);
  if (!parsed.success) throw new BadRequestError(messages.reason, 'reason_required');
  return ctx.db.transaction().execute(async (trx) => {
    const doc = await findDocument(trx, documentId);
    if (doc.status === 'approved') throw new ConflictError(messages.approved, 'document_approved');
    const issue = await issueQuery(trx).where('i.id', '=', issueId).where('s.document_id', '=', documentId).executeTakeFirst();
    if (!issue) throw new NotFoundError(`Issue ${issueId} of document ${documentId}`);
    if (issue.overridden_at) throw new ConflictError(messages.already, 'already_overridden');
    const stamp = now();
    await trx
      .updateTable('segment_issues')
      .set({ overridden_by: principal.userId, override_reason: parsed.data, overridden_at: stamp })
      .where('id', '=', issueId)
      .execute();
    await trx
      .insertInto('document_events')
      .values({
        document_id: documentId,
        type: 'issue_overridden',
        detail: `segment ${issue.idx + 1}, ${issue.check_id}/${issue.code} (${issue.message}) by ${principal.name}: ${parsed.data}`,
        user_id: principal.userId,
        created_at: stamp,
      })
      .execute();
    return toIssue((await issueQuery(trx).where('i.id', '=', issueId).executeTakeFirstOrThrow()));
  });
}

/** Throws 409 open_issues, with the blocking issue ids, while an error is neither fixed nor overridden. */
export async function assertNoOpenIssues(db: Db, documentId: number): Promise<void> {
  const open = await issueQuery(db)
    .where('s.document_id', '=', documentId)
    .where('i.severity', '=', 'error')
    .where('i.overridden_at', 'is', null)
    .orderBy('s.idx')
    .execute();
  if (open.length) throw new ConflictError(messages.open(open.length), 'open_issues', { issueIds: open.map((r) => r.id), segmentIds: [...new Set(open.map((r) => r.segment_id))] });
}

function issueQuery(db: Db) {
  return db
    .selectFrom('segment_issues as i')
    .innerJoin('segments as s', 's.id', 'i.segment_id')
    .leftJoin('users as u', 'u.id', 'i.overridden_by')
    .selectAll('i')
    .select(['s.document_id', 's.idx', 'u.username as overridden_by_name']);
}

type IssueQueryRow = SegmentIssueRow & { idx: number; overridden_by_name: string | null };

function toRow(segmentId: number, issue: CheckedIssue) {
  return { segment_id: segmentId, check_id: issue.checkId, code: issue.code, severity: issue.severity, message: issue.message, details: JSON.stringify(issue.details ?? {}) };
}

function identity(r: Pick<SegmentIssueRow, 'check_id' | 'code' | 'severity' | 'message' | 'details'>): string {
  return JSON.stringify([r.check_id, r.code, r.severity, r.message, r.details]);
}

function toIssue(r: IssueQueryRow): SegmentIssue {
  return {
    id: r.id,
    segmentId: r.segment_id,
    check: r.check_id,
    code: r.code,
    severity: r.severity,
    message: r.message,
    details: JSON.parse(r.details) as Record<string, unknown>,
    createdAt: r.created_at,
    blocking: r.severity === 'error' && r.overridden_at === null,
    override: r.overridden_at ? { by: r.overridden_by_name ?? 'an API token', reason: r.override_reason ?? '', at: r.overridden_at } : null,
  };
}

function groupBySegment(issues: SegmentIssue[], ids: readonly number[]): Map<number, SegmentIssue[]> {
  const out = new Map<number, SegmentIssue[]>(ids.map((id) => [id, []]));
  for (const issue of issues) out.get(issue.segmentId)?.push(issue);
  return out;
}
