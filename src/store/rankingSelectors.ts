import { finalRanking, rerankedOrder, type RerankedOrder } from '../core/rerankedOrder';
import type { Candidate, Ranking } from '../core/types';
import { selectActiveQuery } from './selectors';
import { runFor, type Column, type RunState } from './columns';
import { runScoresName } from './runScorer';
import type { Bm25Settings } from './settingsSlice';
import type { AppState } from './index';
import { memoizeLast } from './memo';
import { selectCandidateById, selectFirstStage } from './selectors';

export interface ColumnRanking {
  columnId: string;
  /** What names the column's scores: the model of its run, which after a switch is not the column's current one. */
  title: string;
  /** Whether the column has any reranker scores yet. */
  scored: boolean;
  order: RerankedOrder;
  /** Reranked documents, then those below the cut: what metrics are computed on. */
  ranking: Ranking;
}

interface CachedOrder {
  firstStage: Ranking;
  byId: ReadonlyMap<string, Candidate>;
  order: RerankedOrder;
  ranking: Ranking;
}

/** Per run: while one column streams, the other columns' orders are not sorted again. */
const orderCache = new WeakMap<RunState, CachedOrder>();

/** A column that has not run has no order: nothing to sort, even over 50,000 candidates. */
const noOrder: RerankedOrder = { reranked: { scoreKind: 'raw logit', entries: [] }, pending: [], notReranked: [] };

function orderOf(firstStage: Ranking, byId: ReadonlyMap<string, Candidate>, run: RunState): CachedOrder {
  if (run.ids.length === 0) return { firstStage, byId, order: noOrder, ranking: firstStage };
  const hit = orderCache.get(run);
  if (hit && hit.firstStage === firstStage && hit.byId === byId) return hit;
  const order = rerankedOrder(firstStage, byId, run.ids, run.scores, run.scoreKind);
  const fresh = { firstStage, byId, order, ranking: finalRanking(order) };
  orderCache.set(run, fresh);
  return fresh;
}

const columnRankingsMemo = memoizeLast(
  (firstStage: Ranking, byId: ReadonlyMap<string, Candidate>, columns: readonly Column[], queryKey: string, bm25: Bm25Settings): ColumnRanking[] =>
    columns.map((c) => {
      const run = runFor(c, queryKey);
      const { order, ranking } = orderOf(firstStage, byId, run);
      // Named after the model that gave the scores, which is not the column's own after a switch.
      return { columnId: c.id, title: runScoresName(run, c.config, bm25), scored: run.scores.size > 0, order, ranking };
    }),
);

/** Every reranked column, as an order beside the first stage (one computation shared by the columns and metrics). */
export const selectColumnRankings = (s: AppState): ColumnRanking[] =>
  columnRankingsMemo(selectFirstStage(s).ranking, selectCandidateById(s), s.columns, selectActiveQuery(s).key, s.bm25);

const scoredMemo = memoizeLast((all: ColumnRanking[]) => all.filter((c) => c.scored));

/** The columns that have scores: the rankings that metrics and summaries are about. */
export const selectScoredColumnRankings = (s: AppState): ColumnRanking[] => scoredMemo(selectColumnRankings(s));
