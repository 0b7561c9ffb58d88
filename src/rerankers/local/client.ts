/**
 * LocalReranker: the main-thread side of the local cross-encoder. It owns the worker, loads the model on
 * demand, and turns worker replies into one settled Result per call. After any failed load or run the
 * worker is terminated and a fresh one is started on the next call (onnxruntime-web stays broken
 * otherwise). If WebGPU fails, it retries on WASM in a fresh worker and says so in `notes` and an event.
 */
import type { Result } from '../../core/types';
import type { ModelDtype, RerankerKind } from '../catalog';
import type { RerankError, RerankOptions, RerankOutcome, Reranker } from '../types';
import { defaultDtype } from './device';
import { modelIdError } from './errors';
import type { LongDocumentsSetting } from '../../core/windows';
import { longDocumentNotes } from './longDocumentNotes';
import type { DocumentDetails, LibraryProgressEvent, LoadedReply, LocalDevice, WorkerErrorKind } from './protocol';
import { WorkerConnection } from './workerConnection';

export interface LocalRerankerSettings {
  model: string;
  device: LocalDevice;
  dtype: ModelDtype;
  maxLength: number;
  batchSize: number;
  /** Absent: truncate. */
  longDocuments?: LongDocumentsSetting;
}

export type LocalErrorKind = WorkerErrorKind | 'cancelled' | 'worker-crashed';

export interface LocalRerankError extends RerankError {
  kind: LocalErrorKind;
}

export interface LocalRerankOutcome extends RerankOutcome {
  /** A cross-encoder's raw logit, or an LLM reranker's (causal LM's) P(yes), in [0, 1]. */
  scoreKind: 'raw logit' | 'P(yes)';
  truncated: boolean[];
  /** Per document, in input order: token budget and split-mode windows (undefined if not scored). */
  details: (DocumentDetails | undefined)[];
  timings: { totalMs: number; loadMs: number; inferenceMs: number; tokenizeMs: number; msPerDoc: number; batches: number };
  /** Where it really ran (after any fallback). */
  device: LocalDevice;
  dtype: ModelDtype;
}

export interface LoadInfo {
  device: LocalDevice;
  dtype: ModelDtype;
  /** Read by the worker from the model's config.json. */
  kind: RerankerKind;
  loadMs: number;
  runtime: LoadedReply['runtime'];
  notes: string[];
}

/** Events for the UI: per-file download progress (the library's event, whole), loads and fallbacks. */
export type LocalRerankerEvent =
  | { type: 'progress'; event: LibraryProgressEvent }
  | { type: 'loaded'; info: LoadInfo }
  | { type: 'fallback'; from: 'webgpu'; to: 'wasm'; reason: LocalRerankError };

export interface LocalRerankerOptions {
  settings: LocalRerankerSettings;
  onEvent?: (event: LocalRerankerEvent) => void;
  createWorker?: () => Worker;
}

const defaultCreateWorker = (): Worker => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });

/** Kinds where WASM would fail the same way, so falling back is pointless. */
const NOT_DEVICE_RELATED: readonly LocalErrorKind[] = ['model-not-found', 'network', 'unsupported-model', 'invalid-request', 'cancelled'];

let requestCounter = 0;
const nextRequestId = (): number => ++requestCounter;

function cancelledError(): LocalRerankError {
  return { kind: 'cancelled', cancelled: true, message: 'Reranking was cancelled.', cause: 'AbortSignal' };
}

export class LocalReranker implements Reranker<LocalRerankOutcome, LocalRerankError> {
  private settings: LocalRerankerSettings;
  private onEvent: (event: LocalRerankerEvent) => void;
  private readonly createWorker: () => Worker;
  private connection: WorkerConnection | undefined;
  private loadedKey: string | undefined;
  private loadInfo: LoadInfo | undefined;
  /** Set once WebGPU failed for this model: later runs go straight to WASM. */
  private webgpuFailedFor: string | undefined;
  private stopCurrent: (() => void) | undefined;
  /** Bumped by every rank(): a run whose load finishes after a newer rank() started gives up. */
  private generation = 0;

  constructor(options: LocalRerankerOptions) {
    this.settings = options.settings;
    this.onEvent = options.onEvent ?? (() => undefined);
    this.createWorker = options.createWorker ?? defaultCreateWorker;
  }

