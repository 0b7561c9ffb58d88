/**
 * Retrieval metrics over one ranking and one set of graded judgments.
 *
 * Conventions (trec_eval's, except where stated; the UI and README quote this):
 * - Grades run 0..3. A grade >= 1 counts as relevant. A document with no judgment
 *   ("unjudged") counts as not relevant, exactly as trec_eval does.
 * - The rank of a document is its position in `ranking.entries` (1-based); the metrics
 *   take that order as given. Ties in score have already been broken upstream by input
 *   order. trec_eval instead re-sorts by score and breaks ties by docno, descending;
 *   we deliberately keep input order so the numbers match the lists the app shows.
 * - If an id appears twice in a ranking, only its first (highest) position counts.
 * - With no relevant judgments at all, every metric is `null`, shown as "n/a", never 0:
 *   a ranking cannot be scored against judgments that say nothing is relevant.
 * - P@k divides by k, even when the ranking holds fewer than k documents.
 * - R@k, AP: the denominator is every judged-relevant document, including those the
 *   ranking never retrieved.
 * - RR and AP are computed over the whole ranking (no cut), like trec_eval's
 *   `recip_rank` and `map`. RR is 0 when no relevant document was retrieved.
 * - nDCG@k: DCG = sum over ranks i <= k of gain(grade_i) / log2(i + 1), with
 *   linear gain = grade (trec_eval's `ndcg_cut` default) or exponential gain = 2^grade - 1.
 *   The ideal ranking is built from ALL judged documents, retrieved or not, sorted by
 *   grade descending, and cut at k. Negative grades give no gain.
 * - A k below 1 describes no cut at all, so the metrics that take k return null for it.
 */
import { rankingIndex } from './rankingIndex';
import type { Judgments, Ranking } from './types';

export type GainKind = 'linear' | 'exponential';

export interface MetricOptions {
  /** The cut-off for P@k, R@k and nDCG@k. */
  k: number;
  gain: GainKind;
}

/** Each value is null when it is undefined (no relevant judgments): show "n/a". */
export interface MetricValues {
  precision: number | null;
  recall: number | null;
  rr: number | null;
  ap: number | null;
  ndcg: number | null;
}

/** A grade at or above this counts as relevant. */
export const RELEVANT_GRADE = 1;

export function isRelevant(grade: number | undefined): boolean {
  return grade !== undefined && grade >= RELEVANT_GRADE;
}

/** How many documents the judgments call relevant, retrieved or not. */
export function countRelevant(judgments: Judgments): number {
  let relevant = 0;
  for (const grade of judgments.values()) if (isRelevant(grade)) relevant += 1;
  return relevant;
}

/** The ranked ids in order, each id once (its first position wins). */
export function rankedIds(ranking: Ranking): readonly string[] {
  return rankingIndex(ranking).ids;
}

/**
 * Where the ranking put the judged-relevant documents it retrieved: positions in rankedIds (0-based), ascending.
 * Every metric but nDCG follows from these and the count of relevant documents, in time that grows with the
 * judgments rather than the list (not cached: judgments are small, and a caller may reuse a Map it changed).
 */
export function relevantPositions(ranking: Ranking, judgments: Judgments): readonly number[] {
  const { positionOf } = rankingIndex(ranking);
  const positions: number[] = [];
  for (const [id, grade] of judgments) {
    if (!isRelevant(grade)) continue;
    const position = positionOf.get(id);
    if (position !== undefined) positions.push(position);
  }
  return positions.sort((a, b) => a - b);
}

function isUsableCut(k: number): boolean {
  return Number.isFinite(k) && Math.floor(k) >= 1;
}

/** How many of the (ascending) positions lie before `end`. */
function countBefore(positions: readonly number[], end: number): number {
  let count = 0;
  while (count < positions.length && (positions[count] as number) < end) count += 1;
  return count;
}

export function precisionAtK(ranking: Ranking, judgments: Judgments, k: number): number | null {
  if (!isUsableCut(k) || countRelevant(judgments) === 0) return null;
  const cut = Math.floor(k);
  return countBefore(relevantPositions(ranking, judgments), cut) / cut;
}

