import { create } from 'zustand';
import type { OcclusionResult, UnitKind } from '../core/occlusion';

/** One "why this score?" run: the occlusion of one document of one column for one query. */
export interface WhyRun {
  status: 'running' | 'done' | 'error' | 'cancelled';
  columnId: string;
  queryKey: string;
  docId: string;
  kind: UnitKind;
  /** Texts scored so far, of the original plus one variant per unit. */
  progress: { scored: number; total: number };
  result: OcclusionResult | null;
  /** For a person: what went wrong or why it stopped, and what to do next. */
  message: string | null;
  /** The column settings, query and document text the result belongs to: when they change it is out of date. */
  signature: string;
  /** From the click to the last score (model load included, 0 when loaded), and the worker's inference time. */
  elapsedMs: number | null;
  inferenceMs: number | null;
  /** Whether the model cut the original text to its maximum length: units past the cut show no effect. */
  truncated: boolean;
}

interface WhyState {
  /** By whyKey(columnId, queryKey, docId): a Map, since the ids are user data. */
  runs: ReadonlyMap<string, WhyRun>;
  getRun: (key: string) => WhyRun | undefined;
  putRun: (key: string, run: WhyRun) => void;
  patchRun: (key: string, patch: Partial<WhyRun>) => void;
  clear: () => void;
}

/** One key per (column, query, document); JSON keeps ids with any characters apart. */
export const whyKey = (columnId: string, queryKey: string, docId: string): string => JSON.stringify([columnId, queryKey, docId]);

/** A store of its own: occlusion results are views of one moment, never persisted or shared. */
export const useWhyStore = create<WhyState>()((set, get) => ({
  runs: new Map(),
  getRun: (key) => get().runs.get(key),
  putRun: (key, run) =>
    set((s) => {
      const runs = new Map(s.runs);
      runs.set(key, run);
      return { runs };
    }),
  patchRun: (key, patch) =>
    set((s) => {
      const run = s.runs.get(key);
      if (!run) return s;
      const runs = new Map(s.runs);
      runs.set(key, { ...run, ...patch });
      return { runs };
    }),
  clear: () => set({ runs: new Map() }),
}));
