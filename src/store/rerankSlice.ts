import type { StateCreator } from 'zustand';
import type { DeviceSupport } from '../rerankers/local/device';
import { defaultLocalConfig, idleRun, noRuns, type Column, type ColumnConfig, type RunState } from './columns';
import type { AppState } from './index';
import { disposeReranker } from './rerankerRegistry';
import { rerankAllQueries, type RerankAllProgress } from './rerankAll';
import { runAllColumns } from './runColumns';

export type { ScoreDisplay } from '../core/scoreDisplay';
import type { ScoreDisplay } from '../core/scoreDisplay';

export interface RerankSlice {
  columns: Column[];
  scoreDisplay: ScoreDisplay;
  /** null until the browser has been asked (asynchronously) for a WebGPU adapter. */
  deviceSupport: DeviceSupport | null;
  /** A message about the whole rerank request (empty query, no documents), shown by the Rerank button. */
  rerankBlocked: string | null;
  running: boolean;
  /** The latest "rerank all" over the set, while it runs and after. */
  rerankAll: RerankAllProgress | null;
  addColumn: (config: ColumnConfig) => void;
  removeColumn: (id: string) => void;
  updateColumn: (id: string, config: ColumnConfig) => void;
  setScoreDisplay: (display: ScoreDisplay) => void;
  setDeviceSupport: (support: DeviceSupport) => void;
  /** Internal: replace one column's run state for one query (used while runs stream). */
  patchRun: (id: string, queryKey: string, patch: Partial<RunState> | ((run: RunState) => Partial<RunState>)) => void;
  /** Internal: write many finished runs at once (rerank all coalesces them). */
  putRuns: (runs: readonly { columnId: string; queryKey: string; run: RunState }[]) => void;
  rerank: () => Promise<void>;
  /** Reranks every query of the set in every column; what is already current is kept. */
  rerankAllQueries: () => Promise<void>;
  cancelRerank: () => void;
}

let columnCounter = 1;
const newColumnId = () => `col_${++columnCounter}`;

export const initialRerank = {
  columns: [{ id: 'col_1', config: defaultLocalConfig, runs: noRuns }] as Column[],
  scoreDisplay: 'raw' as ScoreDisplay,
};

let currentRun: AbortController | null = null;

export const createRerankSlice: StateCreator<AppState, [], [], RerankSlice> = (set, get) => ({
  ...initialRerank,
  deviceSupport: null,
  rerankBlocked: null,
  running: false,
  rerankAll: null,
  addColumn: (config) => set((s) => ({ columns: [...s.columns, { id: newColumnId(), config, runs: noRuns }] })),
  removeColumn: (id) => {
    disposeReranker(id);
    set((s) => ({ columns: s.columns.filter((c) => c.id !== id) }));
  },
  updateColumn: (id, config) =>
    set((s) => ({ columns: s.columns.map((c) => (c.id === id ? { ...c, config } : c)) })),
  setScoreDisplay: (scoreDisplay) => set({ scoreDisplay }),
  setDeviceSupport: (deviceSupport) => set({ deviceSupport }),
  patchRun: (id, queryKey, patch) =>
    set((s) => ({
      columns: s.columns.map((c) => {
        if (c.id !== id) return c;
        const run = c.runs.get(queryKey) ?? idleRun;
        const runs = new Map(c.runs);
        runs.set(queryKey, { ...run, ...(typeof patch === 'function' ? patch(run) : patch) });
        return { ...c, runs };
      }),
    })),
  putRuns: (finished) =>
    set((s) => ({
      columns: s.columns.map((c) => {
        const mine = finished.filter((f) => f.columnId === c.id);
        if (mine.length === 0) return c;
        const runs = new Map(c.runs);
        for (const f of mine) runs.set(f.queryKey, f.run);
        return { ...c, runs };
      }),
    })),
  rerank: () => exclusiveRun(set, (signal, isCurrent) => runAllColumns(get, set, signal, isCurrent)),
  rerankAllQueries: () => exclusiveRun(set, (signal, isCurrent) => rerankAllQueries(get, set, signal, isCurrent)),
  cancelRerank: () => currentRun?.abort(),
});

/** One rerank at a time: a new one supersedes the one in flight, which from then on writes nothing. */
async function exclusiveRun(set: (partial: Partial<AppState>) => void, work: (signal: AbortSignal, isCurrent: () => boolean) => Promise<void>): Promise<void> {
  currentRun?.abort();
  const controller = new AbortController();
  currentRun = controller;
  set({ running: true, rerankBlocked: null });
  try {
    await work(controller.signal, () => currentRun === controller);
  } finally {
    if (currentRun === controller) {
      currentRun = null;
      set({ running: false });
    }
  }
}

/** Keeps new column ids unique after a reload restored persisted columns. */
export function syncColumnCounter(columns: readonly Column[]): void {
  for (const c of columns) {
    const n = Number(c.id.replace('col_', ''));
    if (Number.isFinite(n)) columnCounter = Math.max(columnCounter, n);
  }
}
