import type { StateCreator } from 'zustand';
import type { MetricValues } from '../core/metrics';
import { DEFAULT_CORPUS_TOP_K, type ImportReport, type QuerySet } from '../core/sets/types';
import type { AppState } from './index';
import type { SetBm25Scores } from './setSelectors';

export type SetMetric = keyof MetricValues;

export interface SetNotice {
  tone: 'info' | 'warning' | 'error';
  text: string;
}

export interface ImportProgress {
  stage: string;
  done: number;
  total: number;
}

export interface SetSlice {
  /** An imported query set; null while the paste is the set (a set of one). */
  querySet: QuerySet | null;
  /** What the last import matched and what it did not. */
  setReport: ImportReport | null;
  /** The set's query on screen (null: the first). */
  activeQueryId: string | null;
  /** Without a run, the first stage is BM25 over the whole corpus: the top K per query. */
  corpusTopK: number;
  /** The metric the query list, the chart and the wins/losses are about. */
  setMetric: SetMetric;
  importing: ImportProgress | null;
  setNotice: SetNotice | null;
  /** BM25 over each query's candidates, from the compute worker. */
  setFirstStageBm25: SetBm25Scores | null;
  openQuery: (queryId: string) => void;
  /** Opens the next (+1) or previous (−1) query in the given order of ids (the list as sorted and filtered). */
  stepQuery: (delta: 1 | -1, order: readonly string[]) => void;
  setCorpusTopK: (k: number) => void;
  setSetMetric: (metric: SetMetric) => void;
  /** Replaces the set on screen (an import, the example, a saved set). */
  showSet: (set: QuerySet, report: ImportReport | null, activeQueryId?: string | null) => void;
  /** Leaves the set: back to the pasted query and documents, which were kept. */
  closeSet: () => void;
  setSetNotice: (notice: SetNotice | null) => void;
}

export const initialSet = {
  querySet: null as QuerySet | null,
  setReport: null as ImportReport | null,
  activeQueryId: null as string | null,
  corpusTopK: DEFAULT_CORPUS_TOP_K,
  setMetric: 'ndcg' as SetMetric,
};

export const createSetSlice: StateCreator<AppState, [], [], SetSlice> = (set, get) => ({
  ...initialSet,
  importing: null,
  setNotice: null,
  setFirstStageBm25: null,
  openQuery: (activeQueryId) => set({ activeQueryId }),
  stepQuery: (delta, order) => {
    if (order.length === 0) return;
    const current = get().activeQueryId ?? get().querySet?.queries[0]?.id ?? null;
    const at = current === null ? -1 : order.indexOf(current);
    const next = order[at === -1 ? 0 : (at + delta + order.length) % order.length];
    if (next !== undefined) set({ activeQueryId: next });
  },
  setCorpusTopK: (k) => set({ corpusTopK: Math.min(1000, Math.max(1, Math.round(k))) }),
  setSetMetric: (setMetric) => set({ setMetric }),
  showSet: (querySet, setReport, activeQueryId = null) =>
    set((s) => ({
      querySet,
      setReport,
      activeQueryId: activeQueryId ?? querySet.queries[0]?.id ?? null,
      setFirstStageBm25: null,
      // A new set starts with its own judgments: the marks of an earlier set's queries go with it.
      judgmentsByQuery: new Map([...s.judgmentsByQuery].filter(([key]) => !key.startsWith('set:'))),
      columns: s.columns.map((c) => ({ ...c, runs: new Map([...c.runs].filter(([key]) => !key.startsWith('set:'))) })),
    })),
  closeSet: () =>
    set((s) => ({
      querySet: null,
      setReport: null,
      activeQueryId: null,
      setFirstStageBm25: null,
      judgmentsByQuery: new Map([...s.judgmentsByQuery].filter(([key]) => !key.startsWith('set:'))),
      columns: s.columns.map((c) => ({ ...c, runs: new Map([...c.runs].filter(([key]) => !key.startsWith('set:'))) })),
    })),
  setSetNotice: (setNotice) => set({ setNotice }),
});
