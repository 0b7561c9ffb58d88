import type { StateCreator } from 'zustand';
import type { GainKind } from '../core/metrics';
import type { Judgments } from '../core/types';
import type { AppState } from './index';

export interface JudgmentsSlice {
  /** Graded judgments per query (trimmed query text), so switching examples keeps each one's marks. */
  judgmentsByQuery: Record<string, Judgments>;
  metricK: number;
  gain: GainKind;
  /** Sets one document's grade for the current query; null removes the judgment (unjudged). */
  setJudgment: (docId: string, grade: number | null) => void;
  /** Replaces the current query's judgments (a qrels import). */
  replaceJudgments: (judgments: Judgments) => void;
  setMetricK: (k: number) => void;
  setGain: (gain: GainKind) => void;
}

export const judgmentKey = (query: string): string => query.trim();

export const initialJudgments = {
  judgmentsByQuery: {} as Record<string, Judgments>,
  metricK: 10,
  gain: 'linear' as GainKind,
};

export const createJudgmentsSlice: StateCreator<AppState, [], [], JudgmentsSlice> = (set) => ({
  ...initialJudgments,
  setJudgment: (docId, grade) =>
    set((s) => {
      const key = judgmentKey(s.query);
      const others = Object.entries(s.judgmentsByQuery[key] ?? {}).filter(([id]) => id !== docId);
      const next: Record<string, number> = Object.fromEntries(grade === null ? others : [...others, [docId, grade]]);
      return { judgmentsByQuery: { ...s.judgmentsByQuery, [key]: next } };
    }),
  replaceJudgments: (judgments) => set((s) => ({ judgmentsByQuery: { ...s.judgmentsByQuery, [judgmentKey(s.query)]: judgments } })),
  setMetricK: (k) => set({ metricK: Math.max(1, Math.round(k)) }),
  setGain: (gain) => set({ gain }),
});
