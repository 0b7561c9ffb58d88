import 'fake-indexeddb/auto';
import { createStore, set as idbSet } from 'idb-keyval';
import type { UseStore } from 'idb-keyval';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createScoreCache } from './cache';

const QUOTA_MESSAGE =
  "Scores could not be saved for the next visit (the browser's storage refused: quota exceeded). They are kept until you reload.";

let dbCount = 0;
/** A database of its own per test, so no test sees another's scores. */
const freshDbName = () => `score-cache-test-${++dbCount}`;

/** A real store that counts the transactions it is asked for, and fails them while `refuse` holds an error. */
function watchedStore(dbName: string) {
  const real = createStore(dbName, 'scores');
  const watch = { calls: 0, refuse: null as unknown };
  const store: UseStore = (mode, callback) => {
    watch.calls++;
    return watch.refuse === null ? real(mode, callback) : Promise.reject(watch.refuse);
  };
  return { store, watch };
}

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the score cache over IndexedDB', () => {
  it('keeps scores for the next visit, keyed by any string', async () => {
    const dbName = freshDbName();
    await createScoreCache({ dbName }).setMany([
      ['__proto__', 1.5],
      ['constructor', -2],
      ['k', 0],
    ]);
    const nextVisit = createScoreCache({ dbName });
    const found = await nextVisit.getMany(['__proto__', 'constructor', 'k', 'missing']);
    expect(found).toEqual(
      new Map([
        ['__proto__', 1.5],
        ['constructor', -2],
        ['k', 0],
      ]),
    );
    expect(found.has('missing')).toBe(false);
  });

  it('reads many keys in one transaction, and answers repeated reads from memory', async () => {
    const { store, watch } = watchedStore(freshDbName());
    const cache = createScoreCache({ store });
    await cache.setMany([
      ['a', 1],
      ['b', 2],
    ]);
    const fresh = createScoreCache({ store });
    watch.calls = 0;
    expect(await fresh.getMany(['a', 'b', 'c'])).toEqual(new Map([['a', 1], ['b', 2]]));
    expect(watch.calls).toBe(1);
    expect(await fresh.getMany(['a', 'b'])).toEqual(new Map([['a', 1], ['b', 2]]));
    expect(watch.calls).toBe(1);
  });

  it('treats anything read back that is not a finite number as a miss', async () => {
    const dbName = freshDbName();
    const raw = createStore(dbName, 'scores');
    await idbSet('nan', Number.NaN, raw);
    await idbSet('infinite', Number.POSITIVE_INFINITY, raw);
    await idbSet('text', '0.5', raw);
    await idbSet('object', { score: 1 }, raw);
    await idbSet('good', 0.25, raw);
    const found = await createScoreCache({ dbName }).getMany(['nan', 'infinite', 'text', 'object', 'good']);
    expect(found).toEqual(new Map([['good', 0.25]]));
  });

  it('skips non-finite scores when writing', async () => {
    const dbName = freshDbName();
    await createScoreCache({ dbName }).setMany([
      ['nan', Number.NaN],
      ['ok', 3],
    ]);
    expect(await createScoreCache({ dbName }).getMany(['nan', 'ok'])).toEqual(new Map([['ok', 3]]));
  });

  it('counts entries and approximate bytes as entries x (key length + 8)', async () => {
    const dbName = freshDbName();
    await createScoreCache({ dbName }).setMany([
      ['k1', 1],
      ['__proto__', 2],
    ]);
    // "k1": 2 + 8 = 10; "__proto__": 9 + 8 = 17; total 27.
    expect(await createScoreCache({ dbName }).size()).toEqual({ entries: 2, approxBytes: 27 });
  });

  it('clears memory and IndexedDB', async () => {
    const dbName = freshDbName();
    const cache = createScoreCache({ dbName });
    await cache.setMany([['a', 1]]);
    await cache.clear();
    expect(await cache.getMany(['a'])).toEqual(new Map());
    expect(await createScoreCache({ dbName }).getMany(['a'])).toEqual(new Map());
    expect(await cache.size()).toEqual({ entries: 0, approxBytes: 0 });
  });

  it('does not let a read that started before clear() put old scores back', async () => {
    const dbName = freshDbName();
    await createScoreCache({ dbName }).setMany([['a', 1]]);
    const cache = createScoreCache({ dbName });
    const pendingRead = cache.getMany(['a']);
    const cleared = cache.clear();
    await Promise.all([pendingRead, cleared]);
    expect(await cache.getMany(['a'])).toEqual(new Map());
  });
});

describe('the score cache when IndexedDB refuses', () => {
  it('carries on in memory and reports once, in plain words', async () => {
    const onError = vi.fn();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const failing: UseStore = () => Promise.reject(quotaError());
    const cache = createScoreCache({ store: failing, onError });
    await cache.setMany([
      ['__proto__', 0.5],
      ['b', 2],
    ]);
    await cache.setMany([['c', 3]]);
    expect(await cache.getMany(['__proto__', 'b', 'c', 'd'])).toEqual(
      new Map([
        ['__proto__', 0.5],
        ['b', 2],
        ['c', 3],
      ]),
    );
    // "__proto__" 9+8, "b" 1+8, "c" 1+8 = 35.
    expect(await cache.size()).toEqual({ entries: 3, approxBytes: 35 });
    expect(cache.persistent).toBe(false);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(QUOTA_MESSAGE);
  });

  it('survives a store that throws instead of rejecting', async () => {
    const onError = vi.fn();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const throwing: UseStore = () => {
      throw new ReferenceError('indexedDB is not defined');
    };
    const cache = createScoreCache({ store: throwing, onError });
    await cache.setMany([['a', 1]]);
    expect(await cache.getMany(['a'])).toEqual(new Map([['a', 1]]));
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toContain('this browser has no IndexedDB');
  });

  it('works from memory on a page with no indexedDB at all', async () => {
    vi.stubGlobal('indexedDB', undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const onError = vi.fn();
    const cache = createScoreCache({ dbName: freshDbName(), onError });
    expect(await cache.getMany(['a'])).toEqual(new Map());
    await cache.setMany([['a', 4]]);
    expect(await cache.getMany(['a'])).toEqual(new Map([['a', 4]]));
    await cache.clear();
    expect(await cache.getMany(['a'])).toEqual(new Map());
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(
      "Scores could not be saved for the next visit (the browser's storage refused: this browser has no IndexedDB). They are kept until you reload.",
    );
  });

  it('tries IndexedDB again after a successful clear, since clearing frees the space', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const dbName = freshDbName();
    const { store, watch } = watchedStore(dbName);
    const onError = vi.fn();
    const cache = createScoreCache({ store, onError });
    watch.refuse = quotaError();
    await cache.setMany([['lost', 1]]);
    expect(cache.persistent).toBe(false);
    watch.refuse = null;
    await cache.clear();
    expect(cache.persistent).toBe(true);
    await cache.setMany([['kept', 2]]);
    expect(await createScoreCache({ dbName }).getMany(['lost', 'kept'])).toEqual(new Map([['kept', 2]]));
    expect(onError).toHaveBeenCalledTimes(1);
  });
});
