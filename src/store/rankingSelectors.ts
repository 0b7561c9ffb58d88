import { finalRanking, rerankedOrder, type RerankedOrder } from '../core/rerankedOrder';
import type { Candidate, Ranking } from '../core/types';
import { columnTitle, type Column } from './columns';
import type { AppState } from './index';
import { memoizeLast } from './memo';
import { selectCandidateById, selectFirstStage } from './selectors';

export interface ColumnRanking {
  columnId: string;
  title: string;
  order: RerankedOrder;
  /** Reranked documents, then those below the cut: what metrics are computed on. */
  ranking: Ranking;
}

const columnRankingsMemo = memoizeLast(
  (firstStage: Ranking, byId: ReadonlyMap<string, Candidate>, columns: readonly Column[]): ColumnRanking[] =>
    columns
      .filter((c) => Object.keys(c.run.scores).length > 0)
      .map((c) => {
        const order = rerankedOrder(firstStage, byId, c.run.ids, c.run.scores, c.run.scoreKind);
        return { columnId: c.id, title: columnTitle(c.config), order, ranking: finalRanking(order) };
      }),
);

/** Every reranked column that has scores, as a complete ranking beside the first stage. */
export const selectColumnRankings = (s: AppState): ColumnRanking[] =>
  columnRankingsMemo(selectFirstStage(s).ranking, selectCandidateById(s), s.columns);
