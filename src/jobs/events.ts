import { EventEmitter } from 'node:events';
import type { JobRow, JobState } from '../db/schema.js';

/** What a job reports after each stored batch; the SSE stream and GET /api/v1/jobs/:id send the same shape. */
export interface JobProgress {
  id: number;
  documentId: number;
  engine: string;
  state: JobState;
  done: number;
  total: number;
  remaining: number;
  billedCharacters: number;
  cachedSegments: number;
  memorySegments: number;
  error: string | null;
}

export const progressOf = (j: JobRow): JobProgress => ({
  id: j.id,
  documentId: j.document_id,
  engine: j.engine,
  state: j.state,
  done: j.done,
  total: j.total,
  remaining: Math.max(0, j.total - j.done),
  billedCharacters: j.billed_characters,
  cachedSegments: j.cached_segments,
  memorySegments: j.memory_segments,
  error: j.error,
});

export const finished = (state: JobState): boolean => state === 'done' || state === 'failed';

/** In-process fan-out of job progress to whoever listens (the SSE handler). Jobs run in this process only. */
export interface JobEvents {
  publish(progress: JobProgress): void;
  /** Calls `listener` for every later event of job `jobId`; returns the unsubscribe function. */
  subscribe(jobId: number, listener: (progress: JobProgress) => void): () => void;
}

export function createJobEvents(): JobEvents {
  const emitter = new EventEmitter();
  // Every open review page holds one listener; the default cap of 10 would only produce warnings.
  emitter.setMaxListeners(0);
  return {
    publish(progress) {
      emitter.emit(String(progress.id), progress);
    },
    subscribe(jobId, listener) {
      emitter.on(String(jobId), listener);
      return () => emitter.off(String(jobId), listener);
    },
  };
}
