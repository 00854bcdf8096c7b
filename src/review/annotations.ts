import type { AppContext } from '../context.js';
import type { SegmentRow } from '../db/schema.js';
import { entriesById } from '../checks/check.js';
import { documentIssues, type SegmentIssue } from '../checks/service.js';
import type { GlossaryEntry, TermMatch } from '../glossary/glossary.js';
import { loadMorphology } from '../morphology/morph.js';
import { findUnknownNames, type UnknownName } from './unknown-names.js';

/** What the reviewer sees beside a segment: its glossary terms and its QA issues. */
export interface SegmentNotes {
  terms: TermMatch[];
  issues: SegmentIssue[];
}

/** Glossary matches and stored issues for each segment of one document. */
export async function annotateSegments(
  ctx: Pick<AppContext, 'db' | 'glossary'>,
  documentId: number,
  segments: readonly Pick<SegmentRow, 'id' | 'source'>[],
): Promise<Map<number, SegmentNotes>> {
  const [glossary, issues] = await Promise.all([ctx.glossary(), documentIssues(ctx, documentId)]);
  const notes = new Map<number, SegmentNotes>(segments.map((s) => [s.id, { terms: glossary.match(s.source), issues: [] }]));
  for (const issue of issues) notes.get(issue.segmentId)?.issues.push(issue);
  return notes;
}

export interface ReviewAnnotations {
  notes: Map<number, SegmentNotes>;
  names: UnknownName[];
  entries: ReadonlyMap<string, GlossaryEntry>;
}

/** Everything the review page adds to the document: per-segment notes and the names missing from the glossary. */
export async function reviewAnnotations(
  ctx: Pick<AppContext, 'db' | 'glossary'>,
  documentId: number,
  segments: readonly Pick<SegmentRow, 'id' | 'source'>[],
): Promise<ReviewAnnotations> {
  const [notes, glossary, morph] = await Promise.all([annotateSegments(ctx, documentId, segments), ctx.glossary(), loadMorphology()]);
  return { notes, names: findUnknownNames(segments, glossary, morph), entries: entriesById(glossary.entries) };
}
