export interface BatchLimits<T> {
  /** Most items per request. */
  maxItems: number;
  /** Most units (bytes, code points) per request, as measured by `size`. */
  maxSize: number;
  /** What one item adds to a request; may depend on what the request already holds (shared context). */
  size: (item: T, batch: readonly T[]) => number;
}

/**
 * Splits `items` into consecutive requests that each respect both limits, filling each as far as
 * it goes (fewest requests, order kept). An item that alone exceeds `maxSize` goes in a request of
 * its own: the provider's answer to it is a clearer error than silently dropping it.
 */
export function splitBatches<T>(items: readonly T[], limits: BatchLimits<T>): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const added = limits.size(item, current);
    if (current.length > 0 && (current.length >= limits.maxItems || used + added > limits.maxSize)) {
      batches.push(current);
      current = [];
      used = 0;
    }
    // Re-measure against the new, empty request: shared context counts again there.
    used += current.length === 0 ? limits.size(item, current) : added;
    current.push(item);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Code points, the unit Google counts and bills. */
export function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Bytes a value takes in an application/x-www-form-urlencoded body (`name=value&`), as DeepL receives it. */
export function formFieldBytes(name: string, value: string): number {
  return new URLSearchParams({ [name]: value }).toString().length + 1;
}

/** Runs `fn` over the batches one after another and concatenates the results in order. */
export async function mapBatches<T, R>(batches: readonly T[][], fn: (batch: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (const batch of batches) out.push(...(await fn(batch)));
  return out;
}
