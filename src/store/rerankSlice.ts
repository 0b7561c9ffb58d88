import type { StateCreator } from 'zustand';
import type { DeviceSupport } from '../rerankers/local/device';
import { defaultLocalConfig, idleRun, type Column, type ColumnConfig, type RunState } from './columns';
import type { AppState } from './index';
import { disposeReranker } from './rerankerRegistry';
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
  addColumn: (config: ColumnConfig) => void;
  removeColumn: (id: string) => void;
  updateColumn: (id: string, config: ColumnConfig) => void;
  setScoreDisplay: (display: ScoreDisplay) => void;
  setDeviceSupport: (support: DeviceSupport) => void;
  /** Internal: replace one column's run state (used while runs stream). */
  patchRun: (id: string, patch: Partial<RunState> | ((run: RunState) => Partial<RunState>)) => void;
  rerank: () => Promise<void>;
  cancelRerank: () => void;
}

let columnCounter = 1;
const newColumnId = () => `col_${++columnCounter}`;

export const initialRerank = {
  columns: [{ id: 'col_1', config: defaultLocalConfig, run: idleRun }] as Column[],
  scoreDisplay: 'raw' as ScoreDisplay,
};

let currentRun: AbortController | null = null;

export const createRerankSlice: StateCreator<AppState, [], [], RerankSlice> = (set, get) => ({
  ...initialRerank,
  deviceSupport: null,
  rerankBlocked: null,
  running: false,
  addColumn: (config) => set((s) => ({ columns: [...s.columns, { id: newColumnId(), config, run: idleRun }] })),
  removeColumn: (id) => {
    disposeReranker(id);
    set((s) => ({ columns: s.columns.filter((c) => c.id !== id) }));
  },
  updateColumn: (id, config) =>
    set((s) => ({ columns: s.columns.map((c) => (c.id === id ? { ...c, config } : c)) })),
  setScoreDisplay: (scoreDisplay) => set({ scoreDisplay }),
  setDeviceSupport: (deviceSupport) => set({ deviceSupport }),
  patchRun: (id, patch) =>
    set((s) => ({
      columns: s.columns.map((c) => (c.id === id ? { ...c, run: { ...c.run, ...(typeof patch === 'function' ? patch(c.run) : patch) } } : c)),
    })),
  rerank: async () => {
    currentRun?.abort();
    const controller = new AbortController();
    currentRun = controller;
    set({ running: true, rerankBlocked: null });
    try {
      await runAllColumns(get, set, controller.signal, () => currentRun === controller);
    } finally {
      if (currentRun === controller) {
        currentRun = null;
        set({ running: false });
      }
    }
  },
  cancelRerank: () => currentRun?.abort(),
});

/** Keeps new column ids unique after a reload restored persisted columns. */
export function syncColumnCounter(columns: readonly Column[]): void {
  for (const c of columns) {
    const n = Number(c.id.replace('col_', ''));
    if (Number.isFinite(n)) columnCounter = Math.max(columnCounter, n);
  }
}
