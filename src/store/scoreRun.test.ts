import { describe, expect, it } from 'vitest';
import type { Candidate } from '../core/types';
import type { ScoreCache } from '../rerankers/cache';
import type { Reranker } from '../rerankers/types';
import { scoreQuery } from './scoreRun';

const candidates: Candidate[] = ['alpha', 'beta', 'gamma'].map((text, index) => ({ id: index === 0 ? '__proto__' : `d${index}`, text, index }));

/** A cache in a Map, with what was asked and written kept for the assertions. */
function memoryCache(initial: [string, number][] = []) {
  const items = new Map(initial);
  const written: [string, number][] = [];
  const cache: ScoreCache = {
    getMany: async (keys) => new Map(keys.flatMap((k) => (items.has(k) ? [[k, items.get(k) as number] as const] : []))),
    setMany: async (entries) => {
      for (const [k, v] of entries) {
        items.set(k, v);
        written.push([k, v]);
      }
    },
    size: async () => ({ entries: items.size, approxBytes: 0 }),
    clear: async () => items.clear(),
    persistent: true,
  };
  return { cache, items, written };
}

/** Scores a text by its length, and records which texts it was sent. */
function lengthReranker() {
  const sent: string[][] = [];
  const reranker: Reranker = {
    rank: async (_query, docs) => {
      sent.push([...docs]);
      return { ok: true, value: { scores: docs.map((d) => d.length), timings: { totalMs: 1 }, notes: [] } };
    },
  };
  return { reranker, sent };
}

describe('scoreQuery', () => {
  const signal = new AbortController().signal;

  it('scores everything the first time and caches it; the second time it sends nothing', async () => {
    const { cache, written } = memoryCache();
    const { reranker, sent } = lengthReranker();
    const first = await scoreQuery('q', candidates, { reranker, cacheSignature: 'sig', cache, signal });
    expect(first.ok && [...first.value.scores]).toEqual([['__proto__', 5], ['d1', 4], ['d2', 5]]);
    expect(first.ok && first.value.fresh).toBe(3);
    expect(written).toHaveLength(3);
    const second = await scoreQuery('q', candidates, { reranker, cacheSignature: 'sig', cache, signal });
    expect(second.ok && second.value.fresh).toBe(0);
    expect(second.ok && [...second.value.scores]).toEqual([['__proto__', 5], ['d1', 4], ['d2', 5]]);
    expect(sent).toEqual([['alpha', 'beta', 'gamma']]);
  });

  it('sends only the new documents when some are cached, and a changed setting or query misses', async () => {
    const { cache } = memoryCache();
    const { reranker, sent } = lengthReranker();
    await scoreQuery('q', candidates.slice(0, 2), { reranker, cacheSignature: 'sig', cache, signal });
    await scoreQuery('q', candidates, { reranker, cacheSignature: 'sig', cache, signal });
    await scoreQuery('q', candidates.slice(0, 1), { reranker, cacheSignature: 'other model', cache, signal });
    await scoreQuery('another query', candidates.slice(0, 1), { reranker, cacheSignature: 'sig', cache, signal });
    expect(sent).toEqual([['alpha', 'beta'], ['gamma'], ['alpha'], ['alpha']]);
  });

  it('without a cache signature (BM25) it never reads or writes the cache', async () => {
    const { cache, written } = memoryCache();
    const { reranker, sent } = lengthReranker();
    await scoreQuery('q', candidates, { reranker, cacheSignature: null, cache, signal });
    await scoreQuery('q', candidates, { reranker, cacheSignature: null, cache, signal });
    expect(sent).toHaveLength(2);
    expect(written).toHaveLength(0);
  });

  it('keeps the scores that arrived when the reranker fails, and caches none of them', async () => {
    const { cache, written } = memoryCache();
    const failing: Reranker = {
      rank: async (_q, _docs, options) => {
        options?.onPartial?.([0], [0.5]);
        return { ok: false, error: { message: 'boom' } };
      },
    };
    const result = await scoreQuery('q', candidates, { reranker: failing, cacheSignature: 'sig', cache, signal });
    expect(result.ok).toBe(false);
    expect(!result.ok && [...result.scores]).toEqual([['__proto__', 0.5]]);
    expect(written).toHaveLength(0);
  });
});
