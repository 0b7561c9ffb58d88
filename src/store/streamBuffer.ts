import type { RerankProgress } from '../rerankers/types';

export interface StreamBuffer {
  addScores: (scores: ReadonlyMap<string, number>) => void;
  setProgress: (progress: RerankProgress) => void;
  /** Writes whatever is pending now (call it before the run's final state). */
  flush: () => void;
}

/**
 * Collects streamed scores and progress and hands them on at most every `intervalMs`. One store update
 * (and one render, rank-line re-measure and row slide) per small batch competes with the model's WASM
 * threads for the same cores; the bench measured up to 2x slower runs at batch size 1.
 */
export function createStreamBuffer(
  deliver: (scores: ReadonlyMap<string, number>, progress: RerankProgress | null) => void,
  intervalMs = 200,
): StreamBuffer {
  let scores = new Map<string, number>();
  let progress: RerankProgress | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (progress === null && scores.size === 0) return;
    const pendingScores = scores;
    const pendingProgress = progress;
    scores = new Map();
    progress = null;
    deliver(pendingScores, pendingProgress);
  };
  const schedule = () => {
    if (timer === undefined) timer = setTimeout(flush, intervalMs);
  };
  return {
    addScores: (more) => {
      for (const [id, score] of more) scores.set(id, score);
      schedule();
    },
    setProgress: (next) => {
      progress = next;
      schedule();
    },
    flush,
  };
}
