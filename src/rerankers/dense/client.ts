/**
 * DenseEmbedder: the main-thread side of the bi-encoder. It owns the worker, loads the model on demand, answers
 * cached texts from the embedding cache without loading anything, and settles one Result per call. Calls run one
 * after another. After a failed load or run the worker is dropped and a fresh one starts on the next call; if
 * WebGPU fails, it retries on WASM and says so in `notes` and an event (as LocalReranker does).
 */
import type { Result } from '../../core/types';
import type { ModelDtype } from '../catalog';
import { defaultDtype } from '../local/device';
import { createEmbeddingCache, embeddingKey, type EmbeddingCache } from './embeddingCache';
import { runEmbedRequest } from './embedRun';
import { cancelledError, settingsError, type DenseEmbedError, type DenseEmbedSettings, type DenseEmbedderEvent, type DenseErrorKind, type DenseLoadInfo } from './embedTypes';
import type { LocalDevice } from './protocol';
import { DenseWorkerConnection } from './workerConnection';

export type { DenseEmbedError, DenseEmbedSettings, DenseEmbedderEvent, DenseErrorKind, DenseLoadInfo } from './embedTypes';

export interface EmbedOutcome {
  /** One vector per input text, in input order. */
  vectors: Float32Array[];
  /** Length of every vector (0 when there were no texts). */
  dims: number;
  /** loadMs is 0 when the model was already loaded, or not needed because every text was cached. */
  timings: { loadMs: number; inferenceMs: number; totalMs: number };
  /** Per text: whether it was cut to maxLength tokens. */
  truncated: boolean[];
  /** How many of the texts were answered from the embedding cache (not recomputed). */
  fromCache: number;
  /** Where it really ran (after any fallback); the requested device when everything came from the cache. */
  device: LocalDevice;
  dtype: ModelDtype;
  notes: string[];
}

export interface DenseEmbedderOptions {
  onEvent?: (event: DenseEmbedderEvent) => void;
  /** Tests pass a fake worker. */
  createWorker?: () => Worker;
  /** null: no cache. Default: one IndexedDB-backed cache shared by every DenseEmbedder of the page. */
  cache?: EmbeddingCache | null;
}

export interface EmbedCallOptions {
  /** Stops the call: during a load the worker is dropped; during a run it stops before its next batch. Answers `cancelled`. */
  signal?: AbortSignal;
  /** Texts with a vector so far (cached ones first, then after each batch), out of all the texts given. */
  onProgress?: (p: { done: number; total: number }) => void;
}

const defaultCreateWorker = (): Worker => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });

let sharedCache: EmbeddingCache | undefined;
/** The page's embedding cache (created on first use), e.g. to show its size or clear it. */
export function defaultEmbeddingCache(): EmbeddingCache {
  sharedCache ??= createEmbeddingCache();
  return sharedCache;
}

/** Kinds where WASM would fail the same way, so falling back is pointless. */
const NOT_DEVICE_RELATED: readonly DenseErrorKind[] = ['model-not-found', 'network', 'unsupported-model', 'invalid-request', 'cancelled'];

let requestCounter = 0;
const nextRequestId = (): number => ++requestCounter;

export class DenseEmbedder {
  private readonly onEvent: (event: DenseEmbedderEvent) => void;
  private readonly createWorker: () => Worker;
  private readonly cache: EmbeddingCache | null;
  private connection: DenseWorkerConnection | undefined;
  private loaded: { key: string; info: DenseLoadInfo } | undefined;
  /** Set once WebGPU failed for this model: later calls go straight to WASM. */
  private webgpuFailedFor: string | undefined;
  /** Calls run one after another; each waits for this. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: DenseEmbedderOptions = {}) {
    this.onEvent = options.onEvent ?? (() => undefined);
    this.createWorker = options.createWorker ?? defaultCreateWorker;
    this.cache = options.cache === undefined ? defaultEmbeddingCache() : options.cache;
  }

  /** What will actually be loaded: WASM instead of WebGPU once WebGPU failed for this model. */
  private effective(settings: DenseEmbedSettings): { device: LocalDevice; dtype: ModelDtype; fellBack: boolean } {
    const { model, device, dtype } = settings;
    if (device === 'webgpu' && this.webgpuFailedFor === model) return { device: 'wasm', dtype: dtype === 'fp16' ? defaultDtype('wasm') : dtype, fellBack: true };
    return { device, dtype, fellBack: false };
  }

