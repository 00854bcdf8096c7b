import type { Principal } from '../auth/principal.js';
import type { AppContext } from '../context.js';
import { now } from '../db/database.js';
import { findDocument, listSegments } from '../documents/repository.js';
import { ConflictError } from '../errors.js';
import { assertNoOpenIssues, checkDocument } from '../checks/service.js';

const messages = {
  alreadyApproved: 'This document is already approved',
  unconfirmed: (n: number) => `${n} segment${n === 1 ? ' is' : 's are'} not confirmed yet; confirm every segment before approving`,
  emptyDocument: 'A document without segments cannot be approved',
  notApproved: 'Only an approved document can be reopened',
  jobRunning: 'Machine translation is still running for this document',
};

/**
 * Approves a document whose segments are all confirmed, and stores the result as the next
 * immutable numbered version (v1, v2 after a reopen, ...). All in one transaction.
 */
export async function approveDocument(ctx: AppContext, documentId: number, principal: Principal): Promise<{ version: number }> {
  // Fresh results, so a glossary change or an old import cannot slip past the checks.
  await checkDocument(ctx, documentId);
  return ctx.db.transaction().execute(async (trx) => {
    const doc = await findDocument(trx, documentId);
    if (doc.status === 'approved') throw new ConflictError(messages.alreadyApproved, 'already_approved');
    const running = await trx
      .selectFrom('jobs')
      .select('id')
      .where('document_id', '=', documentId)
      .where('state', 'in', ['queued', 'running'])
      .executeTakeFirst();
    if (running) throw new ConflictError(messages.jobRunning, 'job_running', { jobId: running.id });
    const segments = await listSegments(trx, documentId);
    if (segments.length === 0) throw new ConflictError(messages.emptyDocument, 'empty_document');
    const unconfirmed = segments.filter((s) => s.status === 'draft');
    if (unconfirmed.length > 0) {
      throw new ConflictError(messages.unconfirmed(unconfirmed.length), 'unconfirmed_segments', {
        segmentIds: unconfirmed.map((s) => s.id),
      });
    }
    await assertNoOpenIssues(trx, documentId);
    const number = doc.latest_version + 1;
    const stamp = now();
    const { id: versionId } = await trx
      .insertInto('document_versions')
      .values({ document_id: documentId, number, title: doc.title, approved_by: principal.userId, approved_at: stamp })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < segments.length; i += 200) {
      await trx
        .insertInto('version_segments')
        .values(
          segments.slice(i, i + 200).map((s) => ({
            version_id: versionId,
            idx: s.idx,
            paragraph: s.paragraph,
            kind: s.kind,
            source: s.source,
            target: s.target,
          })),
        )
        .execute();
    }
    await trx
      .updateTable('segments')
      .set((eb) => ({ status: 'approved', version: eb('version', '+', 1) }))
      .where('document_id', '=', documentId)
      .where('status', '!=', 'approved')
      .execute();
    await trx
      .updateTable('documents')
      .set({ status: 'approved', latest_version: number, updated_at: stamp })
      .where('id', '=', documentId)
      .execute();
    await trx
      .insertInto('document_events')
      .values({ document_id: documentId, type: 'approved', detail: `v${number}`, user_id: principal.userId, created_at: stamp })
      .execute();
    return { version: number };
  });
}

/** Puts an approved document back into work; its approved versions stay as they were. */
export async function reopenDocument(ctx: AppContext, documentId: number, principal: Principal, reason?: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const doc = await findDocument(trx, documentId);
    if (doc.status !== 'approved') throw new ConflictError(messages.notApproved, 'not_approved');
    const stamp = now();
    await trx.updateTable('documents').set({ status: 'in_progress', updated_at: stamp }).where('id', '=', documentId).execute();
    await trx
      .insertInto('document_events')
      .values({ document_id: documentId, type: 'reopened', detail: reason?.trim() || null, user_id: principal.userId, created_at: stamp })
      .execute();
  });
}
