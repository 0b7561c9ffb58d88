import type { RerankProgress } from '../rerankers/types';

export interface StreamBuffer {
  addScores: (scores: ReadonlyMap<string, number>) => void;
  setProgress: (progress: RerankProgress) => void;
  /** Writes whatever is pending now (call it before the run's final state). */
  flush: () => void;
}

/** How often a streaming run reaches the store: soon at first, then less and less often, up to `maxMs`. */
export interface StreamPacing {
  /** The wait before the first delivery: the first scores show up quickly. */
  firstMs: number;
  /** Each wait is twice the one before, up to this. */
  maxMs: number;
}

/**
 * 200 ms, 400, 800, then once a second. Each delivery is a store update, a render of the column's rows and a
 * redraw of the rank lines, and that main-thread work takes the cores the model's WASM threads need: the
 * bench measured up to 2x slower runs at one update per batch. Once a second still shows the run moving.
 */
export const defaultStreamPacing: StreamPacing = { firstMs: 200, maxMs: 1000 };

/**
 * Collects streamed scores and progress and hands them on in few, growing steps (see StreamPacing).
 * A number paces at that fixed interval.
 */
export function createStreamBuffer(
  deliver: (scores: ReadonlyMap<string, number>, progress: RerankProgress | null) => void,
  pacing: number | StreamPacing = defaultStreamPacing,
): StreamBuffer {
  const { firstMs, maxMs } = typeof pacing === 'number' ? { firstMs: pacing, maxMs: pacing } : pacing;
  let scores = new Map<string, number>();
  let progress: RerankProgress | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waitMs = firstMs;

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
  const deliverOnTime = () => {
    waitMs = Math.min(maxMs, waitMs * 2);
    flush();
  };
  const schedule = () => {
    if (timer === undefined) timer = setTimeout(deliverOnTime, waitMs);
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
