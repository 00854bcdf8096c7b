import type { Request, Response } from 'express';
import type { AppContext } from '../../context.js';
import { finished, progressOf, type JobProgress } from '../../jobs/events.js';
import { getJob } from '../../jobs/translate-job.js';
import { idParam } from '../params.js';

/** A comment line every so often keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;
/** How long a browser waits before reconnecting after the stream drops. */
const RETRY_MS = 2_000;

/** GET /api/v1/jobs/:id/events: the job's progress as Server-Sent Events, until it is done or failed. */
export const jobEventsApi = (ctx: AppContext) => ({
  async events(req: Request, res: Response) {
    const id = idParam(req, 'id');
    // Subscribe before reading the row, so no event falls between the snapshot and the stream.
    const queued: JobProgress[] = [];
    let send: (p: JobProgress) => void = (p) => queued.push(p);
    const unsubscribe = ctx.jobs.events.subscribe(id, (p) => send(p));
    let job;
    try {
      job = await getJob(ctx, id);
    } catch (err) {
      unsubscribe();
      throw err;
    }

    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      // Tells nginx not to buffer the stream.
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    res.write(`retry: ${RETRY_MS}\n\n`);

    let last = -1;
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const close = () => {
      clearInterval(heartbeat);
      unsubscribe();
    };
    send = (p) => {
      // Events can repeat a state (e.g. the snapshot and a queued event); only forward progress.
      const order = p.done * 4 + stateRank(p);
      if (order < last) return;
      last = order;
      res.write(`data: ${JSON.stringify(p)}\n\n`);
      if (finished(p.state)) {
        close();
        res.end();
      }
    };
    // The response closes when the job ends or the browser goes away.
    res.on('close', close);
    send(progressOf(job));
    for (const p of queued) if (!res.writableEnded) send(p);
  },
});

const stateRank = (p: JobProgress): number => ({ queued: 0, running: 1, done: 2, failed: 3 })[p.state];