  configure(settings: LocalRerankerSettings): void {
    this.settings = settings;
  }

  /** Each run (or "why this score?") brings its own handler: loads and fallbacks report to whoever asked last. */
  setOnEvent(onEvent: (event: LocalRerankerEvent) => void): void {
    this.onEvent = onEvent;
  }

  /** What will actually be loaded: WASM instead of WebGPU once WebGPU failed for this model. */
  private effective(): { model: string; device: LocalDevice; dtype: ModelDtype; fellBack: boolean } {
    const { model, device, dtype } = this.settings;
    if (device === 'webgpu' && this.webgpuFailedFor === model) {
      return { model, device: 'wasm', dtype: dtype === 'fp16' ? defaultDtype('wasm') : dtype, fellBack: true };
    }
    return { model, device, dtype, fellBack: false };
  }

  private ensureConnection(): WorkerConnection {
    if (!this.connection?.alive) {
      this.connection = new WorkerConnection(this.createWorker, nextRequestId);
      this.loadedKey = undefined;
    }
    return this.connection;
  }

  /** Kills the worker after a failure; the next call starts a fresh one. */
  private discardWorker(cause: string): void {
    this.connection?.terminate(cause);
    this.connection = undefined;
    this.loadedKey = undefined;
  }

  /** Loads the configured model (no-op when it is loaded), falling back from WebGPU to WASM once. */
  async load(signal?: AbortSignal): Promise<Result<LoadInfo, LocalRerankError>> {
    // Before any worker or request: a bad id would make transformers.js fetch files outside /models/.
    const invalidId = modelIdError(this.settings.model);
    if (invalidId) return { ok: false, error: invalidId };
    const first = await this.loadOnce(signal);
    if (first.ok || !this.shouldFallBack(first.error)) return first;
    this.fallBack(first.error);
    return this.loadOnce(signal);
  }

  private shouldFallBack(error: LocalRerankError): boolean {
    return this.effective().device === 'webgpu' && !NOT_DEVICE_RELATED.includes(error.kind);
  }

  private fallBack(reason: LocalRerankError): void {
    this.webgpuFailedFor = this.settings.model;
    this.onEvent({ type: 'fallback', from: 'webgpu', to: 'wasm', reason });
  }

  private fallbackNotes(): string[] {
    return this.effective().fellBack ? ['WebGPU failed for this model, so it ran on WASM (CPU) instead.'] : [];
  }

