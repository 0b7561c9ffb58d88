/**
 * How much a reranker could gain at best: it only reorders the top N the first stage handed it, so its
 * ceiling is the nDCG of those N in the best order. Relevant documents below the cut (or never retrieved)
 * still count in the ideal DCG, as metrics.ts computes it, so this ceiling is below 1 when any are missing.
 */
import { ndcgAtK, type GainKind } from '../metrics';
import type { Ranking } from '../types';
import type { GradeMap } from './types';

/**
 * The nDCG@k of the best reordering of `topNIds`: sorted by grade, highest first (unjudged counts as 0; equal
 * grades keep their given order, which does not change the DCG). An id listed twice counts once, as in
 * metrics.ts. null exactly when ndcgAtK is: no relevant judgments, or k below 1.
 */
export function idealRerankNdcg(topNIds: readonly string[], judgments: GradeMap, k: number, gain: GainKind): number | null {
  const ids = [...new Set(topNIds)];
  const gradeOf = (id: string) => judgments.get(id) ?? 0;
  // Array.prototype.sort is stable, so equal grades keep their order.
  const bestOrder = ids.sort((a, b) => gradeOf(b) - gradeOf(a));
  const ranking: Ranking = {
    scoreKind: 'input order', // ndcgAtK reads only the order of the entries
    entries: bestOrder.map((id, position) => ({ id, rank: position + 1, score: gradeOf(id), index: position })),
  };
  return ndcgAtK(ranking, judgments, k, gain);
}
