import type { Logger } from '../logger.js';
import { createJobEvents, type JobEvents } from './events.js';

/**
 * Runs background work one task at a time, in order. Translation jobs write their
 * progress to the jobs table, so a restart can resume them (see resumeJobs in translate-job.ts).
 */
export interface JobRunner {
  enqueue(name: string, task: () => Promise<void>): void;
  /** Resolves when nothing is queued or running; tests and the CLI wait on it. */
  idle(): Promise<void>;
  /** Progress of running jobs, for streaming to browsers. */
  events: JobEvents;
}

export function createJobRunner(logger: Logger): JobRunner {
  let tail: Promise<void> = Promise.resolve();
  let pending = 0;
  return {
    enqueue(name, task) {
      pending += 1;
      tail = tail
        .then(task)
        .catch((err: unknown) => logger.error(`background task ${name} failed`, err))
        .finally(() => {
          pending -= 1;
        });
    },
    async idle() {
      while (pending > 0) await tail;
    },
    events: createJobEvents(),
  };
}
