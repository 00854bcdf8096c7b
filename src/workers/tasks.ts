import { prepareDocument, type PrepareInput, type PrepareLimits } from '../documents/prepare.js';
import type { PreparedDocument } from '../documents/prepared.js';
import type { EngineResult, EngineSegment } from '../engines/engine.js';
import { translateOfflineBatch } from '../engines/offline/index.js';
import { readGlossaryUpload, type GlossaryReadInput } from '../glossary/read-upload.js';
import type { LocatedEntry } from '../glossary/terms-file.js';

/**
 * Everything the worker pool may run, keyed by name: the parsers of untrusted uploads and the
 * offline engine. Each task takes and returns plain data (structured clone crosses the thread).
 */
export const workerTasks = {
  prepareDocument: ({ document, limits }: { document: PrepareInput; limits: PrepareLimits }): Promise<PreparedDocument> =>
    prepareDocument({ ...document, bytes: asBuffer(document.bytes) }, limits),
  readGlossaryFile: (input: GlossaryReadInput): Promise<LocatedEntry[]> => Promise.resolve(readGlossaryUpload(input)),
  translateOffline: (input: { batch: EngineSegment[] }): Promise<EngineResult[]> => translateOfflineBatch(input.batch),
} satisfies Record<string, (input: never) => Promise<unknown>>;

/** A Buffer arrives as a plain Uint8Array after the structured clone; parsers expect Buffer's methods. */
function asBuffer(bytes: Uint8Array | undefined): Buffer | undefined {
  return bytes && !Buffer.isBuffer(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes;
}

export type WorkerTasks = typeof workerTasks;
export type TaskName = keyof WorkerTasks;
export type TaskInput<K extends TaskName> = Parameters<WorkerTasks[K]>[0];
export type TaskOutput<K extends TaskName> = Awaited<ReturnType<WorkerTasks[K]>>;
