import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { now } from '../db/database.js';
import type { Engine } from '../engines/engine.js';

/** 'YYYY-MM' in UTC: providers count their quotas per calendar month. */
export const monthOf = (iso: string = now()): string => iso.slice(0, 7);

export const isMonth = (value: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

/** What a provider bills: characters of the source sent, counted as code points. Engines on this machine bill nothing. */
export function billedCharacters(engine: Engine, texts: readonly string[]): number {
  if (!engine.sendsDataToThirdParty) return 0;
  return texts.reduce((n, t) => n + [...t].length, 0);
}

export interface UsageRecord {
  jobId: number | null;
  documentId: number | null;
  engine: string;
  characters: number;
  segments: number;
}

/** Records one engine call; called inside the transaction that stores its result. */
export async function recordUsage(db: Db, record: UsageRecord): Promise<void> {
  if (record.segments === 0) return;
  const stamp = now();
  await db
    .insertInto('mt_usage')
    .values({
      job_id: record.jobId,
      document_id: record.documentId,
      engine: record.engine,
      characters: record.characters,
      segments: record.segments,
      month: monthOf(stamp),
      created_at: stamp,
    })
    .execute();
}

export interface EngineUsage {
  engine: string;
  billedCharacters: number;
  segments: number;
}

export interface MonthUsage {
  month: string;
  billedCharacters: number;
  /** Segments sent to engines (cache and memory hits are not sent). */
  segments: number;
  engines: EngineUsage[];
  documents: Array<{ id: number; title: string; billedCharacters: number; segments: number }>;
}

/** Billed characters in one month, in total, per engine and per document. */
export async function usageForMonth(db: Db, month: string = monthOf()): Promise<MonthUsage> {
  const byEngine = await db
    .selectFrom('mt_usage')
    .select(['engine', sql<number>`sum(characters)`.as('characters'), sql<number>`sum(segments)`.as('segments')])
    .where('month', '=', month)
    .groupBy('engine')
    .orderBy('engine')
    .execute();
  const byDocument = await db
    .selectFrom('mt_usage as u')
    .innerJoin('documents as d', 'd.id', 'u.document_id')
    .select(['d.id', 'd.title', sql<number>`sum(u.characters)`.as('characters'), sql<number>`sum(u.segments)`.as('segments')])
    .where('u.month', '=', month)
    .groupBy(['d.id', 'd.title'])
    .orderBy('d.id', 'desc')
    .execute();
  const engines = byEngine.map((r) => ({ engine: r.engine, billedCharacters: Number(r.characters), segments: Number(r.segments) }));
  return {
    month,
    billedCharacters: engines.reduce((n, e) => n + e.billedCharacters, 0),
    segments: engines.reduce((n, e) => n + e.segments, 0),
    engines,
    documents: byDocument.map((r) => ({ id: r.id, title: r.title, billedCharacters: Number(r.characters), segments: Number(r.segments) })),
  };
}

/** Billed characters of one document over its whole life (every job and comparison). */
export async function usageForDocument(db: Db, documentId: number): Promise<{ billedCharacters: number }> {
  const row = await db
    .selectFrom('mt_usage')
    .select(sql<number>`coalesce(sum(characters), 0)`.as('characters'))
    .where('document_id', '=', documentId)
    .executeTakeFirstOrThrow();
  return { billedCharacters: Number(row.characters) };
}

/** Billed characters per document, for lists. */
export async function usageByDocument(db: Db): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('mt_usage')
    .select(['document_id', sql<number>`sum(characters)`.as('characters')])
    .where('document_id', 'is not', null)
    .groupBy('document_id')
    .execute();
  return new Map(rows.map((r) => [r.document_id!, Number(r.characters)]));
}