  private loadOnce(signal?: AbortSignal): Promise<Result<LoadInfo, LocalRerankError>> {
    const target = this.effective();
    const key = JSON.stringify([target.model, target.device, target.dtype]);
    const connection = this.ensureConnection();
    if (this.loadedKey === key && this.loadInfo) return Promise.resolve({ ok: true, value: { ...this.loadInfo, loadMs: 0 } });
    if (signal?.aborted) return Promise.resolve({ ok: false, error: cancelledError() });
    return new Promise((resolve) => {
      const finish = (result: Result<LoadInfo, LocalRerankError>): void => {
        connection.forget(id);
        signal?.removeEventListener('abort', onAbort);
        resolve(result);
      };
      // A load cannot be stopped half-way inside onnxruntime: drop the worker instead.
      const onAbort = (): void => {
        finish({ ok: false, error: cancelledError() });
        this.discardWorker('load cancelled');
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const id = connection.send((requestId) => ({ type: 'load', id: requestId, ...target }), (reply) => {
        if (reply.type === 'progress') this.onEvent({ type: 'progress', event: reply.event });
        else if (reply.type === 'loaded') {
          const info: LoadInfo = { device: reply.device, dtype: reply.dtype, kind: reply.kind ?? 'cross-encoder', loadMs: reply.loadMs, runtime: reply.runtime, notes: this.fallbackNotes() };
          this.loadedKey = key;
          this.loadInfo = info;
          this.onEvent({ type: 'loaded', info });
          finish({ ok: true, value: info });
        } else if (reply.type === 'error' || reply.type === 'crash') {
          const kind: LocalErrorKind = reply.type === 'crash' ? 'worker-crashed' : reply.kind;
          finish({ ok: false, error: { kind, message: reply.message, cause: reply.cause } });
          this.discardWorker(`load failed: ${reply.cause}`);
        }
      });
    });
  }

  /** Stops the current run; its promise settles with a cancelled error. */
  cancel(): void {
    this.stopCurrent?.();
  }

  async rank(query: string, docs: readonly string[], options: RerankOptions = {}): Promise<Result<LocalRerankOutcome, LocalRerankError>> {
    this.cancel(); // a new run supersedes the old one: its late replies are dropped
    const generation = ++this.generation;
    const started = performance.now();
    const loaded = await this.load(options.signal);
    if (!loaded.ok) return loaded;
    if (generation !== this.generation) return { ok: false, error: cancelledError() };
    const run = await this.runOnce(query, docs, options, started, loaded.value);
    if (run.ok || !this.shouldFallBack(run.error)) return run;
    this.fallBack(run.error);
    const reloaded = await this.load(options.signal);
    if (!reloaded.ok) return reloaded;
    return this.runOnce(query, docs, options, started, reloaded.value);
  }

  private runOnce(query: string, docs: readonly string[], options: RerankOptions, started: number, loaded: LoadInfo): Promise<Result<LocalRerankOutcome, LocalRerankError>> {
    const { signal, onProgress, onPartial } = options;
    const scores: number[] = docs.map(() => Number.NaN);
    const truncated: boolean[] = docs.map(() => false);
    const details: (DocumentDetails | undefined)[] = docs.map(() => undefined);
    const outcome = (inferenceMs: number, tokenizeMs: number, batches: number): LocalRerankOutcome => ({
      scores,
      scoreKind: loaded.kind === 'causal-lm' ? 'P(yes)' : 'raw logit',
      truncated,
      details,
      timings: { totalMs: performance.now() - started, loadMs: loaded.loadMs, inferenceMs, tokenizeMs, msPerDoc: docs.length ? inferenceMs / docs.length : 0, batches },
      device: loaded.device,
      dtype: loaded.dtype,
      notes: [...loaded.notes, ...longDocumentNotes(this.settings, truncated, details)],
    });
    if (docs.length === 0) return Promise.resolve({ ok: true, value: outcome(0, 0, 0) });
    if (signal?.aborted) return Promise.resolve({ ok: false, error: cancelledError() });
    const connection = this.ensureConnection();
    return new Promise((resolve) => {
      let settled = false;
      const finish = (result: Result<LocalRerankOutcome, LocalRerankError>): void => {
        if (settled) return;
        settled = true;
        connection.forget(id);
        signal?.removeEventListener('abort', stop);
        if (this.stopCurrent === stop) this.stopCurrent = undefined;
        resolve(result);
      };
      const stop = (): void => {
        connection.notify({ type: 'cancel', id });
        finish({ ok: false, error: cancelledError() });
      };
      signal?.addEventListener('abort', stop, { once: true });
      this.stopCurrent = stop;
      const { maxLength, batchSize, longDocuments } = this.settings;
      const options = { maxLength, batchSize, ...(longDocuments ? { longDocuments } : {}) };
      const id = connection.send((requestId) => ({ type: 'rerank', id: requestId, query, docs: [...docs], options }), (reply) => {
        if (reply.type === 'partial') {
          reply.indices.forEach((docIndex, k) => {
            scores[docIndex] = reply.scores[k] ?? Number.NaN;
            truncated[docIndex] = reply.truncated[k] ?? false;
            details[docIndex] = reply.details?.[k];
          });
          onPartial?.(reply.indices, reply.scores);
          onProgress?.({ scored: reply.scored, total: reply.total });
        } else if (reply.type === 'done') {
          finish(reply.cancelled ? { ok: false, error: cancelledError() } : { ok: true, value: outcome(reply.inferenceMs, reply.tokenizeMs, reply.batches) });
        } else if (reply.type === 'error' || reply.type === 'crash') {
          const kind: LocalErrorKind = reply.type === 'crash' ? 'worker-crashed' : reply.kind;
          finish({ ok: false, error: { kind, message: reply.message, cause: reply.cause } });
          this.discardWorker(`run failed: ${reply.cause}`);
        }
      });
    });
  }

  /** Stops the worker for good (e.g. when the app unmounts); a later call starts a new one. */
  dispose(): void {
    this.cancel();
    this.discardWorker('disposed');
  }
}
