import type { Updateable } from 'kysely';
import type { Principal } from '../auth/principal.js';
import { checkSegments } from '../checks/service.js';
import type { AppContext } from '../context.js';
import { now } from '../db/database.js';
import type { JobRow, JobsTable, SegmentRow } from '../db/schema.js';
import { findDocument, listSegments } from '../documents/repository.js';
import { EngineError, type Engine, type EngineSegment } from '../engines/engine.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { usesCache, writeCache } from './cache.js';
import { finished, progressOf } from './events.js';
import { findApprovedTargets, MEMORY_ENGINE } from './memory.js';
import { machineTranslate, mtSetting, type MtOutcome, type MtSetting } from './mt.js';
import { recordUsage } from './usage.js';
import { yieldToEventLoop } from '../event-loop.js';

type JobUpdate = Updateable<JobsTable>;

const messages = {
  kept: (done: number, total: number) => `${done} of ${total} segments were translated and are kept.`,
  quota: (provider: string, kept: string) =>
    `${provider}: the character quota is used up. ${kept} Translate again when the quota renews, or choose another engine.`,
  failed: (provider: string, reason: string, kept: string) => `${provider} failed: ${reason}. ${kept} Translate again to continue.`,
  approved: 'This document is approved; an editor must reopen it before it is translated again',
  running: 'A translation of this document is already running',
};

/** Segments per step for in-process engines: small enough that progress moves visibly, large enough to batch well. */
const PROGRESS_BATCH = 25;
/** Segments per step for remote engines: each step is one request at most, so fewer steps mean fewer requests. */
const REMOTE_BATCH = 100;

