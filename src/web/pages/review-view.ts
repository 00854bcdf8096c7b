import type { DocumentDetail } from '../../documents/service.js';
import { can } from '../../auth/permissions.js';
import type { Principal } from '../../auth/principal.js';
import { diffAgainstMt } from '../../review/diff.js';
import type { SegmentRow } from '../../db/schema.js';

/** What the review page shows: paragraphs of segments with their diffs, and what this user may do. */
export function reviewView(detail: DocumentDetail, principal: Principal) {
  const paragraphs: { index: number; segments: (SegmentRow & { diff: ReturnType<typeof diffAgainstMt> })[] }[] = [];
  for (const s of detail.segments) {
    let p = paragraphs.at(-1);
    if (!p || p.index !== s.paragraph) {
      p = { index: s.paragraph, segments: [] };
      paragraphs.push(p);
    }
    const diff = diffAgainstMt(s.mt, s.target);
    // An untouched draft needs no diff: it would only repeat the target.
    p.segments.push({ ...s, diff: diff.some((d) => d.op !== 'same') ? diff : [] });
  }
  const { progress } = detail;
  const confirmed = progress.translated + progress.approved;
  const editable = detail.document.status !== 'approved';
  return {
    document: detail.document,
    paragraphs,
    progress,
    percent: progress.total ? Math.round((confirmed / progress.total) * 100) : 0,
    versions: detail.versions,
    activeJob: detail.activeJob,
    editable,
    canApprove: can(principal.role, 'documents:approve'),
    approvable: editable && progress.total > 0 && progress.draft === 0 && !detail.activeJob,
  };
}
