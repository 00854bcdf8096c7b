import { progressOf } from '../../jobs/events.js';
import type { DocumentRow, JobRow, SegmentRow, VersionRow } from '../../db/schema.js';
import type { Progress } from '../../documents/repository.js';

/** The API's JSON shapes, in one place so routes and docs agree. */
export const segmentJson = (s: SegmentRow) => ({
  id: s.id,
  index: s.idx,
  paragraph: s.paragraph,
  kind: s.kind,
  source: s.source,
  mt: s.mt,
  mtEngine: s.mt_engine,
  target: s.target,
  status: s.status,
  version: s.version,
  updatedAt: s.updated_at,
});

export const documentJson = (d: DocumentRow, progress?: Progress) => ({
  id: d.id,
  title: d.title,
  status: d.status,
  engine: d.engine,
  sourceLang: d.source_lang,
  targetLang: d.target_lang,
  sourceFormat: d.source_format,
  originalFilename: d.original_filename,
  latestVersion: d.latest_version,
  createdAt: d.created_at,
  updatedAt: d.updated_at,
  ...(progress ? { progress } : {}),
});

export const jobJson = (j: JobRow) => ({
  ...progressOf(j),
  kind: j.kind,
  createdAt: j.created_at,
  finishedAt: j.finished_at,
});

export const versionJson = (v: VersionRow) => ({
  number: v.number,
  title: v.title,
  approvedAt: v.approved_at,
});