/** Queues machine translation of every segment of a document and returns the job. */
export async function startTranslation(
  ctx: AppContext,
  documentId: number,
  options: { engine?: string },
  principal: Principal,
): Promise<JobRow> {
  const doc = await findDocument(ctx.db, documentId);
  if (doc.status === 'approved') throw new ConflictError(messages.approved, 'document_approved');
  const engine = ctx.engines.get(options.engine ?? doc.engine);
  const job = await ctx.db.transaction().execute(async (trx) => {
    const active = await trx
      .selectFrom('jobs')
      .select('id')
      .where('document_id', '=', documentId)
      .where('state', 'in', ['queued', 'running'])
      .executeTakeFirst();
    if (active) throw new ConflictError(messages.running, 'job_running', { jobId: active.id });
    const { n } = await trx
      .selectFrom('segments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('document_id', '=', documentId)
      .executeTakeFirstOrThrow();
    await trx.updateTable('documents').set({ engine: engine.id, updated_at: now() }).where('id', '=', documentId).execute();
    return trx
      .insertInto('jobs')
      .values({
        kind: 'translate',
        document_id: documentId,
        engine: engine.id,
        state: 'queued',
        done: 0,
        total: Number(n),
        error: null,
        created_by: principal.userId,
        created_at: now(),
        finished_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
  ctx.jobs.enqueue(`translate job ${job.id}`, () => runTranslationJob(ctx, job.id));
  return job;
}

export async function getJob(ctx: AppContext, id: number): Promise<JobRow> {
  const job = await ctx.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!job) throw new NotFoundError(`Job ${id}`);
  return job;
}

/** The document's most recent job, finished or not: the review page shows why the last one failed. */
export async function latestJob(ctx: AppContext, documentId: number): Promise<JobRow | null> {
  const job = await ctx.db.selectFrom('jobs').selectAll().where('document_id', '=', documentId).orderBy('id', 'desc').executeTakeFirst();
  return job ?? null;
}

/** Re-queues jobs a crash or restart interrupted; each continues after its last finished batch. */
export async function resumeJobs(ctx: AppContext): Promise<number> {
  const unfinished = await ctx.db.selectFrom('jobs').select('id').where('state', 'in', ['queued', 'running']).orderBy('id').execute();
  for (const { id } of unfinished) ctx.jobs.enqueue(`translate job ${id} (resumed)`, () => runTranslationJob(ctx, id));
  return unfinished.length;
}

async function runTranslationJob(ctx: AppContext, jobId: number): Promise<void> {
  let job = await getJob(ctx, jobId);
  if (finished(job.state)) return;
  job = await updateJob(ctx, jobId, { state: 'running' });
  let provider = job.engine;
  try {
    const engine = ctx.engines.get(job.engine);
    provider = engine.label;
    await engine.warmUp?.();
    const glossary = await ctx.glossary();
    const setting = await mtSetting(ctx, glossary);
    const segments = await listSegments(ctx.db, job.document_id);
    const paragraphText = paragraphsOf(segments);
    const size = batchSize(engine);
    // `done` is the cursor: segments are taken in document order, so a resumed job skips what is stored.
    for (let start = job.done; start < segments.length; start += size) {
      const batch = segments.slice(start, start + size);
      const inputs: EngineSegment[] = batch.map((s) => ({
        text: s.source,
        context: paragraphText.get(s.paragraph),
        terms: glossary.match(s.source).map((m) => ({ start: m.start, end: m.end, target: m.target, entryId: m.entryId })),
      }));
      const drafts = await draftBatch(ctx, engine, inputs, setting);
      job = await storeDrafts(ctx, job, batch, drafts, start + batch.length);
      await checkSegments(ctx, batch.map((s) => s.id));
      ctx.jobs.events.publish(progressOf(job));
      await yieldToEventLoop();
    }
    job = await updateJob(ctx, jobId, { state: 'done', finished_at: now() });
    await ctx.db
      .insertInto('document_events')
      .values({ document_id: job.document_id, type: 'translated', detail: job.engine, user_id: job.created_by, created_at: now() })
      .execute();
  } catch (err) {
    const current = await getJob(ctx, jobId);
    const message = failureMessage(provider, err, current);
    ctx.logger.warn(`translation job ${jobId} failed: ${message}`);
    job = await updateJob(ctx, jobId, { state: 'failed', error: message, finished_at: now() });
  }
}

async function updateJob(ctx: AppContext, jobId: number, change: JobUpdate): Promise<JobRow> {
  const job = await ctx.db.updateTable('jobs').set(change).where('id', '=', jobId).returningAll().executeTakeFirstOrThrow();
  ctx.jobs.events.publish(progressOf(job));
  return job;
}

/** Names the provider and says what was kept, so an editor knows whether to wait, switch engines or retry. */
function failureMessage(provider: string, err: unknown, job: JobRow): string {
  const kept = messages.kept(job.done, job.total);
  if (err instanceof EngineError && err.failure === 'quota_exceeded') return messages.quota(provider, kept);
  // An EngineError's message starts with the engine id; the provider's name replaces it.
  const reason = err instanceof EngineError ? err.message.replace(`${err.engine}: `, '') : err instanceof Error ? err.message : String(err);
  return messages.failed(provider, reason, kept);
}

interface BatchDrafts extends MtOutcome {
  /** Per segment: where its draft came from. */
  origins: DraftOrigin[];
  memoryHits: number;
  cacheHits: number;
}

type DraftOrigin = 'memory' | 'cache' | 'engine';

/** Drafts for one batch: approved targets from the translation memory first, then the cache, then the engine. */
async function draftBatch(ctx: AppContext, engine: Engine, inputs: EngineSegment[], setting: MtSetting): Promise<BatchDrafts> {
  const approved = await findApprovedTargets(ctx.db, inputs.map((i) => i.text));
  const rest = inputs.filter((i) => !approved.has(i.text));
  const mt = await machineTranslate(ctx, engine, rest, setting);
  const texts: string[] = [];
  const origins: DraftOrigin[] = [];
  let next = 0;
  for (const input of inputs) {
    const remembered = approved.get(input.text);
    if (remembered !== undefined) {
      texts.push(remembered);
      origins.push('memory');
    } else {
      texts.push(mt.texts[next]!);
      origins.push(mt.cached[next] ? 'cache' : 'engine');
      next += 1;
    }
  }
  return {
    ...mt,
    texts,
    origins,
    memoryHits: origins.filter((o) => o === 'memory').length,
    cacheHits: origins.filter((o) => o === 'cache').length,
  };
}

/** In-process engines move through a document in small steps so progress shows; remote ones fill their requests. */
function batchSize(engine: Engine): number {
  const cap = usesCache(engine) ? REMOTE_BATCH : PROGRESS_BATCH;
  return Math.max(1, Math.min(engine.maxBatch, cap));
}

function paragraphsOf(segments: SegmentRow[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const s of segments) out.set(s.paragraph, out.has(s.paragraph) ? `${out.get(s.paragraph)} ${s.source}` : s.source);
  return out;
}

/** A target a person has not touched: still a draft, and empty or equal to the previous MT. */
function untouched(s: SegmentRow): boolean {
  return s.status === 'draft' && (s.target === '' || s.target === s.mt);
}

/** Saves one batch of MT drafts, its cache entries, its usage and the job's progress together, so a crash never half-applies a batch. */
async function storeDrafts(
  ctx: AppContext,
  job: JobRow,
  batch: SegmentRow[],
  drafts: BatchDrafts,
  done: number,
): Promise<JobRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const stamp = now();
    for (const [i, seg] of batch.entries()) {
      const draft = drafts.texts[i] ?? '';
      const engine = drafts.origins[i] === 'memory' ? MEMORY_ENGINE : job.engine;
      // Re-read inside the transaction: a translator may have edited the segment while the engine ran.
      const current = await trx.selectFrom('segments').selectAll().where('id', '=', seg.id).executeTakeFirstOrThrow();
      const replaceTarget = untouched(current);
      await trx
        .updateTable('segments')
        .set({
          mt: draft,
          mt_engine: engine,
          ...(replaceTarget ? { target: draft, version: current.version + 1, updated_at: stamp } : {}),
        })
        .where('id', '=', seg.id)
        .execute();
      if (replaceTarget) {
        await trx
          .insertInto('segment_revisions')
          .values({ segment_id: seg.id, target: draft, status: 'draft', origin: 'mt', engine, user_id: null, created_at: stamp })
          .execute();
      }
    }
    await writeCache(trx, drafts.fresh);
    await recordUsage(trx, {
      jobId: job.id,
      documentId: job.document_id,
      engine: job.engine,
      characters: drafts.billedCharacters,
      segments: drafts.sent,
    });
    return trx
      .updateTable('jobs')
      .set((eb) => ({
        done,
        billed_characters: eb('billed_characters', '+', drafts.billedCharacters),
        cached_segments: eb('cached_segments', '+', drafts.cacheHits),
        memory_segments: eb('memory_segments', '+', drafts.memoryHits),
      }))
      .where('id', '=', job.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}
