import { indexAhead, isIndexed } from '../core/rankingIndex';
import type { Ranking } from '../core/types';
import { runFor } from './columns';
import { useAppStore, type AppState } from './index';
import { selectColumnRankings } from './rankingSelectors';
import { selectActiveQuery, selectFirstStage } from './selectors';

/** Shorter rankings index in well under a millisecond when first asked. */
const WARM_FROM = 2_000;
/** Entries indexed per step: about a millisecond of work. */
const SLICE = 2_000;
/** At most this much work per idle callback, however long the idle period: a click then waits for 8 ms at worst. */
const CALLBACK_BUDGET_MS = 8;

type Idle = (work: (timeLeft: () => number) => void) => void;

/** requestIdleCallback where the browser has it (not Safari), else short timer slices. */
const whenIdle: Idle = (work) => {
  const budget = (remaining: () => number) => {
    const end = performance.now() + CALLBACK_BUDGET_MS;
    work(() => Math.min(remaining(), end - performance.now()));
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback((deadline) => budget(() => deadline.timeRemaining()), { timeout: 2_000 });
  else setTimeout(() => budget(() => Number.POSITIVE_INFINITY), 50);
};

/** The long rankings a relevance click reads: the first stage, and each column's finished run (none while one runs). */
function rankingsToIndex(s: AppState): Ranking[] {
  const key = selectActiveQuery(s).key;
  const runs = s.columns.map((c) => ({ id: c.id, status: runFor(c, key).status }));
  const running = runs.some((r) => r.status === 'loading' || r.status === 'running');
  const done = new Set(runs.filter((r) => r.status === 'done').map((r) => r.id));
  const columns = running || done.size === 0 ? [] : selectColumnRankings(s).filter((c) => done.has(c.columnId));
  return [selectFirstStage(s).ranking, ...columns.map((c) => c.ranking)].filter((r) => r.entries.length >= WARM_FROM && !isIndexed(r));
}

/**
 * Builds the index of each long ranking on screen in idle time (core/rankingIndex), so the first relevance click
 * on 50,000 documents does not pay for it. A ranking replaced before it is done is dropped.
 */
export function startRankingIndexWarmer(idle: Idle = whenIdle): void {
  let queue: Ranking[] = [];
  let scheduled = false;
  const step = (timeLeft: () => number) => {
    scheduled = false;
    // At least one slice per call: a callback run by its timeout on a busy page has no time left, yet must progress.
    do {
      const head = queue[0];
      if (head && indexAhead(head, SLICE)) queue = queue.slice(1);
    } while (queue.length > 0 && timeLeft() > 1);
    schedule();
  };
  const schedule = () => {
    if (scheduled || queue.length === 0) return;
    scheduled = true;
    idle(step);
  };
  const react = (s: AppState) => {
    queue = rankingsToIndex(s);
    schedule();
  };
  react(useAppStore.getState());
  useAppStore.subscribe(react);
}
