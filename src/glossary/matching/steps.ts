import { yieldToEventLoop } from '../../event-loop.js';

/** Entries compiled between two pauses: a few milliseconds of work. */
export const STEP = 200;

/** Runs a stepwise build to its end at once (tools, tests, small glossaries). */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Runs a stepwise build giving the event loop a turn at every pause, so compiling a large glossary in the server holds no request. */
export async function runStepsYielding<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await yieldToEventLoop();
  }
}
