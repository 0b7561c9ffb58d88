import { useMemo } from 'react';
import { rankMoves, type RankMove } from '../../core/ranking';
import { maxMoveFor } from '../../core/rankLines';
import { rerankedOrder } from '../../core/rerankedOrder';
import type { Candidate, Ranking } from '../../core/types';
import { useAppStore } from '../../store';
import type { Column } from '../../store/columns';
import { selectCandidateById, selectFirstStage } from '../../store/selectors';

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
 * ranking, so they get no move and are drawn as "not reranked".
 */
export function gutterMoves(firstStage: Ranking, byId: ReadonlyMap<string, Candidate>, columns: readonly Column[]): GutterMoves[] {
  const reranked = columns.map(({ run }) => rerankedOrder(firstStage, byId, run.ids, run.scores, run.scoreKind).reranked);
  return reranked.map((right, i) => {
    const left = i === 0 ? firstStage : (reranked[i - 1] as Ranking);
    const rankedCount = i === 0 ? right.entries.length : Math.max(left.entries.length, right.entries.length);
    return { moves: rankMoves(left, right), maxMove: maxMoveFor(rankedCount) };
  });
}

export function useGutterMoves(): GutterMoves[] {
  const firstStage = useAppStore(selectFirstStage).ranking;
  const byId = useAppStore(selectCandidateById);
  const columns = useAppStore((s) => s.columns);
  return useMemo(() => gutterMoves(firstStage, byId, columns), [firstStage, byId, columns]);
}
