import type { DocumentDetail } from '../../documents/service.js';
import { can } from '../../auth/permissions.js';
import type { Principal } from '../../auth/principal.js';
import { accepted } from '../../checks/terminology.js';
import type { SegmentIssue } from '../../checks/service.js';
import { diffAgainstMt } from '../../review/diff.js';
import type { ReviewAnnotations } from '../../review/annotations.js';
import type { SegmentRow } from '../../db/schema.js';
import type { GlossaryEntry, TermMatch } from '../../glossary/glossary.js';

const messages = {
  confirmAll: 'Confirm every segment to approve',
  blocking: (n: number) => `${n} check${n === 1 ? '' : 's'} to fix or override before approval`,
  official: (m: TermMatch) => `Official: ${m.target}`,
  ambiguous: (m: TermMatch) => `Ambiguous — decide: is this ${m.target}? (the Russian alone cannot tell)`,
};

/** A run of the source: plain text, or a glossary term with its official English. */
export interface SourcePart {
  text: string;
  term?: { entryId: string; target: string; ambiguous: boolean; title: string };
}

type ReviewSegment = SegmentRow & {
  diff: ReturnType<typeof diffAgainstMt>;
  sourceParts: SourcePart[];
  issues: SegmentIssue[];
  /** English forms to highlight in the target (JSON for public/review.js). */
  termForms: string;
};

/** What the review page shows: paragraphs of segments with their diffs, terms and issues, and what this user may do. */
export function reviewView(detail: DocumentDetail, principal: Principal, annotations?: ReviewAnnotations) {
  const paragraphs: { index: number; segments: ReviewSegment[] }[] = [];
  for (const s of detail.segments) {
    let p = paragraphs.at(-1);
    if (!p || p.index !== s.paragraph) {
      p = { index: s.paragraph, segments: [] };
      paragraphs.push(p);
    }
    const diff = diffAgainstMt(s.mt, s.target);
    const notes = annotations?.notes.get(s.id) ?? { terms: [], issues: [] };
    p.segments.push({
      ...s,
      // An untouched draft needs no diff: it would only repeat the target.
      diff: diff.some((d) => d.op !== 'same') ? diff : [],
      sourceParts: sourceParts(s.source, notes.terms),
      issues: notes.issues,
      termForms: JSON.stringify(termForms(notes.terms, annotations?.entries)),
    });
  }
  const { progress } = detail;
  const confirmed = progress.translated + progress.approved;
  const editable = detail.document.status !== 'approved';
  const blocking = [...(annotations?.notes.values() ?? [])].reduce((n, notes) => n + notes.issues.filter((i) => i.blocking).length, 0);
  const approvable = editable && progress.total > 0 && progress.draft === 0 && !detail.activeJob && blocking === 0;
  const canApprove = can(principal.role, 'documents:approve');
  return {
    document: detail.document,
    paragraphs,
    progress,
    percent: progress.total ? Math.round((confirmed / progress.total) * 100) : 0,
    versions: detail.versions,
    activeJob: detail.activeJob,
    editable,
    canApprove,
    approvable,
    approveHint: approvable ? '' : progress.draft > 0 || progress.total === 0 ? messages.confirmAll : blocking > 0 ? messages.blocking(blocking) : '',
    blocking,
    canOverride: canApprove && editable,
    canEditGlossary: can(principal.role, 'glossary:manage'),
    names: annotations?.names ?? [],
  };
}

/** Splits the source at its glossary matches (non-overlapping, left to right, as the matcher returns them). */
export function sourceParts(source: string, terms: readonly TermMatch[]): SourcePart[] {
  const parts: SourcePart[] = [];
  let at = 0;
  for (const m of [...terms].sort((a, b) => a.start - b.start)) {
    if (m.start < at || m.end > source.length) continue;
    if (m.start > at) parts.push({ text: source.slice(at, m.start) });
    parts.push({
      text: source.slice(m.start, m.end),
      term: { entryId: m.entryId, target: m.target, ambiguous: m.ambiguous, title: m.ambiguous ? messages.ambiguous(m) : messages.official(m) },
    });
    at = m.end;
  }
  if (at < source.length || parts.length === 0) parts.push({ text: source.slice(at) });
  return parts;
}

/** The English forms the terminology check accepts, also capitalised, longest first: what the target preview highlights. */
function termForms(terms: readonly TermMatch[], entries: ReadonlyMap<string, GlossaryEntry> | undefined): string[] {
  const forms = new Set<string>();
  for (const m of terms) {
    for (const f of accepted(m, entries?.get(m.entryId))) {
      forms.add(f);
      forms.add(f.charAt(0).toUpperCase() + f.slice(1));
    }
  }
  return [...forms].sort((a, b) => b.length - a.length);
}
