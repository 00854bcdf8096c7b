import { setImmediate } from 'node:timers/promises';

/**
 * Gives the event loop a turn. SQLite answers synchronously, so a long loop of awaited queries runs
 * as one chain of microtasks and no request (not even /healthz) is served until it ends; long
 * writes and jobs call this between steps. Inside a transaction the connection stays held, so
 * other queries wait for it, but requests that need no database are answered.
 */
export function yieldToEventLoop(): Promise<void> {
  return setImmediate();
}
