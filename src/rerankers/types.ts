import type { AppError, Result, ScoreKind } from '../core/types';

/** The interface every reranker implements: local cross-encoders in a worker, remote rerank APIs. */

export interface RerankProgress {
  scored: number;
  total: number;
}

export interface RerankOptions {
  signal?: AbortSignal;
  onProgress?: (progress: RerankProgress) => void;
  /** Scores as they arrive, by original document index (a local model sends one call per batch). */
  onPartial?: (indices: number[], scores: number[]) => void;
}

/** Timings every reranker reports; each implementation may add its own fields. */
export interface RerankTimings {
  totalMs: number;
  /** Remote APIs: successful calls and their durations. */
  calls?: number;
  perCallMs?: number[];
  /** Local models: model load (0 when it was already loaded), inference only, inference per document. */
  loadMs?: number;
  inferenceMs?: number;
  msPerDoc?: number;
}

export interface RerankOutcome {
  /** One score per input document, in input order. */
  scores: number[];
  /** What the scores mean, e.g. 'raw logit' for a local cross-encoder, 'relevance score' for Cohere. */
  scoreKind?: ScoreKind;
  /** Per document: whether its text was cut to fit the model (local models). */
  truncated?: boolean[];
  timings: RerankTimings;
  billedUnits?: Record<string, number>;
  /** Things worth telling the user about this run (e.g. "WebGPU failed, ran on WASM"). */
  notes: string[];
}

/** An error from any reranker; `cancelled` is set only when the caller's own signal stopped the run. */
export interface RerankError extends AppError {
  kind?: string;
  cancelled?: true;
}

export interface Reranker<Outcome extends RerankOutcome = RerankOutcome, Error extends RerankError = RerankError> {
  rank(query: string, docs: readonly string[], options?: RerankOptions): Promise<Result<Outcome, Error>>;
}
