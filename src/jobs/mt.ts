import type { AppContext } from '../context.js';
import { EngineError, type Engine, type EngineSegment, type TranslateOptions } from '../engines/engine.js';
import type { Glossary } from '../glossary/glossary.js';
import { cacheKey, readCache, usesCache, type CacheEntry } from './cache.js';
import { billedCharacters } from './usage.js';

const messages = {
  count: (got: number, sent: number) => `returned ${got} translations for ${sent} segments`,
};

/** What every engine call of one run shares: the glossary revision (part of the cache key) and the glossary itself. */
export interface MtSetting {
  revision: number;
  glossary: NonNullable<TranslateOptions['glossary']>;
}

/** The glossary as engines receive it, in the configured spelling, with its revision. */
export async function mtSetting(ctx: AppContext, glossary: Glossary): Promise<MtSetting> {
  const revision = await ctx.glossaryRevision();
  const british = ctx.config.TANDEM_SPELLING === 'british';
  const entries = glossary.entries.map((e) => ({ source: e.ru, target: british ? (e.enGb ?? e.en) : e.en }));
  return { revision, glossary: { revision, entries } };
}

export interface MtOutcome {
  /** One text per input, in order. */
  texts: string[];
  /** Per input: true when the text came from the cache. */
  cached: boolean[];
  /** Fresh engine output to store in the cache (with the drafts, in one transaction). */
  fresh: CacheEntry[];
  /** Segments actually sent to the engine (repeats within the call are sent once). */
  sent: number;
  billedCharacters: number;
}

/**
 * Translates segments with one engine call at most: cached texts are reused, repeats are sent once,
 * and what the call bills is counted. Engine errors propagate; nothing is stored here.
 */
export async function machineTranslate(
  ctx: AppContext,
  engine: Engine,
  inputs: readonly EngineSegment[],
  setting: MtSetting,
  options: { signal?: AbortSignal } = {},
): Promise<MtOutcome> {
  const keys = inputs.map((input) => cacheKey(engine, setting.revision, input));
  const caching = usesCache(engine);
  const hits = caching ? await readCache(ctx.db, keys) : new Map<string, string>();
  const toSend = new Map<string, EngineSegment>();
  keys.forEach((key, i) => {
    if (!hits.has(key) && !toSend.has(key)) toSend.set(key, inputs[i]!);
  });
  const fresh = new Map<string, string>();
  if (toSend.size > 0) {
    const batch = [...toSend.values()];
    const results = await engine.translate(batch, { glossary: setting.glossary, signal: options.signal });
    if (results.length !== batch.length) throw new EngineError(engine.id, 'bad_response', messages.count(results.length, batch.length));
    [...toSend.keys()].forEach((key, i) => fresh.set(key, results[i]!.text));
  }
  return {
    texts: keys.map((key) => hits.get(key) ?? fresh.get(key) ?? ''),
    cached: keys.map((key) => hits.has(key)),
    fresh: caching ? [...fresh].map(([key, text]) => ({ key, engine: engine.id, text })) : [],
    sent: toSend.size,
    billedCharacters: billedCharacters(engine, [...toSend.values()].map((s) => s.text)),
  };
}
