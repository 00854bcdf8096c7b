import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Table types for Kysely: the single description of the database the query layer is checked against. */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  documents: DocumentsTable;
  segments: SegmentsTable;
  segment_revisions: SegmentRevisionsTable;
  document_events: DocumentEventsTable;
  document_versions: DocumentVersionsTable;
  version_segments: VersionSegmentsTable;
  jobs: JobsTable;
}

export type Role = 'translator' | 'editor' | 'admin' | 'publisher';
export type DocumentStatus = 'in_progress' | 'approved';
export type SegmentStatus = 'draft' | 'translated' | 'approved';
export type SegmentKind = 'headline' | 'dateline' | 'sentence';
export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  role: Exclude<Role, 'publisher'>;
  created_at: string;
  disabled_at: string | null;
}

export interface SessionsTable {
  /** sha256 of the cookie value, so a leaked database does not leak live sessions. */
  id: string;
  user_id: number;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: Generated<number>;
  name: string;
  token_hash: string;
  role: Role;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface DocumentsTable {
  id: Generated<number>;
  title: string;
  source_lang: string;
  target_lang: string;
  status: DocumentStatus;
  engine: string;
  source_format: string;
  original_filename: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  latest_version: number;
}

export interface SegmentsTable {
  id: Generated<number>;
  document_id: number;
  idx: number;
  paragraph: number;
  kind: SegmentKind;
  source: string;
  mt: string | null;
  mt_engine: string | null;
  target: string;
  status: SegmentStatus;
  /** Optimistic-lock counter: bumped on every change, sent back by clients with their edit. */
  version: number;
  updated_by: number | null;
  updated_at: string;
}

export interface SegmentRevisionsTable {
  id: Generated<number>;
  segment_id: number;
  target: string;
  status: SegmentStatus;
  origin: 'mt' | 'human';
  engine: string | null;
  user_id: number | null;
  created_at: string;
}

export interface DocumentEventsTable {
  id: Generated<number>;
  document_id: number;
  type: 'imported' | 'translated' | 'approved' | 'reopened';
  detail: string | null;
  user_id: number | null;
  created_at: string;
}

export interface DocumentVersionsTable {
  id: Generated<number>;
  document_id: number;
  number: number;
  title: string;
  approved_by: number | null;
  approved_at: string;
}

export interface VersionSegmentsTable {
  version_id: number;
  idx: number;
  paragraph: number;
  kind: SegmentKind;
  source: string;
  target: string;
}

export interface JobsTable {
  id: Generated<number>;
  kind: 'translate';
  document_id: number;
  engine: string;
  state: JobState;
  done: number;
  total: number;
  error: string | null;
  created_by: number | null;
  created_at: string;
  finished_at: string | null;
}

export type UserRow = Selectable<UsersTable>;
export type DocumentRow = Selectable<DocumentsTable>;
export type SegmentRow = Selectable<SegmentsTable>;
export type NewSegment = Insertable<SegmentsTable>;
export type SegmentUpdate = Updateable<SegmentsTable>;
export type JobRow = Selectable<JobsTable>;
export type VersionRow = Selectable<DocumentVersionsTable>;
export type VersionSegmentRow = Selectable<VersionSegmentsTable>;
