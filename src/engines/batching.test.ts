import { describe, expect, it } from 'vitest';
import { codePoints, formFieldBytes, splitBatches } from './batching.js';

describe('splitBatches', () => {
  it('when there are more items than a request takes, then requests are filled to the count limit in order', () => {
    const batches = splitBatches([...Array(120).keys()], { maxItems: 50, maxSize: Infinity, size: () => 1 });
    expect(batches.map((b) => b.length)).toEqual([50, 50, 20]);
    expect(batches.flat()).toEqual([...Array(120).keys()]);
  });

  it('when items are large, then no request exceeds the size limit', () => {
    const items = ['aaaa', 'bbbb', 'cc', 'dddddd', 'e'];
    const batches = splitBatches(items, { maxItems: 10, maxSize: 8, size: (s) => s.length });
    expect(batches).toEqual([['aaaa', 'bbbb'], ['cc', 'dddddd'], ['e']]);
  });

  it('when one item alone exceeds the size limit, then it gets a request of its own rather than being dropped', () => {
    expect(splitBatches(['ab', 'toolong', 'c'], { maxItems: 10, maxSize: 3, size: (s) => s.length })).toEqual([['ab'], ['toolong'], ['c']]);
  });

  it('when the size depends on what the request holds (shared context), then it is measured against the request it lands in', () => {
    // Each item costs 1, plus 5 for its paragraph the first time a request carries it.
    const items = [{ p: 1 }, { p: 1 }, { p: 2 }, { p: 2 }];
    const size = (item: { p: number }, current: readonly { p: number }[]) => 1 + (current.some((c) => c.p === item.p) ? 0 : 5);
    expect(splitBatches(items, { maxItems: 10, maxSize: 9, size }).map((b) => b.map((i) => i.p))).toEqual([[1, 1], [2, 2]]);
  });

  it('when there are no items, then there are no requests', () => {
    expect(splitBatches([], { maxItems: 1, maxSize: 1, size: () => 1 })).toEqual([]);
  });
});

describe('sizes', () => {
  it('when text is Cyrillic, then code points count characters and form bytes count percent-encoding', () => {
    expect(codePoints('Мир 🌍')).toBe(5);
    expect(formFieldBytes('text', 'Мир')).toBe('text=%D0%9C%D0%B8%D1%80&'.length);
  });
});
