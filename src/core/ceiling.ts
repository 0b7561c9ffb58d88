/**
 * The recall ceiling of a top-N cut: a reranker only reorders the N documents the first
 * stage hands it, so a relevant document below the cut (or never retrieved) is out of
 * its reach. This is the "recall" half of the recall-vs-precision lesson.
 * Relevance follows metrics.ts: grade >= 1 is relevant, unjudged is not.
 */
import { countRelevant, isRelevant, rankedIds } from './metrics';
import type { Judgments, Ranking } from './types';

export interface RecallCeiling {
  /**
   * Judged-relevant documents the reranker never sees: first those ranked below the cut,
   * in first-stage order, then those the first stage did not retrieve, sorted by id.
   */
  relevantBelowCut: string[];
  /** Judged-relevant documents within the top N. */
  relevantInTopN: number;
  /** All judged-relevant documents, retrieved or not. */
  totalRelevant: number;
  /**
   * The best Recall@k any reordering of the top N could reach:
   * min(k, relevantInTopN) / totalRelevant. null when nothing is judged relevant.
   */
  bestRecallAtK: number | null;
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** topN and k are floored; a negative one counts as 0. */
export function recallCeiling(firstStage: Ranking, judgments: Judgments, topN: number, k: number): RecallCeiling {
  const cut = Math.max(0, Math.floor(topN));
  const cutoff = Math.max(0, Math.floor(k));
  const ids = rankedIds(firstStage);
  const retrieved = new Set(ids);
  const relevantInTopN = ids.slice(0, cut).filter((id) => isRelevant(judgments.get(id))).length;
  const rankedBelowCut = ids.slice(cut).filter((id) => isRelevant(judgments.get(id)));
  const neverRetrieved = [...judgments.keys()]
    .filter((id) => isRelevant(judgments.get(id)) && !retrieved.has(id))
    .sort(byCodeUnits);
  const totalRelevant = countRelevant(judgments);
  return {
    relevantBelowCut: [...rankedBelowCut, ...neverRetrieved],
    relevantInTopN,
    totalRelevant,
    bestRecallAtK: totalRelevant === 0 ? null : Math.min(cutoff, relevantInTopN) / totalRelevant,
  };
}
