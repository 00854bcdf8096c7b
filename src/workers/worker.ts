import { AppError } from '../errors.js';
import { workerTasks, type TaskName } from './tasks.js';
import type { TaskReply, WireError } from './wire.js';

/** The piscina entry: runs one named task and answers with its value or a serialisable error. */
export default async function runTask({ name, input }: { name: TaskName; input: unknown }): Promise<TaskReply> {
  try {
    const task = workerTasks[name] as (input: unknown) => Promise<unknown>;
    if (!task) throw new Error(`unknown worker task "${String(name)}"`);
    return { ok: true, value: await task(input) };
  } catch (err) {
    return { ok: false, error: toWire(err) };
  }
}

/** Class identity is lost crossing threads, so typed errors travel as their status, code and details. */
function toWire(err: unknown): WireError {
  if (err instanceof AppError) return { kind: 'app', name: err.name, status: err.status, code: err.code, message: err.message, details: err.details };
  // Recursion that ran out of stack: the input nested deeper than any article does.
  if (err instanceof RangeError && /call stack/i.test(err.message)) return { kind: 'stack', message: err.message };
  return { kind: 'other', message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
}