export function recallAtK(ranking: Ranking, judgments: Judgments, k: number): number | null {
  const totalRelevant = countRelevant(judgments);
  if (!isUsableCut(k) || totalRelevant === 0) return null;
  return countBefore(relevantPositions(ranking, judgments), Math.floor(k)) / totalRelevant;
}

export function reciprocalRank(ranking: Ranking, judgments: Judgments): number | null {
  if (countRelevant(judgments) === 0) return null;
  const first = relevantPositions(ranking, judgments)[0];
  return first === undefined ? 0 : 1 / (first + 1);
}

export function averagePrecision(ranking: Ranking, judgments: Judgments): number | null {
  const totalRelevant = countRelevant(judgments);
  if (totalRelevant === 0) return null;
  // In rank order, as trec_eval sums: the i-th relevant document found contributes i / its rank.
  let precisionSum = 0;
  relevantPositions(ranking, judgments).forEach((position, i) => {
    precisionSum += (i + 1) / (position + 1);
  });
  return precisionSum / totalRelevant;
}

function gainOf(grade: number, gain: GainKind): number {
  const clamped = Math.max(0, grade);
  return gain === 'linear' ? clamped : 2 ** clamped - 1;
}

/** Sum of gain / log2(rank + 1) over the grades, in order (rank is 1-based). */
function discountedCumulativeGain(grades: readonly number[], gain: GainKind): number {
  return grades.reduce((sum, grade, position) => sum + gainOf(grade, gain) / Math.log2(position + 2), 0);
}

export function ndcgAtK(ranking: Ranking, judgments: Judgments, k: number, gain: GainKind): number | null {
  if (!isUsableCut(k) || countRelevant(judgments) === 0) return null;
  const cut = Math.floor(k);
  const gradesAsRanked = rankedIds(ranking)
    .slice(0, cut)
    .map((id) => judgments.get(id) ?? 0);
  const idealGrades = [...judgments.values()]
    .sort((a, b) => b - a)
    .slice(0, cut);
  const ideal = discountedCumulativeGain(idealGrades, gain);
  return ideal > 0 ? discountedCumulativeGain(gradesAsRanked, gain) / ideal : null;
}

export function computeMetrics(ranking: Ranking, judgments: Judgments, options: MetricOptions): MetricValues {
  return {
    precision: precisionAtK(ranking, judgments, options.k),
    recall: recallAtK(ranking, judgments, options.k),
    rr: reciprocalRank(ranking, judgments),
    ap: averagePrecision(ranking, judgments),
    ndcg: ndcgAtK(ranking, judgments, options.k, options.gain),
  };
}

/** after − before; null when either side is undefined. */
export function metricDelta(before: number | null, after: number | null): number | null {
  return before === null || after === null ? null : after - before;
}

/** The change in every metric, from `before` to `after`. */
export function metricDeltas(before: MetricValues, after: MetricValues): MetricValues {
  return {
    precision: metricDelta(before.precision, after.precision),
    recall: metricDelta(before.recall, after.recall),
    rr: metricDelta(before.rr, after.rr),
    ap: metricDelta(before.ap, after.ap),
    ndcg: metricDelta(before.ndcg, after.ndcg),
  };
}

const MINUS_SIGN = '\u2212';

/** A metric value with two decimals ("0.67"), or "n/a" when undefined. */
export function formatMetric(value: number | null): string {
  return value === null || !Number.isFinite(value) ? 'n/a' : value.toFixed(2);
}

/**
 * A change with two decimals and an explicit sign: "+0.21", "−0.05" (U+2212 MINUS SIGN,
 * which lines up with "+" in tabular figures), or "n/a".
 * A change that rounds to zero shows as "±0.00": "+0.00" or "−0.00" would claim a
 * direction that two decimals cannot show.
 */
export function formatDelta(delta: number | null): string {
  if (delta === null || !Number.isFinite(delta)) return 'n/a';
  const magnitude = Math.abs(delta).toFixed(2);
  if (Number(magnitude) === 0) return `\u00b1${magnitude}`;
  return `${delta > 0 ? '+' : MINUS_SIGN}${magnitude}`;
}

// Kendall's tau-b lives in its own file (O(n log n), ties counted as ties); re-exported for existing callers.
export { kendallTau } from './kendall';
