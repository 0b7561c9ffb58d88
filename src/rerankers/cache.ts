import { clear as idbClear, createStore, getMany as idbGetMany, keys as idbKeys, setMany as idbSetMany } from 'idb-keyval';
import type { UseStore } from 'idb-keyval';
import { IndexedDbMissingError, hasIndexedDb, storageRefusalReason } from '../store/storageErrors';

/**
 * Reranker scores by cache key (see cacheKey.ts), kept in IndexedDB across visits with a Map in front.
 * Storage is a convenience: when IndexedDB refuses (quota, private window, none at all), the cache
 * carries on in memory and says so once; no call here ever rejects into a run.
 */
export interface ScoreCache {
  /** The cached scores among `keys`; a key with no usable score is absent from the result. */
  getMany(keys: readonly string[]): Promise<Map<string, number>>;
  /** Remembers scores; non-finite ones are skipped, since no reranker result should be replayed as NaN. */
  setMany(entries: readonly (readonly [string, number])[]): Promise<void>;
  /**
   * How much is cached. `approxBytes` is entries x (key length + 8): one byte per key character (keys are
   * base64url) plus a float64 for the score. IndexedDB's own overhead is not counted.
   */
  size(): Promise<{ entries: number; approxBytes: number }>;
  /** Forgets every score; a successful clear also gives IndexedDB another chance after a refusal. */
  clear(): Promise<void>;
  /** False once IndexedDB has refused: scores then last until the page reloads. */
  readonly persistent: boolean;
}

export interface ScoreCacheOptions {
  /** A database of its own: idb-keyval creates one object store per database, on the database's first open. */
  dbName?: string;
  storeName?: string;
  /** Told once per refusal, in words for a person. */
  onError?: (message: string) => void;
  /** An idb-keyval store to use instead of (dbName, storeName); tests pass a failing one. */
  store?: UseStore;
}

export const DEFAULT_SCORE_DB = 'rerank-playground-scores';
export const DEFAULT_SCORE_STORE = 'scores';

export function createScoreCache(options: ScoreCacheOptions = {}): ScoreCache {
  const memory = new Map<string, number>();
  let store: UseStore | undefined = options.store;
  let persistent = true;
  let reported = false;
  // Bumped by clear(), so a read that started before it cannot put old scores back.
  let generation = 0;

  const openStore = (): UseStore => {
    if (store !== undefined) return store;
    if (!hasIndexedDb()) throw new IndexedDbMissingError();
    store = createStore(options.dbName ?? DEFAULT_SCORE_DB, options.storeName ?? DEFAULT_SCORE_STORE);
    return store;
  };

  const degrade = (error: unknown) => {
    persistent = false;
    if (reported) return;
    reported = true;
    console.warn('The score cache fell back to memory only', error);
    options.onError?.(
      `Scores could not be saved for the next visit (the browser's storage refused: ${storageRefusalReason(error)}). ` +
        'They are kept until you reload.',
    );
  };

  /** Runs one IndexedDB operation; a refusal (thrown or rejected) degrades the cache and yields undefined. */
  const attempt = async <T>(operation: (store: UseStore) => Promise<T>): Promise<T | undefined> => {
    try {
      return await operation(openStore());
    } catch (error) {
      degrade(error);
      return undefined;
    }
  };

  return {
    get persistent() {
      return persistent;
    },

    async getMany(keys) {
      const found = new Map<string, number>();
      const misses: string[] = [];
      for (const key of new Set(keys)) {
        const score = memory.get(key);
        if (score === undefined) misses.push(key);
        else found.set(key, score);
      }
      if (misses.length === 0 || !persistent) return found;
      const startedIn = generation;
      const stored = await attempt((s) => idbGetMany<unknown>(misses, s));
      if (stored === undefined || startedIn !== generation) return found;
      misses.forEach((key, i) => {
        const value = stored[i];
        // Whatever was read back is checked: anything but a finite number is a miss.
        if (typeof value !== 'number' || !Number.isFinite(value)) return;
        memory.set(key, value);
        found.set(key, value);
      });
      return found;
    },

    async setMany(entries) {
      const fresh: [string, number][] = [];
      for (const [key, score] of entries) {
        if (!Number.isFinite(score) || memory.get(key) === score) continue;
        memory.set(key, score);
        fresh.push([key, score]);
      }
      if (fresh.length === 0 || !persistent) return;
      await attempt((s) => idbSetMany(fresh, s));
    },

    async size() {
      const stored = persistent ? await attempt((s) => idbKeys(s)) : undefined;
      const all = new Set<string>(memory.keys());
      for (const key of stored ?? []) if (typeof key === 'string') all.add(key);
      let approxBytes = 0;
      for (const key of all) approxBytes += key.length + 8;
      return { entries: all.size, approxBytes };
    },

    async clear() {
      generation++;
      memory.clear();
      // Tried even after a refusal: clearing is what frees the space a full quota needs.
      try {
        await idbClear(openStore());
        persistent = true;
        reported = false;
      } catch (error) {
        degrade(error);
      }
    },
  };
}
