/**
 * The recall ceiling of a top-N cut: a reranker only reorders the N documents the first stage hands it, so a
 * relevant document below the cut (or never retrieved) is out of its reach. This is the "recall" half of the
 * recall-vs-precision lesson.
 * A reranked column is measured as shown: its reordered top N, then the documents below the cut in first-stage
 * order (rerankedOrder.ts, finalRanking). So for k > N the relevant documents at first-stage ranks N+1..k count
 * toward Recall@k even though the reranker never saw them; the ceiling counts them too, or it would claim less
 * than the metrics table shows.
 * Relevance follows metrics.ts: grade >= 1 is relevant, unjudged is not; k below 1 describes no cut.
 */
import { countRelevant, formatMetric, isRelevant, relevantPositions } from './metrics';
import { rankingIndex } from './rankingIndex';
import type { Judgments, Ranking } from './types';

export interface OutOfReach {
  id: string;
  /** Its rank in the first stage; null when the first stage never retrieved it. */
  firstStageRank: number | null;
}

/** The first-stage ranks below the cut that Recall@k still counts (k > N), as they stand. */
export interface CountedBelowCut {
  fromRank: number;
  toRank: number;
  /** Relevant documents among them. */
  relevant: number;
}

export interface RecallCeiling {
  /** The cut and the cut-off, floored; a negative one counts as 0. */
  topN: number;
  k: number;
  /**
   * Judged-relevant documents the reranker never sees: first those ranked below the cut, in first-stage order,
   * then those the first stage did not retrieve, sorted by id.
   */
  outOfReach: OutOfReach[];
  /** Judged-relevant documents within the top N. */
  relevantInTopN: number;
  /** All judged-relevant documents, retrieved or not. */
  totalRelevant: number;
  /**
   * The best Recall@min(k, N) a reordering of the top N can reach: min(k, N, relevantInTopN) / totalRelevant.
   * null when nothing is judged relevant or k < 1.
   */
  bestRecallWithinTopN: number | null;
  /** Set when k > N and the first stage ranked documents below the cut: ranks N+1..min(k, n). */
  countedBelowCut: CountedBelowCut | null;
  /**
   * The best Recall@k of the column as shown: the best reordering of the top N, followed by the documents below
   * the cut in first-stage order. (min(k, relevantInTopN) + countedBelowCut.relevant) / totalRelevant.
   * null when nothing is judged relevant or k < 1.
   */
  bestRecallAtK: number | null;
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** recallCeiling when no judged document is relevant: nothing is out of reach, and no recall is defined. */
function withNoRelevant(cut: number, cutoff: number, firstStage: Ranking): RecallCeiling {
  // min(cutoff, distinct ids ranked), counting only as far as the cutoff.
  const seen = new Set<string>();
  for (const entry of firstStage.entries) {
    if (seen.size >= cutoff) break;
    seen.add(entry.id);
  }
  const lastCounted = seen.size;
  const countedBelowCut = lastCounted > cut ? { fromRank: cut + 1, toRank: lastCounted, relevant: 0 } : null;
  return { topN: cut, k: cutoff, outOfReach: [], relevantInTopN: 0, totalRelevant: 0, bestRecallWithinTopN: null, countedBelowCut, bestRecallAtK: null };
}

export function recallCeiling(firstStage: Ranking, judgments: Judgments, topN: number, k: number): RecallCeiling {
  const cut = Math.max(0, Math.floor(topN));
  const cutoff = Number.isFinite(k) ? Math.max(0, Math.floor(k)) : 0;
  // Nothing relevant judged yet (a fresh paste of 50,000 documents): skip the walks below, which find nothing.
  if (countRelevant(judgments) === 0) return withNoRelevant(cut, cutoff, firstStage);
  // From the relevant documents' first-stage positions: time in the judgments, not in a list of 50,000.
  const { ids, positionOf } = rankingIndex(firstStage);
  const positions = relevantPositions(firstStage, judgments);
  const relevantInTopN = positions.filter((position) => position < cut).length;
  const rankedBelowCut: OutOfReach[] = positions
    .filter((position) => position >= cut)
    .map((position) => ({ id: ids[position] as string, firstStageRank: position + 1 }));
  const neverRetrieved = [...judgments.keys()]
    .filter((id) => isRelevant(judgments.get(id)) && !positionOf.has(id))
    .sort(byCodeUnits)
    .map((id) => ({ id, firstStageRank: null }));
  const totalRelevant = countRelevant(judgments);
  const lastCounted = Math.min(cutoff, ids.length);
  const relevantBelowCut = positions.filter((position) => position >= cut && position < lastCounted).length;
  const countedBelowCut = lastCounted > cut ? { fromRank: cut + 1, toRank: lastCounted, relevant: relevantBelowCut } : null;
  const defined = totalRelevant > 0 && cutoff >= 1;
  return {
    topN: cut,
    k: cutoff,
    outOfReach: [...rankedBelowCut, ...neverRetrieved],
    relevantInTopN,
    totalRelevant,
    bestRecallWithinTopN: defined ? Math.min(cutoff, relevantInTopN) / totalRelevant : null,
    countedBelowCut,
    bestRecallAtK: defined ? (Math.min(cutoff, relevantInTopN) + (countedBelowCut?.relevant ?? 0)) / totalRelevant : null,
  };
}

/** How many out-of-reach documents the notice names before it says "and N more". */
const NAMED_AT_MOST = 10;

function namedList(names: readonly string[]): string {
  const shown = names.slice(0, NAMED_AT_MOST).join(', ');
  return names.length > NAMED_AT_MOST ? `${shown}, and ${names.length - NAMED_AT_MOST} more` : shown;
}

const rankRange = ({ fromRank, toRank }: CountedBelowCut): string => (fromRank === toRank ? `rank ${fromRank}` : `ranks ${fromRank}\u2013${toRank}`);

/**
 * The recall-ceiling notice, in words; null when there is nothing to say (no relevant document out of reach, or
 * Recall@k undefined). Its numbers are the ceiling's, so they bound what the metrics table shows for any column.
 */
export function describeRecallCeiling(ceiling: RecallCeiling): string | null {
  const { topN, k, outOfReach, bestRecallAtK, bestRecallWithinTopN, countedBelowCut } = ceiling;
  if (outOfReach.length === 0 || bestRecallAtK === null) return null;
  const below = outOfReach.filter((d) => d.firstStageRank !== null).map((d) => `${d.id} (first-stage rank ${d.firstStageRank})`);
  const missing = outOfReach.filter((d) => d.firstStageRank === null).map((d) => d.id);
  const sentences: string[] = [];
  if (below.length > 0) sentences.push(`Relevant documents below the top-${topN} cut, which the reranker never sees: ${namedList(below)}.`);
  if (missing.length > 0) sentences.push(`Relevant documents the first stage never retrieved: ${namedList(missing)}.`);
  if (countedBelowCut && topN > 0) {
    sentences.push(
      `Within the top ${topN} the reranker can reach Recall@${topN} = ${formatMetric(bestRecallWithinTopN)} at best; ` +
        `Recall@${k} also counts ${rankRange(countedBelowCut)} in first-stage order, so the best it can reach is ${formatMetric(bestRecallAtK)}.`,
    );
  } else if (countedBelowCut) {
    sentences.push(`Recall@${k} counts ${rankRange(countedBelowCut)} in first-stage order: ${formatMetric(bestRecallAtK)}.`);
  } else {
    sentences.push(`The best Recall@${k} any reordering of the top ${topN} can reach is ${formatMetric(bestRecallAtK)}.`);
  }
  sentences.push(below.length > 0 ? 'Raise N, or improve the first stage.' : 'Raising N cannot help: only a better first stage can retrieve them.');
  return sentences.join(' ');
}
