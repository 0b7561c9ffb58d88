import 'fake-indexeddb/auto';
import { createStore, set as idbSet } from 'idb-keyval';
import type { UseStore } from 'idb-keyval';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEmbeddingCache, embeddingKey, type EmbeddingKeySettings } from './embeddingCache';

let dbCount = 0;
const freshDbName = () => `embedding-cache-test-${++dbCount}`;
const vector = (...values: number[]) => Float32Array.from(values);
const settings: EmbeddingKeySettings = { model: 'test/bi-encoder', dtype: 'q8', pooling: 'mean', normalize: true, maxLength: 256 };

afterEach(() => {
  vi.restoreAllMocks();
});

describe('embeddingKey', () => {
  it('is 43 base64url characters (a SHA-256) and the same for the same inputs', async () => {
    const key = await embeddingKey(settings, 'cat dog');
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await embeddingKey({ ...settings }, 'cat dog')).toBe(key);
  });

  it('changes with each setting that changes a vector, and with the text', async () => {
    const base = await embeddingKey(settings, 'cat dog');
    const variants = [
      embeddingKey({ ...settings, model: 'test/other' }, 'cat dog'),
      embeddingKey({ ...settings, dtype: 'fp32' }, 'cat dog'),
      embeddingKey({ ...settings, pooling: 'cls' }, 'cat dog'),
      embeddingKey({ ...settings, normalize: false }, 'cat dog'),
      embeddingKey({ ...settings, maxLength: 512 }, 'cat dog'),
      embeddingKey(settings, 'cat dog '),
      embeddingKey(settings, '__proto__'),
      embeddingKey(settings, 'constructor'),
    ];
    const keys = new Set([base, ...(await Promise.all(variants))]);
    expect(keys.size).toBe(9);
  });
});

describe('the embedding cache over IndexedDB', () => {
  it('keeps vectors and truncation flags for the next visit, under any key', async () => {
    const dbName = freshDbName();
    await createEmbeddingCache({ dbName }).setMany([
      ['__proto__', { vector: vector(0.6, 0.8), truncated: false }],
      ['toString', { vector: vector(1, 0), truncated: true }],
    ]);
    const found = await createEmbeddingCache({ dbName }).getMany(['__proto__', 'toString', 'missing']);
    expect(Array.from(found.get('__proto__')?.vector ?? [])).toEqual([Math.fround(0.6), Math.fround(0.8)]);
    expect(found.get('__proto__')?.vector).toBeInstanceOf(Float32Array);
    expect(found.get('toString')?.truncated).toBe(true);
    expect(found.has('missing')).toBe(false);
  });

  it('treats anything read back that is not a finite Float32Array entry as a miss, and skips bad writes', async () => {
    const dbName = freshDbName();
    const store = createStore(dbName, 'embeddings');
    await idbSet('nan', { vector: vector(Number.NaN), truncated: false }, store);
    await idbSet('array', { vector: [1, 2], truncated: false }, store);
    await idbSet('number', 3, store);
    const cache = createEmbeddingCache({ store });
    expect((await cache.getMany(['nan', 'array', 'number'])).size).toBe(0);
    await cache.setMany([['inf', { vector: vector(Number.POSITIVE_INFINITY), truncated: false }]]);
    expect((await createEmbeddingCache({ store }).getMany(['inf'])).size).toBe(0);
  });

  it('counts entries and bytes as key length + 4 per dimension + 1, and clears', async () => {
    const cache = createEmbeddingCache({ dbName: freshDbName() });
    await cache.setMany([
      ['ab', { vector: vector(1, 0, 0), truncated: false }],
      ['cde', { vector: vector(0, 1, 0), truncated: false }],
    ]);
    // (2 + 12 + 1) + (3 + 12 + 1) = 31
    expect(await cache.size()).toEqual({ entries: 2, approxBytes: 31 });
    await cache.clear();
    expect(await cache.size()).toEqual({ entries: 0, approxBytes: 0 });
  });
});

describe('the embedding cache when IndexedDB refuses', () => {
  it('carries on in memory and reports once, in plain words', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const onError = vi.fn();
    const failing: UseStore = () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const cache = createEmbeddingCache({ store: failing, onError });
    await cache.setMany([['k', { vector: vector(1), truncated: false }]]);
    await cache.setMany([['j', { vector: vector(2), truncated: false }]]);
    expect(cache.persistent).toBe(false);
    expect((await cache.getMany(['k', 'j'])).size).toBe(2);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(
      "Embeddings could not be saved for the next visit (the browser's storage refused: quota exceeded). They are kept until you reload.",
    );
  });
});
