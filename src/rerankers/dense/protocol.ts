/** Typed messages between DenseEmbedder (main thread) and the bi-encoder worker; every reply carries its request's id. */
import type { ModelDtype } from '../catalog';
import type { Pooling } from '../denseCatalog';
import type { LibraryProgressEvent, LocalDevice, WorkerErrorKind } from '../local/protocol';

export type { LibraryProgressEvent, LocalDevice };

export interface DenseLoadRequest {
  type: 'load';
  id: number;
  model: string;
  device: LocalDevice;
  dtype: ModelDtype;
}

export interface EmbedRequestOptions {
  pooling: Pooling;
  normalize: boolean;
  maxLength: number;
  batchSize: number;
}

export interface EmbedRequest {
  type: 'embed';
  id: number;
  texts: string[];
  options: EmbedRequestOptions;
}

export interface DenseCancelRequest {
  type: 'cancel';
  id: number;
}

export type DenseWorkerRequest = DenseLoadRequest | EmbedRequest | DenseCancelRequest;

export interface DenseProgressReply {
  type: 'progress';
  id: number;
  event: LibraryProgressEvent;
}

export interface DenseLoadedReply {
  type: 'loaded';
  id: number;
  device: LocalDevice;
  dtype: ModelDtype;
  /** 0 when the model was already loaded in this worker. */
  loadMs: number;
  runtime: { crossOriginIsolated: boolean; wasmThreads: number };
}

export interface EmbedPartialReply {
  type: 'partial';
  id: number;
  /** Indices into the request's `texts` of this batch, and one vector per index (buffers are transferred). */
  indices: number[];
  vectors: Float32Array[];
  truncated: boolean[];
  embedded: number;
  total: number;
}

export interface EmbedDoneReply {
  type: 'done';
  id: number;
  inferenceMs: number;
  batches: number;
  cancelled: boolean;
}

export type DenseWorkerErrorKind = WorkerErrorKind;

export interface DenseErrorReply {
  type: 'error';
  id: number;
  kind: DenseWorkerErrorKind;
  message: string;
  cause: string;
}

export type DenseWorkerReply = DenseProgressReply | DenseLoadedReply | EmbedPartialReply | EmbedDoneReply | DenseErrorReply;
