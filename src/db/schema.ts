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
  segment_issues: SegmentIssuesTable;
  mt_cache: MtCacheTable;
  mt_usage: MtUsageTable;
  glossary_entries: GlossaryEntriesTable;
  glossary_history: GlossaryHistoryTable;
  glossary_meta: GlossaryMetaTable;
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
  /** The user who created it; disabling them revokes it. Null for tokens made with the CLI. */
  created_by: number | null;
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
  type: 'imported' | 'translated' | 'approved' | 'reopened' | 'issue_overridden';
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
  /** Source characters this job sent to engines that bill (sendsDataToThirdParty). */
  billed_characters: Generated<number>;
  /** Segments served from mt_cache instead of an engine call. */
  cached_segments: Generated<number>;
  /** Segments filled from approved versions (the translation memory). */
  memory_segments: Generated<number>;
}

/** Engine output by sha256(engine, options, glossary revision, source, terms): the same text is never billed twice. */
export interface MtCacheTable {
  key: string;
  engine: string;
  text: string;
  created_at: string;
  hits: Generated<number>;
}

/** One record per engine call batch (a job chunk or a compare); `month` is 'YYYY-MM' in UTC. */
export interface MtUsageTable {
  id: Generated<number>;
  job_id: number | null;
  document_id: number | null;
  engine: string;
  characters: number;
  segments: number;
  month: string;
  created_at: string;
}

/** One QA check result on one segment (src/checks/); replaced on recheck, an override kept while the issue is unchanged. */
export interface SegmentIssuesTable {
  id: Generated<number>;
  segment_id: number;
  check_id: string;
  code: string;
  severity: 'error' | 'warning';
  message: string;
  /** JSON object; part of the issue's identity when deciding whether an override still applies. */
  details: string;
  created_at: string;
  overridden_by: number | null;
  override_reason: string | null;
  overridden_at: string | null;
}

/** One glossary term (src/glossary/store.ts); never deleted, only retired. */
export interface GlossaryEntriesTable {
  /** The slug of ru, as in glossary/terms.tsv. */
  id: string;
  ru: string;
  /** ru folded (lower case, ё → е); unique. */
  ru_key: string;
  en: string;
  en_gb: string | null;
  type: 'person' | 'rank' | 'title' | 'organisation' | 'place' | 'other';
  gender: 'male' | 'female' | null;
  /** JSON array of strings. */
  forbidden: string;
  note: string;
  source: string;
  /** ru, en, en_gb and note folded like ru_key, for search. */
  search: string;
  status: 'active' | 'retired';
  /** Optimistic-lock counter, bumped on every change. */
  version: number;
  created_at: string;
  updated_at: string;
  updated_by: number | null;
}

export interface GlossaryHistoryTable {
  id: Generated<number>;
  entry_id: string;
  action: 'created' | 'updated' | 'retired' | 'restored' | 'imported';
  /** JSON of the entry before the change; null when it was created. */
  before: string | null;
  after: string;
  user_id: number | null;
  user_name: string | null;
  detail: string | null;
  /** The glossary revision this change produced. */
  revision: number;
  created_at: string;
}

/** One row: the glossary revision, bumped in the same transaction as every change. */
export interface GlossaryMetaTable {
  id: number;
  revision: number;
  updated_at: string | null;
}

export type UserRow = Selectable<UsersTable>;
export type DocumentRow = Selectable<DocumentsTable>;
export type SegmentRow = Selectable<SegmentsTable>;
export type NewSegment = Insertable<SegmentsTable>;
export type SegmentUpdate = Updateable<SegmentsTable>;
export type JobRow = Selectable<JobsTable>;
export type VersionRow = Selectable<DocumentVersionsTable>;
export type VersionSegmentRow = Selectable<VersionSegmentsTable>;
export type SegmentIssueRow = Selectable<SegmentIssuesTable>;
export type GlossaryEntryRow = Selectable<GlossaryEntriesTable>;
export type GlossaryHistoryRow = Selectable<GlossaryHistoryTable>;
