/**
 * Messages between the bench (through the page) and its own browser workers: a raw onnxruntime-web session
 * (raw-ort-worker.ts) and the transformers.js cross-encoder example's approach (example-worker.ts).
 */

/** A tensor as postMessage carries it. */
export interface FeedTensor {
  type: 'int64' | 'float32' | 'uint8';
  data: BigInt64Array | Float32Array | Uint8Array;
  dims: number[];
}
export type FeedSet = Record<string, FeedTensor>;

/** Where the app serves onnxruntime-web's files, so the bench workers load the very build the app loads. */
export interface OrtFiles {
  mjs: string;
  wasm: string;
}

export type RawOrtRequest =
  | { type: 'init'; id: number; numThreads: number; files: OrtFiles }
  /** A model URL (served by the app) or the model's bytes. */
  | { type: 'create'; id: number; model: string | Uint8Array }
  /** Runs every feed set in turn, `repeat` times; one wall time per repetition. */
  | { type: 'run'; id: number; session: number; feedSets: FeedSet[]; repeat: number };

export type RawOrtReply =
  | { type: 'ready'; id: number; numThreads: number; crossOriginIsolated: boolean }
  | { type: 'created'; id: number; session: number }
  | { type: 'ran'; id: number; ms: number[] }
  | { type: 'error'; id: number; message: string };

export type ExampleRequest =
  | { type: 'load'; id: number; model: string; dtype: 'fp32' | 'q8'; files: OrtFiles; modelsPath: string }
  | { type: 'rerank'; id: number; query: string; docs: string[] };

export type ExampleReply =
  | { type: 'loaded'; id: number; numThreads: number }
  | { type: 'reranked'; id: number; ms: number; tokenizeMs: number; paddedTokens: number; scores: number[] }
  | { type: 'error'; id: number; message: string };
