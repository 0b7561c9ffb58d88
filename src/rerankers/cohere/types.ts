import type { AppError } from '../../core/types';

// Shapes shared by every reranker. Kept here until src/rerankers/types.ts settles, then unified.

export interface RerankProgress {
  scored: number;
  total: number;
}

export interface RerankOutcome {
  /** One score per input document, in input order. */
  scores: number[];
  timings: {
    totalMs: number;
    /** Successful API calls (one per chunk of documents). Refused, retried calls are not counted. */
    calls: number;
    perCallMs: number[];
  };
  /** What the provider says it billed, summed across calls (Cohere: `search_units`). */
  billedUnits?: Record<string, number>;
  /** Things worth telling the user about this run (chunking, rate-limit waits, server warnings). */
  notes: string[];
}

/** Why a call to a Cohere-compatible rerank API failed. */
export type CohereErrorKind =
  | 'invalid-settings'
  | 'invalid-input'
  | 'auth'
  | 'rate-limited'
  | 'bad-request'
  | 'not-found'
  | 'server'
  | 'timeout'
  | 'network'
  /** The server answered, but the connection dropped before the whole body came. */
  | 'interrupted'
  | 'bad-response'
  | 'cancelled';

export interface CohereError extends AppError {
  kind: CohereErrorKind;
  /** The HTTP status, when the server answered. */
  status?: number;
  /** True only when the user's own signal stopped the run: the UI can show it quietly. */
  cancelled?: true;
}
