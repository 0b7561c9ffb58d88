/** Typed messages between LocalReranker (main thread) and the cross-encoder worker. */
import type { LongDocumentsSetting, WindowAggregate } from '../../core/windows';
import type { ModelDtype, RerankerKind } from '../catalog';

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
  /** longDocuments: absent means truncate (today's behaviour). */
  options: { maxLength: number; batchSize: number; longDocuments?: LongDocumentsSetting };
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
  /** What was loaded, read from its config.json ('causal-lm': scores are P(yes)). Absent: 'cross-encoder'. */
  kind?: RerankerKind;
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
  /** Per document of `indices`: its token budget and, in split mode, its scored windows. */
  details?: DocumentDetails[];
  scored: number;
  total: number;
}

/** Tokens of one pair, as the model read them (split mode: all document tokens, over the windows). */
export interface TokenBudget {
  queryTokens: number;
  docTokensKept: number;
  docTokensTotal: number;
}

/** One window of a split document: its characters [charStart, charEnd) in the text, and its raw logit. */
export interface ScoredWindow {
  charStart: number;
  charEnd: number;
  score: number;
}

export interface DocumentDetails {
  budget: TokenBudget;
  /** Split mode only; `winner` indexes the window that decided the score (or best explains a mean). */
  windows?: ScoredWindow[];
  winner?: number;
  aggregate?: WindowAggregate;
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
