import type { StateCreator } from 'zustand';
import type { GainKind } from '../core/metrics';
import type { Judgments } from '../core/types';
import { selectActiveQuery } from './selectors';
import type { AppState } from './index';

/**
 * The user's marks for one query, by document id. `null` marks a document unjudged even when the input
 * gave it a grade (so a supplied grade can be removed, not only overridden).
 */
export type JudgmentOverrides = ReadonlyMap<string, number | null>;

export interface JudgmentsSlice {
  /** The user's marks per query (keyed by ActiveQuery.judgmentKey), so switching examples or queries keeps each one's marks. */
  judgmentsByQuery: ReadonlyMap<string, JudgmentOverrides>;
  metricK: number;
  gain: GainKind;
  /** Sets one document's grade for the query on screen; null makes it unjudged. */
  setJudgment: (docId: string, grade: number | null) => void;
  /** Replaces the judgments of the query on screen (a qrels import). */
  replaceJudgments: (judgments: Judgments) => void;
  setMetricK: (k: number) => void;
  setGain: (gain: GainKind) => void;
}

export const initialJudgments = {
  judgmentsByQuery: new Map() as ReadonlyMap<string, JudgmentOverrides>,
  metricK: 10,
  gain: 'linear' as GainKind,
};

/** The input's grades with the user's marks on top. */
export function mergeJudgments(supplied: Judgments, overrides: JudgmentOverrides | undefined): Judgments {
  if (!overrides || overrides.size === 0) return supplied;
  const merged = new Map(supplied);
  for (const [docId, grade] of overrides) {
    if (grade === null) merged.delete(docId);
    else merged.set(docId, grade);
  }
  return merged;
}

function withQuery(all: ReadonlyMap<string, JudgmentOverrides>, key: string, next: JudgmentOverrides): ReadonlyMap<string, JudgmentOverrides> {
  const copy = new Map(all);
  copy.set(key, next);
  return copy;
}

export const createJudgmentsSlice: StateCreator<AppState, [], [], JudgmentsSlice> = (set) => ({
  ...initialJudgments,
  setJudgment: (docId, grade) =>
    set((s) => {
      const active = selectActiveQuery(s);
      const next = new Map(s.judgmentsByQuery.get(active.judgmentKey));
      // Unjudging a document the input never graded needs no mark; unjudging a supplied grade does.
      if (grade === null && !active.supplied.has(docId)) next.delete(docId);
      else next.set(docId, grade);
      return { judgmentsByQuery: withQuery(s.judgmentsByQuery, active.judgmentKey, next) };
    }),
  replaceJudgments: (judgments) =>
    set((s) => {
      const active = selectActiveQuery(s);
      const next = new Map<string, number | null>(judgments);
      for (const docId of active.supplied.keys()) if (!judgments.has(docId)) next.set(docId, null);
      return { judgmentsByQuery: withQuery(s.judgmentsByQuery, active.judgmentKey, next) };
    }),
  setMetricK: (k) => set({ metricK: Math.max(1, Math.round(k)) }),
  setGain: (gain) => set({ gain }),
});
