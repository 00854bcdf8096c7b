import { z } from 'zod';
import type { Principal } from '../auth/principal.js';
import { can } from '../auth/permissions.js';
import type { AppContext } from '../context.js';
import { now } from '../db/database.js';
import type { SegmentRow } from '../db/schema.js';
import { findDocument, findSegment } from '../documents/repository.js';
import { BadRequestError, ConflictError, ForbiddenError, InvalidInputError } from '../errors.js';
import { checkSegments, type SegmentIssue } from '../checks/service.js';
import { diffAgainstMt, type DiffPart } from './diff.js';

const messages = {
  approvedDocument: 'This document is approved; an editor must reopen it before segments change',
  stale: 'Someone else changed this segment since you loaded it; the current text is attached',
  emptyConfirm: 'An empty translation cannot be confirmed',
  approveRole: 'Only editors may mark a segment approved',
  nothing: 'Send a target, a status, or both',
};

export const segmentPatchSchema = z
  .object({
    target: z.string().max(10_000, 'target must be at most 10,000 characters').optional(),
    status: z.enum(['draft', 'translated', 'approved'], { message: 'status must be draft, translated or approved' }).optional(),
    version: z.number({ message: 'version (the segment version you edited) is required' }).int().positive(),
  })
  .strict();
export type SegmentPatch = z.infer<typeof segmentPatchSchema>;

export interface SegmentChange {
  segment: SegmentRow;
  diff: DiffPart[];
  /** The segment's QA issues after this save. */
  issues: SegmentIssue[];
}

/**
 * Saves a translator's edit. `version` is the segment version the client last saw: a stale one
 * gets 409 with the current segment instead of silently overwriting someone else's work.
 */
export async function updateSegment(
  ctx: AppContext,
  documentId: number,
  segmentId: number,
  input: unknown,
  principal: Principal,
): Promise<SegmentChange> {
  const parsed = segmentPatchSchema.safeParse(input);
  if (!parsed.success) throw new BadRequestError(parsed.error.issues.map((i) => i.message).join('; '));
  const patch = parsed.data;
  if (patch.target === undefined && patch.status === undefined) throw new BadRequestError(messages.nothing);
  if (patch.status === 'approved' && !can(principal.role, 'documents:approve')) throw new ForbiddenError(messages.approveRole);

  const segment = await ctx.db.transaction().execute(async (trx) => {
    const doc = await findDocument(trx, documentId);
    if (doc.status === 'approved') throw new ConflictError(messages.approvedDocument, 'document_approved');
    const current = await findSegment(trx, documentId, segmentId);
    if (current.version !== patch.version) {
      throw new ConflictError(messages.stale, 'stale_version', { segment: current });
    }
    const target = patch.target ?? current.target;
    const targetChanged = target !== current.target;
    // Editing a confirmed segment without confirming again puts it back to draft (as CAT tools do).
    const status = patch.status ?? (targetChanged ? 'draft' : current.status);
    if (status !== 'draft' && target.trim() === '') throw new InvalidInputError(messages.emptyConfirm, 'empty_target');
    if (!targetChanged && status === current.status) return current;
    const stamp = now();
    const updated = await trx
      .updateTable('segments')
      .set({ target, status, version: current.version + 1, updated_by: principal.userId, updated_at: stamp })
      .where('id', '=', segmentId)
      .where('version', '=', current.version)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('segment_revisions')
      .values({ segment_id: segmentId, target, status, origin: 'human', engine: null, user_id: principal.userId, created_at: stamp })
      .execute();
    await trx.updateTable('documents').set({ updated_at: stamp }).where('id', '=', documentId).execute();
    return updated;
  });
  const issues = (await checkSegments(ctx, [segment.id])).get(segment.id) ?? [];
  return { segment, diff: diffAgainstMt(segment.mt, segment.target), issues };
}
