/** Types shared by DenseEmbedder (client.ts) and its worker run (embedRun.ts); client.ts re-exports them. */
import type { ModelDtype } from '../catalog';
import type { Pooling } from '../denseCatalog';
import { modelIdError } from '../local/errors';
import type { RerankError } from '../types';
import type { DenseLoadedReply, DenseWorkerErrorKind, LibraryProgressEvent, LocalDevice } from './protocol';

export interface DenseEmbedSettings {
  model: string;
  device: 'wasm' | 'webgpu';
  dtype: ModelDtype;
  pooling: Pooling;
  normalize: boolean;
  maxLength: number;
  batchSize: number;
}

export type DenseErrorKind = DenseWorkerErrorKind | 'cancelled' | 'worker-crashed';

export interface DenseEmbedError extends RerankError {
  kind: DenseErrorKind;
}

export interface DenseLoadInfo {
  device: LocalDevice;
  dtype: ModelDtype;
  /** 0 when the model was already loaded. */
  loadMs: number;
  runtime: DenseLoadedReply['runtime'];
}

/** Per-file download progress (transformers.js' event, whole), loads and fallbacks, like LocalReranker's events. */
export type DenseEmbedderEvent =
  | { type: 'progress'; event: LibraryProgressEvent }
  | { type: 'loaded'; info: DenseLoadInfo }
  | { type: 'fallback'; from: 'webgpu'; to: 'wasm'; reason: DenseEmbedError };

export function cancelledError(): DenseEmbedError {
  return { kind: 'cancelled', cancelled: true, message: 'Embedding was cancelled.', cause: 'AbortSignal' };
}

/** Settings the worker would refuse, caught before anything is loaded; null when they are fine. */
export function settingsError(settings: DenseEmbedSettings): DenseEmbedError | null {
  const invalidId = modelIdError(settings.model);
  if (invalidId) return invalidId;
  const { maxLength, batchSize } = settings;
  if (!Number.isInteger(maxLength) || maxLength < 8 || !Number.isInteger(batchSize) || batchSize < 1) {
    return { kind: 'invalid-request', message: 'Max length must be a whole number of at least 8 tokens, and batch size at least 1.', cause: JSON.stringify({ maxLength, batchSize }) };
  }
  return null;
}

