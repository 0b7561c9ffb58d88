/**
 * The threshold explorer's model, free of React: one threshold on one scale, applied to every column's scores,
 * and what that one number means in each column's own units.
 */
import { finiteRange, scaleScores } from '../../core/scoreInsights';
import type { ScoreDisplay } from '../../core/scoreDisplay';
import type { ScoreKind } from '../../core/types';

export interface ThresholdColumn {
  name: string;
  scores: readonly number[];
  kind: ScoreKind;
}

export interface ScaledColumn {
  name: string;
  kind: ScoreKind;
  /** The finite scores on the scale, lowest first (for counting by binary search). */
  sorted: number[];
  /** The finite raw scores' range: min-max thresholds depend on it. */
  rawRange: { min: number; max: number } | null;
  /** The transform really applied, or null when the scale means nothing for this kind (BM25 has no sigmoid). */
  transform: ScoreDisplay | null;
  /** Why the scale does not apply, or a note on how it does. */
  note: string | null;
}

export function scaleColumns(columns: readonly ThresholdColumn[], scale: ScoreDisplay): ScaledColumn[] {
  return columns.map((column) => {
    const scaled = scaleScores(column.scores, column.kind, scale);
    const rawRange = finiteRange(column.scores);
    if (!scaled.ok) return { name: column.name, kind: column.kind, sorted: [], rawRange, transform: null, note: scaled.reason };
    const sorted = scaled.values.filter(Number.isFinite).sort((a, b) => a - b);
    return { name: column.name, kind: column.kind, sorted, rawRange, transform: scaled.transform, note: scaled.note };
  });
}

/** The slider moves in this many steps between the ends of its range. */
export const SLIDER_STEPS = 200;

/** 0..1 on the bounded scales; on the raw scale, from the lowest to the highest score of any column. */
export function sliderRange(columns: readonly ScaledColumn[], scale: ScoreDisplay): readonly [number, number] {
  if (scale !== 'raw') return [0, 1];
  const all = finiteRange(columns.flatMap((c) => c.sorted));
  if (!all) return [0, 1];
  return all.min === all.max ? [all.min - 1, all.max + 1] : [all.min, all.max];
}

export function thresholdAt(step: number, [lo, hi]: readonly [number, number]): number {
  return step >= SLIDER_STEPS ? hi : lo + (step * (hi - lo)) / SLIDER_STEPS;
}

/** Where the slider starts: 0.5 on the bounded scales, the step nearest 0 (a logit's even odds) on the raw one. */
export function initialStep([lo, hi]: readonly [number, number], scale: ScoreDisplay): number {
  const target = scale === 'raw' && lo <= 0 && hi >= 0 ? 0 : (lo + hi) / 2;
  return hi === lo ? 0 : Math.round(((target - lo) / (hi - lo)) * SLIDER_STEPS);
}

/** How many of the ascending values are at or above the threshold. */
export function countAtOrAbove(sortedAscending: readonly number[], threshold: number): number {
  let lo = 0;
  let hi = sortedAscending.length;
  // The first position whose value is >= threshold.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sortedAscending[mid] as number) < threshold) lo = mid + 1;
    else hi = mid;
  }
  return sortedAscending.length - lo;
}

/**
 * The threshold in the column's own units: a sigmoid threshold t is the logit ln(t / (1 − t)); a min-max one is
 * min + t · (max − min) of this list, so it moves whenever the list does. Null when the scale does not apply.
 */
export function rawEquivalent(threshold: number, column: ScaledColumn): number | null {
  if (column.transform === null || !column.rawRange) return null;
  if (column.transform === 'raw') return threshold;
  if (column.transform === 'sigmoid') {
    if (threshold <= 0) return -Infinity;
    if (threshold >= 1) return Infinity;
    return Math.log(threshold / (1 - threshold));
  }
  const { min, max } = column.rawRange;
  return min + threshold * (max - min);
}
