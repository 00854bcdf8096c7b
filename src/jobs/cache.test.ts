import { describe, expect, it } from 'vitest';
import type { Engine } from '../engines/engine.js';
import { offlineEngine } from '../engines/offline/index.js';
import { cacheKey, usesCache } from './cache.js';

const engine = (id: string, options?: Record<string, unknown>): Engine =>
  ({ id, label: id, sendsDataToThirdParty: true, maxBatch: 10, translate: async () => [], ...(options ? { options } : {}) }) as Engine;
const segment = { text: 'Министр провел совещание.', terms: [] };
const withTerm = { text: segment.text, terms: [{ start: 0, end: 7, target: 'Minister', entryId: 'ministr' }] };

describe('the MT cache key', () => {
  it('when everything that decides the output is the same, then the key is the same', () => {
    expect(cacheKey(engine('deepl', { target: 'EN-US', formality: 'default' }), 3, segment)).toBe(
      cacheKey(engine('deepl', { formality: 'default', target: 'EN-US' }), 3, { ...segment }),
    );
  });

  it('when the engine, its options, the glossary revision, the source or its terms differ, then the key differs', () => {
    const base = cacheKey(engine('deepl', { target: 'EN-US' }), 3, segment);
    const variants = [
      cacheKey(engine('google', { target: 'EN-US' }), 3, segment),
      cacheKey(engine('deepl', { target: 'EN-GB' }), 3, segment),
      cacheKey(engine('deepl', { target: 'EN-US' }), 4, segment),
      cacheKey(engine('deepl', { target: 'EN-US' }), 3, { ...segment, text: 'Министр провел встречу.' }),
      cacheKey(engine('deepl', { target: 'EN-US' }), 3, withTerm),
    ];
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
    for (const key of variants) expect(key).toMatch(/^[0-9a-f]{64}$/);
  });

  it('when the engine is the offline one, then it is not cached; a provider engine is', () => {
    expect(usesCache(offlineEngine)).toBe(false);
    expect(usesCache(engine('deepl'))).toBe(true);
  });
});
