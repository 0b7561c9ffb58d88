import { useMemo } from 'react';
import { movesOfRanked, type RankMove } from '../../core/ranking';
import { maxMoveFor } from '../../core/rankLines';
import type { RerankedOrder } from '../../core/rerankedOrder';
import type { Ranking } from '../../core/types';
import { useAppStore } from '../../store';
import { selectColumnRankings } from '../../store/rankingSelectors';
import { selectFirstStage } from '../../store/selectors';

/** The moves drawn across one gutter, left column to right column, keyed by document id. */
export interface GutterMoves {
  moves: ReadonlyMap<string, RankMove>;
  /** The move that gets the thickest line in this gutter. */
  maxMove: number;
}

/**
 * One entry per gutter: first stage -> column 1, then column 1 -> column 2, and so on (chained, so each
 * line stays in its own gutter instead of crossing a column's text). The first gutter matches the rank-move
 * badges; a later one shows where two rerankers disagree. Documents below the cut are in no reranked
 * ranking, so they get no move and are drawn as "not reranked" (a column that has not run: no moves at all).
 */
export function gutterMoves(firstStage: Ranking, orders: readonly RerankedOrder[]): GutterMoves[] {
  const reranked = orders.map((order) => order.reranked);
  return reranked.map((right, i) => {
    const left = i === 0 ? firstStage : (reranked[i - 1] as Ranking);
    const rankedCount = i === 0 ? right.entries.length : Math.max(left.entries.length, right.entries.length);
    return { moves: movesOfRanked(left, right), maxMove: maxMoveFor(rankedCount) };
  });
}

export function useGutterMoves(): GutterMoves[] {
  const firstStage = useAppStore(selectFirstStage).ranking;
  const rankings = useAppStore(selectColumnRankings);
  return useMemo(() => gutterMoves(firstStage, rankings.map((r) => r.order)), [firstStage, rankings]);
}
