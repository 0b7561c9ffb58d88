import type { StateCreator } from 'zustand';
import type { QuerySet } from '../core/sets/types';
import { memoizeLast } from './memo';

/** What presenter mode reveals, one step at a time: each step adds to the ones before it. */
export const PRESENTER_STEPS = ['first-stage', 'reranked', 'lines', 'metrics'] as const;
export type PresenterStepName = (typeof PRESENTER_STEPS)[number];
export const LAST_PRESENTER_STEP = PRESENTER_STEPS.length - 1;

export interface PresenterSlice {
  /** Presenter mode: inputs hidden, big text, the rankings revealed step by step. Never persisted (the URL flag is). */
  presenting: boolean;
  /** 0 the first stage only, 1 + the reranked order, 2 + the lines, 3 + the metrics. Read it with selectPresenterStep. */
  presenterStep: number;
  /**
   * The set query the step belongs to (null for a paste). Opening another query any other way (the navigator,
   * the query list) starts it from the first stage.
   */
  presenterStepQueryId: string | null;
  /** Enters presenter mode at the first step of the query on screen; does nothing when already presenting. */
  startPresenting: () => void;
  stopPresenting: () => void;
  /** The next step; past the last one, the next query of `order` (the list's order) at its first step. */
  presenterNext: (order: readonly string[]) => void;
  /** The step before; before the first one, the previous query of `order` at its last step. */
  presenterBack: (order: readonly string[]) => void;
  /** Jumps to a step of the query on screen (clamped to the steps there are). */
  showPresenterStep: (step: number) => void;
}

/** The part of the store the slice reads besides its own: the set on screen and its open query. */
export interface PresenterHost {
  querySet: QuerySet | null;
  activeQueryId: string | null;
}

type PresenterState = PresenterSlice & PresenterHost;

export const initialPresenter = {
  presenting: false,
  presenterStep: 0,
  presenterStepQueryId: null as string | null,
};

const queryIdsOf = memoizeLast((set: QuerySet): ReadonlySet<string> => new Set(set.queries.map((q) => q.id)));

/** The set query on screen (as selectActiveSetQuery picks it: the open one, else the first), or null for a paste. */
export function presenterQueryId(s: PresenterHost): string | null {
  if (!s.querySet) return null;
  if (s.activeQueryId !== null && queryIdsOf(s.querySet).has(s.activeQueryId)) return s.activeQueryId;
  return s.querySet.queries[0]?.id ?? null;
}

const clampStep = (step: number): number => Math.min(LAST_PRESENTER_STEP, Math.max(0, Math.trunc(Number.isFinite(step) ? step : 0)));

/** The step shown for the query on screen: 0 when the stored step belongs to another query. */
export function selectPresenterStep(s: PresenterState): number {
  return s.presenterStepQueryId === presenterQueryId(s) ? clampStep(s.presenterStep) : 0;
}

/** Where Next or Back leads: a step of the query on screen, or another query of the set; null at either end. */
export function presenterMove(s: PresenterState, delta: 1 | -1, order: readonly string[]): { step: number; queryId: string | null } | null {
  const step = selectPresenterStep(s);
  const queryId = presenterQueryId(s);
  const target = step + delta;
  if (target >= 0 && target <= LAST_PRESENTER_STEP) return { step: target, queryId };
  // A paste has one query: its first and last steps are the ends.
  if (queryId === null) return null;
  const at = order.indexOf(queryId);
  // The query on screen is not in the list (filtered out): Next starts the list from its top.
  const neighbour = at === -1 ? (delta === 1 ? order[0] : undefined) : order[at + delta];
  if (neighbour === undefined) return null;
  return { step: delta === 1 ? 0 : LAST_PRESENTER_STEP, queryId: neighbour };
}

export const createPresenterSlice: StateCreator<PresenterState, [], [], PresenterSlice> = (set, get) => {
  const move = (delta: 1 | -1, order: readonly string[]) => {
    const to = presenterMove(get(), delta, order);
    if (!to) return;
    const step = { presenterStep: to.step, presenterStepQueryId: to.queryId };
    // One update: no render sees the new query with the old query's step.
    set(to.queryId !== null && to.queryId !== presenterQueryId(get()) ? { ...step, activeQueryId: to.queryId } : step);
  };
  return {
    ...initialPresenter,
    startPresenting: () => {
      if (get().presenting) return;
      set({ presenting: true, presenterStep: 0, presenterStepQueryId: presenterQueryId(get()) });
    },
    stopPresenting: () => set({ presenting: false }),
    presenterNext: (order) => move(1, order),
    presenterBack: (order) => move(-1, order),
    showPresenterStep: (step) => set({ presenterStep: clampStep(step), presenterStepQueryId: presenterQueryId(get()) }),
  };
};
