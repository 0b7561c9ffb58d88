import type { StateCreator } from 'zustand';
import type { AppState } from './index';

/** The dense first stage's embedding run: what the first-stage column shows while it works. */
export interface DenseRunState {
  status: 'idle' | 'running' | 'done' | 'error' | 'cancelled';
  /** Texts embedded so far, of `total` that were missing. */
  done: number;
  total: number;
  /** An error for a person (what happened and what to do next). */
  message: string | null;
  timings: { loadMs: number; inferenceMs: number; totalMs: number } | null;
  /** How many texts were cut at the token limit in the last run. */
  truncatedCount: number;
  /** Where the last run ran ("WASM · fp32"), and what the embedder had to say (a WebGPU fallback). */
  ranOn: string | null;
  notes: readonly string[];
}

export interface DenseSlice {
  denseRun: DenseRunState;
  /** Goes up each time embeddings are added to the vector cache (store/denseVectors.ts), so selectors read it again. */
  denseVersion: number;
}

export const idleDenseRun: DenseRunState = { status: 'idle', done: 0, total: 0, message: null, timings: null, truncatedCount: 0, ranOn: null, notes: [] };

export const createDenseSlice: StateCreator<AppState, [], [], DenseSlice> = () => ({
  denseRun: idleDenseRun,
  denseVersion: 0,
});