  private ensureConnection(): DenseWorkerConnection {
    if (!this.connection?.alive) {
      this.connection = new DenseWorkerConnection(this.createWorker, nextRequestId);
      this.loaded = undefined;
    }
    return this.connection;
  }

  private discardWorker(cause: string): void {
    this.connection?.terminate(cause);
    this.connection = undefined;
    this.loaded = undefined;
  }

  embed(texts: readonly string[], settings: DenseEmbedSettings, options: EmbedCallOptions = {}): Promise<Result<EmbedOutcome, DenseEmbedError>> {
    const previous = this.queue;
    const call = this.waitTurn(previous, options.signal).then((turn) => (turn ? this.embedNow([...texts], settings, options) : { ok: false as const, error: cancelledError() }));
    this.queue = call.catch(() => undefined);
    return call;
  }

  /** True when the previous call is over; false when the signal stopped this one while it waited. */
  private waitTurn(previous: Promise<unknown>, signal: AbortSignal | undefined): Promise<boolean> {
    if (signal?.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const onAbort = (): void => resolve(false);
      signal?.addEventListener('abort', onAbort, { once: true });
      void previous.then(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve(!signal?.aborted);
      });
    });
  }

  private async embedNow(texts: string[], settings: DenseEmbedSettings, options: EmbedCallOptions): Promise<Result<EmbedOutcome, DenseEmbedError>> {
    const started = performance.now();
    const invalid = settingsError(settings);
    if (invalid) return { ok: false, error: invalid };
    const { signal, onProgress } = options;
    const vectors: (Float32Array | undefined)[] = texts.map(() => undefined);
    const truncated = texts.map(() => false);
    const notes: string[] = [];
    const keyOf = (dtype: ModelDtype, text: string): Promise<string> => embeddingKey({ ...settings, dtype }, text);
    const target = this.effective(settings);

    let fromCache = 0;
    const cache = await this.usableCache(notes);
    if (cache) {
      const keys = await Promise.all(texts.map((text) => keyOf(target.dtype, text)));
      const hits = await cache.getMany(keys);
      keys.forEach((key, i) => {
        const hit = hits.get(key);
        if (!hit) return;
        vectors[i] = hit.vector;
        truncated[i] = hit.truncated;
        fromCache += 1;
      });
    }
    // Each missing text once, however often it occurs.
    const missing = new Map<string, number[]>();
    texts.forEach((text, i) => {
      if (vectors[i] === undefined) missing.set(text, [...(missing.get(text) ?? []), i]);
    });
    onProgress?.({ done: fromCache, total: texts.length });
    const finish = (loadMs: number, inferenceMs: number, ran: { device: LocalDevice; dtype: ModelDtype }): Result<EmbedOutcome, DenseEmbedError> => {
      const cut = truncated.filter(Boolean).length;
      if (cut > 0) notes.push(`${cut} of ${texts.length} texts were cut to ${settings.maxLength} tokens.`);
      const done = vectors.filter((v) => v !== undefined);
      if (done.length !== texts.length) return { ok: false, error: { kind: 'inference-failed', message: 'The model worker answered fewer vectors than texts. Reload the page and try again.', cause: `${done.length} vectors for ${texts.length} texts` } };
      return { ok: true, value: { vectors: done, dims: done[0]?.length ?? 0, timings: { loadMs, inferenceMs, totalMs: performance.now() - started }, truncated, fromCache, ...ran, notes } };
    };
    if (missing.size === 0) return finish(0, 0, target);
    if (signal?.aborted) return { ok: false, error: cancelledError() };

    const unique = [...missing.entries()];
    let done = fromCache;
    const onPartial = (indices: number[], batch: Float32Array[], cut: boolean[]): void => {
      indices.forEach((k, j) => {
        for (const i of unique[k]?.[1] ?? []) {
          if (vectors[i] === undefined) done += 1;
          vectors[i] = batch[j];
          truncated[i] = cut[j] ?? false;
        }
      });
      onProgress?.({ done, total: texts.length });
    };
    const uniqueTexts = unique.map(([text]) => text);
    let attempt = await this.loadAndRun(uniqueTexts, settings, signal, onPartial);
    if (!attempt.ok && this.shouldFallBack(settings, attempt.error)) {
      this.fallBack(settings.model, attempt.error);
      // Start over on WASM: no vector of the failed device is mixed with the new ones.
      for (const [, indices] of unique) for (const i of indices) vectors[i] = undefined;
      done = fromCache;
      attempt = await this.loadAndRun(uniqueTexts, settings, signal, onPartial);
    }
    if (!attempt.ok) return attempt;
    const run = attempt.value;
    if (cache) {
      // Keyed by the dtype that really ran, so a fallback's vectors are found by the next (fallen-back) call.
      const writes = await Promise.all(
        unique.map(async ([text, [first = 0]]) => [await keyOf(run.info.dtype, text), { vector: vectors[first] ?? new Float32Array(), truncated: truncated[first] ?? false }] as const),
      );
      await cache.setMany(writes);
    }
    if (this.effective(settings).fellBack) notes.unshift('WebGPU failed for this model, so it ran on WASM (CPU) instead.');
    return finish(run.info.loadMs, run.inferenceMs, run.info);
  }

  /** The cache, unless this page cannot hash (no crypto.subtle outside secure pages): then none, with a note. */
  private async usableCache(notes: string[]): Promise<EmbeddingCache | null> {
    if (!this.cache) return null;
    try {
      await embeddingKey({ model: 'probe/probe', dtype: 'fp32', pooling: 'mean', normalize: true, maxLength: 8 }, '');
      return this.cache;
    } catch (error) {
      notes.push(error instanceof Error ? error.message : String(error));
      return null;
    }
  }

  private shouldFallBack(settings: DenseEmbedSettings, error: DenseEmbedError): boolean {
    return this.effective(settings).device === 'webgpu' && !NOT_DEVICE_RELATED.includes(error.kind);
  }

  private fallBack(model: string, reason: DenseEmbedError): void {
    this.webgpuFailedFor = model;
    this.onEvent({ type: 'fallback', from: 'webgpu', to: 'wasm', reason });
  }

  private loadAndRun(texts: string[], settings: DenseEmbedSettings, signal: AbortSignal | undefined, onPartial: (indices: number[], vectors: Float32Array[], truncated: boolean[]) => void) {
    const target = this.effective(settings);
    const key = JSON.stringify([settings.model, target.device, target.dtype]);
    const connection = this.ensureConnection();
    return runEmbedRequest({
      connection,
      model: settings.model,
      device: target.device,
      dtype: target.dtype,
      loadedInfo: this.loaded?.key === key ? { ...this.loaded.info, loadMs: 0 } : undefined,
      texts,
      options: { pooling: settings.pooling, normalize: settings.normalize, maxLength: settings.maxLength, batchSize: settings.batchSize },
      signal,
      onPartial,
      onEvent: this.onEvent,
      onLoaded: (info) => (this.loaded = { key, info }),
      onFailure: (cause) => this.discardWorker(cause),
    });
  }

  /** Stops the worker for good (e.g. when the app unmounts); a later call starts a new one. */
  dispose(): void {
    this.discardWorker('disposed');
  }
}
