/** Typed messages between LocalReranker (main thread) and the cross-encoder worker. */
import type { ModelDtype } from '../catalog';

export type LocalDevice = 'wasm' | 'webgpu';

/**
 * transformers.js' own progress event, kept whole: `initiate` | `download` | `progress` | `progress_total`
 * | `done` | `ready`, with `file`, `loaded`, `total`, `progress` where they apply.
 */
export interface LibraryProgressEvent {
  status: string;
  name?: string;
  file?: string;
  loaded?: number;
  total?: number;
  progress?: number;
  [key: string]: unknown;
}

export interface LoadRequest {
  type: 'load';
  id: number;
  model: string;
  device: LocalDevice;
  dtype: ModelDtype;
}

export interface RerankRequest {
  type: 'rerank';
  id: number;
  query: string;
  docs: string[];
  options: { maxLength: number; batchSize: number };
}

export interface CancelRequest {
  type: 'cancel';
  id: number;
}

export type WorkerRequest = LoadRequest | RerankRequest | CancelRequest;

export interface ProgressReply {
  type: 'progress';
  id: number;
  event: LibraryProgressEvent;
}

export interface LoadedReply {
  type: 'loaded';
  id: number;
  device: LocalDevice;
  dtype: ModelDtype;
  /** 0 when the model was already loaded in this worker. */
  loadMs: number;
  /** The runtime as it really is, e.g. whether WASM got threads. */
  runtime: { crossOriginIsolated: boolean; wasmThreads: number };
}

export interface PartialReply {
  type: 'partial';
  id: number;
  /** Original document indices of this batch, and their raw logits. */
  indices: number[];
  scores: number[];
  truncated: boolean[];
  scored: number;
  total: number;
}

export interface DoneReply {
  type: 'done';
  id: number;
  inferenceMs: number;
  /** Time spent tokenizing, included in inferenceMs. */
  tokenizeMs: number;
  batches: number;
  cancelled: boolean;
}

/** Why the worker failed, so the client can tell the user and decide to restart or fall back. */
export type WorkerErrorKind =
  | 'model-not-found'
  | 'model-corrupt'
  | 'network'
  | 'unsupported-model'
  | 'load-failed'
  | 'inference-failed'
  | 'invalid-request';

export interface ErrorReply {
  type: 'error';
  id: number;
  kind: WorkerErrorKind;
  message: string;
  cause: string;
}

export type WorkerReply = ProgressReply | LoadedReply | PartialReply | DoneReply | ErrorReply;
