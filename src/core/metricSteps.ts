/**
 * The working behind nDCG@k, AP and the precision/recall curve, as plain tables for the "How these are computed"
 * view. Every number is computed the way metrics.ts computes it (same order of operations), so a table's last line
 * equals the metric in the table above it exactly, not merely to two decimals.
 * Conventions are metrics.ts's: grade >= 1 is relevant, unjudged counts as grade 0, each id counts once.
 */
import { countRelevant, isRelevant, rankedIds, type GainKind } from './metrics';
import type { Judgments, Ranking } from './types';

export interface DcgStep {
  rank: number;
  id: string;
  /** undefined: unjudged, which counts as grade 0. */
  grade: number | undefined;
  gain: number;
  /** 1 / log2(rank + 1). */
  discount: number;
  /** gain / log2(rank + 1). */
  contribution: number;
  /** The DCG down to this rank. */
  runningDcg: number;
}

export interface NdcgSteps {
  /** The cut-off, floored. */
  k: number;
  gain: GainKind;
  /** The ranking's documents at ranks 1..min(k, n). */
  ranked: DcgStep[];
  dcg: number;
  /** All judged documents, highest grade first (equal grades in judgment order), cut at k. */
  ideal: DcgStep[];
  idcg: number;
  /** dcg / idcg. */
  ndcg: number;
}

export interface ApTerm {
  rank: number;
  id: string;
  grade: number;
  /** Relevant documents at ranks 1..rank. */
  relevantSoFar: number;
  /** relevantSoFar / rank: the precision at this rank. */
  precision: number;
}

export interface ApSteps {
  /** One term per relevant document the ranking retrieved, in rank order. */
  terms: ApTerm[];
  /** The sum of the terms' precisions. */
  sum: number;
  /** The denominator: every judged-relevant document, retrieved or not. */
  totalRelevant: number;
  /** Judged-relevant documents the ranking never retrieved (each adds 0 to the sum), in judgment order. */
  notRetrieved: string[];
  ap: number;
}

export interface CutoffPoint {
  /** The cut-off: ranks 1..cutoff count. */
  cutoff: number;
  precision: number;
  recall: number;
}

/** The precision/recall curve stops here: enough to see the shape, few enough to read. */
export const MAX_CURVE_CUTOFF = 50;

function gainOf(grade: number, gain: GainKind): number {
  const clamped = Math.max(0, grade);
  return gain === 'linear' ? clamped : 2 ** clamped - 1;
}

/** Rows for documents in the given order, summed as metrics.ts sums DCG (left to right, gain / log2(rank + 1)). */
function dcgSteps(documents: readonly { id: string; grade: number | undefined }[], gain: GainKind): DcgStep[] {
  let running = 0;
  return documents.map(({ id, grade }, position) => {
    const rank = position + 1;
    const logarithm = Math.log2(rank + 1);
    const documentGain = gainOf(grade ?? 0, gain);
    const contribution = documentGain / logarithm;
    running += contribution;
    return { rank, id, grade, gain: documentGain, discount: 1 / logarithm, contribution, runningDcg: running };
  });
}

const lastRunning = (steps: readonly DcgStep[]): number => steps.at(-1)?.runningDcg ?? 0;

/** null where ndcgAtK is null: k below 1, or no relevant judgments. */
export function ndcgSteps(ranking: Ranking, judgments: Judgments, k: number, gain: GainKind): NdcgSteps | null {
  if (!Number.isFinite(k) || Math.floor(k) < 1 || countRelevant(judgments) === 0) return null;
  const cut = Math.floor(k);
  const ranked = dcgSteps(
    rankedIds(ranking)
      .slice(0, cut)
      .map((id) => ({ id, grade: judgments.get(id) })),
    gain,
  );
  // Array.prototype.sort is stable: equal grades keep judgment order. Their terms are equal, so the sum is too.
  const idealOrder = [...judgments].map(([id, grade]) => ({ id, grade })).sort((a, b) => b.grade - a.grade);
  const ideal = dcgSteps(idealOrder.slice(0, cut), gain);
  const dcg = lastRunning(ranked);
  const idcg = lastRunning(ideal);
  return { k: cut, gain, ranked, dcg, ideal, idcg, ndcg: dcg / idcg };
}

/** null where averagePrecision is null: no relevant judgments. */
export function apSteps(ranking: Ranking, judgments: Judgments): ApSteps | null {
  const totalRelevant = countRelevant(judgments);
  if (totalRelevant === 0) return null;
  const ids = rankedIds(ranking);
  const terms: ApTerm[] = [];
  let sum = 0;
  ids.forEach((id, position) => {
    const grade = judgments.get(id);
    if (grade === undefined || !isRelevant(grade)) return;
    const relevantSoFar = terms.length + 1;
    const precision = relevantSoFar / (position + 1);
    sum += precision;
    terms.push({ rank: position + 1, id, grade, relevantSoFar, precision });
  });
  const retrieved = new Set(ids);
  const notRetrieved = [...judgments].filter(([id, grade]) => isRelevant(grade) && !retrieved.has(id)).map(([id]) => id);
  return { terms, sum, totalRelevant, notRetrieved, ap: sum / totalRelevant };
}

/**
 * Precision and recall at every cut-off 1..min(n, maxCutoff), where n is the number of ranked documents.
 * null with no relevant judgments (both metrics are undefined then).
 */
export function precisionRecallCurve(ranking: Ranking, judgments: Judgments, maxCutoff: number = MAX_CURVE_CUTOFF): CutoffPoint[] | null {
  const totalRelevant = countRelevant(judgments);
  if (totalRelevant === 0) return null;
  const last = Math.min(rankedIds(ranking).length, Math.max(0, Math.floor(maxCutoff)));
  const points: CutoffPoint[] = [];
  let relevantSoFar = 0;
  for (const [position, id] of rankedIds(ranking).slice(0, last).entries()) {
    if (isRelevant(judgments.get(id))) relevantSoFar += 1;
    const cutoff = position + 1;
    points.push({ cutoff, precision: relevantSoFar / cutoff, recall: relevantSoFar / totalRelevant });
  }
  return points;
}
