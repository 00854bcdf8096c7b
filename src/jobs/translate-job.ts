import type { Principal } from '../auth/principal.js';
import type { AppContext } from '../context.js';
import { now } from '../db/database.js';
import type { JobRow, SegmentRow } from '../db/schema.js';
import { findDocument, listSegments } from '../documents/repository.js';
import type { Engine, EngineSegment } from '../engines/engine.js';
import { ConflictError, NotFoundError } from '../errors.js';

const messages = {
  approved: 'This document is approved; an editor must reopen it before it is translated again',
  running: 'A translation of this document is already running',
};

/** Segments per engine call: small enough that progress moves visibly, large enough to batch well. */
const PROGRESS_BATCH = 25;

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

/** Re-queues jobs a crash or restart interrupted; each continues after its last finished batch. */
export async function resumeJobs(ctx: AppContext): Promise<number> {
  const unfinished = await ctx.db.selectFrom('jobs').select('id').where('state', 'in', ['queued', 'running']).orderBy('id').execute();
  for (const { id } of unfinished) ctx.jobs.enqueue(`translate job ${id} (resumed)`, () => runTranslationJob(ctx, id));
  return unfinished.length;
}

async function runTranslationJob(ctx: AppContext, jobId: number): Promise<void> {
  const job = await getJob(ctx, jobId);
  if (job.state === 'done' || job.state === 'failed') return;
  await ctx.db.updateTable('jobs').set({ state: 'running' }).where('id', '=', jobId).execute();
  try {
    const engine = ctx.engines.get(job.engine);
    await engine.warmUp?.();
    const glossary = await ctx.glossary();
    const segments = await listSegments(ctx.db, job.document_id);
    const paragraphText = paragraphsOf(segments);
    // `done` is the cursor: segments are taken in document order, so a resumed job skips what is stored.
    for (let start = job.done; start < segments.length; start += batchSize(engine)) {
      const batch = segments.slice(start, start + batchSize(engine));
      const inputs: EngineSegment[] = batch.map((s) => ({
        text: s.source,
        context: paragraphText.get(s.paragraph),
        terms: glossary.match(s.source).map((m) => ({ start: m.start, end: m.end, target: m.target, entryId: m.entryId })),
      }));
      const results = await engine.translate(inputs);
      if (results.length !== batch.length) {
        throw new Error(`${engine.id} returned ${results.length} translations for ${batch.length} segments`);
      }
      await storeDrafts(ctx, job, batch, results.map((r) => r.text), start + batch.length);
    }
    await ctx.db.updateTable('jobs').set({ state: 'done', finished_at: now() }).where('id', '=', jobId).execute();
    await ctx.db
      .insertInto('document_events')
      .values({ document_id: job.document_id, type: 'translated', detail: job.engine, user_id: job.created_by, created_at: now() })
      .execute();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    ctx.logger.warn(`translation job ${jobId} failed: ${message}`);
    await ctx.db.updateTable('jobs').set({ state: 'failed', error: message, finished_at: now() }).where('id', '=', jobId).execute();
  }
}

function batchSize(engine: Engine): number {
  return Math.max(1, Math.min(engine.maxBatch, PROGRESS_BATCH));
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

/** Saves one batch of MT drafts and the job's progress together, so a crash never half-applies a batch. */
async function storeDrafts(ctx: AppContext, job: JobRow, batch: SegmentRow[], drafts: string[], done: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const stamp = now();
    for (const [i, seg] of batch.entries()) {
      const draft = drafts[i] ?? '';
      // Re-read inside the transaction: a translator may have edited the segment while the engine ran.
      const current = await trx.selectFrom('segments').selectAll().where('id', '=', seg.id).executeTakeFirstOrThrow();
      const replaceTarget = untouched(current);
      await trx
        .updateTable('segments')
        .set({
          mt: draft,
          mt_engine: job.engine,
          ...(replaceTarget ? { target: draft, version: current.version + 1, updated_at: stamp } : {}),
        })
        .where('id', '=', seg.id)
        .execute();
      if (replaceTarget) {
        await trx
          .insertInto('segment_revisions')
          .values({ segment_id: seg.id, target: draft, status: 'draft', origin: 'mt', engine: job.engine, user_id: null, created_at: stamp })
          .execute();
      }
    }
    await trx.updateTable('jobs').set({ done }).where('id', '=', job.id).execute();
  });
}
