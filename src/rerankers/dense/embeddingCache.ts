import { clear as idbClear, createStore, getMany as idbGetMany, keys as idbKeys, setMany as idbSetMany } from 'idb-keyval';
import type { UseStore } from 'idb-keyval';
import { IndexedDbMissingError, hasIndexedDb, storageRefusalReason } from '../../store/storageErrors';
import { encodeFields, rerankerSignature } from '../cacheKey';
import type { ModelDtype } from '../catalog';
import type { Pooling } from '../denseCatalog';

/**
 * Embeddings by key (SHA-256 of the settings that change a vector and the text), kept in IndexedDB across visits
 * with a Map in front; the same shape as the score cache (../cache.ts). When IndexedDB refuses, it carries on in
 * memory and says so once; no call here ever rejects into a run.
 */
export interface CachedEmbedding {
  vector: Float32Array;
  /** Whether the text was cut to fit the model when it was embedded. */
  truncated: boolean;
}

export interface EmbeddingKeySettings {
  model: string;
  dtype: ModelDtype;
  pooling: Pooling;
  normalize: boolean;
  maxLength: number;
}

export interface EmbeddingCache {
  /** The cached embeddings among `keys`; a key with no usable entry is absent. */
  getMany(keys: readonly string[]): Promise<Map<string, CachedEmbedding>>;
  /** Remembers embeddings; a vector with a non-finite value is skipped. */
  setMany(entries: readonly (readonly [string, CachedEmbedding])[]): Promise<void>;
  /** `approxBytes` is entries x (key length + 4 x dimensions + 1); IndexedDB's own overhead is not counted. */
  size(): Promise<{ entries: number; approxBytes: number }>;
  clear(): Promise<void>;
  /** False once IndexedDB has refused: embeddings then last until the page reloads. */
  readonly persistent: boolean;
}

export interface EmbeddingCacheOptions {
  dbName?: string;
  storeName?: string;
  onError?: (message: string) => void;
  /** An idb-keyval store to use instead of (dbName, storeName); tests pass a failing one. */
  store?: UseStore;
}

export const DEFAULT_EMBEDDING_DB = 'rerank-playground-embeddings';
export const DEFAULT_EMBEDDING_STORE = 'embeddings';

/** Bumped when the key encoding changes, so old entries are simply never found again. */
const KEY_FORMAT = 'rerank-playground embedding key v1';

/**
 * SHA-256 of (format, settings signature, text), each field length-prefixed as UTF-16 code units (cacheKey.ts'
 * encodeFields), as base64url. The device is not part of it: WASM and WebGPU give the same vector up to rounding.
 */
export async function embeddingKey(settings: EmbeddingKeySettings, text: string): Promise<string> {
  const { model, dtype, pooling, normalize, maxLength } = settings;
  const signature = rerankerSignature({ kind: 'dense', model, dtype, pooling, normalize, maxLength });
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) {
    throw new Error('Embeddings cannot be cached: this page has no crypto.subtle (secure pages only). Open the playground over https or from localhost.');
  }
  const digest = new Uint8Array(await subtle.digest('SHA-256', encodeFields([KEY_FORMAT, signature, text])));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function isUsable(value: unknown): value is CachedEmbedding {
  if (typeof value !== 'object' || value === null) return false;
  const { vector, truncated } = value as Partial<CachedEmbedding>;
  return vector instanceof Float32Array && vector.length > 0 && vector.every(Number.isFinite) && typeof truncated === 'boolean';
}

export function createEmbeddingCache(options: EmbeddingCacheOptions = {}): EmbeddingCache {
  const memory = new Map<string, CachedEmbedding>();
  let store: UseStore | undefined = options.store;
  let persistent = true;
  let reported = false;
  // Bumped by clear(), so a read that started before it cannot put old embeddings back.
  let generation = 0;

  const openStore = (): UseStore => {
    if (store !== undefined) return store;
    if (!hasIndexedDb()) throw new IndexedDbMissingError();
    store = createStore(options.dbName ?? DEFAULT_EMBEDDING_DB, options.storeName ?? DEFAULT_EMBEDDING_STORE);
    return store;
  };

  const degrade = (error: unknown) => {
    persistent = false;
    if (reported) return;
    reported = true;
    console.warn('The embedding cache fell back to memory only', error);
    options.onError?.(
      `Embeddings could not be saved for the next visit (the browser's storage refused: ${storageRefusalReason(error)}). ` +
        'They are kept until you reload.',
    );
  };

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
      const found = new Map<string, CachedEmbedding>();
      const misses: string[] = [];
      for (const key of new Set(keys)) {
        const entry = memory.get(key);
        if (entry === undefined) misses.push(key);
        else found.set(key, entry);
      }
      if (misses.length === 0 || !persistent) return found;
      const startedIn = generation;
      const stored = await attempt((s) => idbGetMany<unknown>(misses, s));
      if (stored === undefined || startedIn !== generation) return found;
      misses.forEach((key, i) => {
        const value = stored[i];
        if (!isUsable(value)) return; // whatever was read back is checked
        memory.set(key, value);
        found.set(key, value);
      });
      return found;
    },

    async setMany(entries) {
      const fresh: [string, CachedEmbedding][] = [];
      for (const [key, entry] of entries) {
        if (!isUsable(entry) || memory.get(key) === entry) continue;
        memory.set(key, entry);
        fresh.push([key, entry]);
      }
      if (fresh.length === 0 || !persistent) return;
      await attempt((s) => idbSetMany(fresh, s));
    },

    async size() {
      const stored = persistent ? await attempt((s) => idbKeys(s)) : undefined;
      const all = new Set<string>(memory.keys());
      for (const key of stored ?? []) if (typeof key === 'string') all.add(key);
      // Dimensions of entries only on disk are not read back: counted as the ones in memory, or 384.
      const dims = memory.values().next().value?.vector.length ?? 384;
      let approxBytes = 0;
      for (const key of all) approxBytes += key.length + 4 * (memory.get(key)?.vector.length ?? dims) + 1;
      return { entries: all.size, approxBytes };
    },

    async clear() {
      generation++;
      memory.clear();
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
