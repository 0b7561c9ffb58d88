/**
 * The score plot's geometry, free of React: where each document's tick goes on a strip, or which bin of a
 * histogram it falls in when there are too many to tell ticks apart.
 */
import { finiteRange } from '../../core/scoreInsights';
import type { ScoreDisplay } from '../../core/scoreDisplay';

/** The plot's coordinate space (SVG viewBox units); the SVG stretches to the column's width. */
export const PLOT_WIDTH = 300;
export const PLOT_HEIGHT = 40;
/** Room at each end, so a tick at the minimum or maximum is not cut in half. */
export const PLOT_MARGIN = 4;
/** Past this many scores, ticks pile into a smear: a histogram shows the shape better. */
export const STRIP_LIMIT = 60;
export const BIN_COUNT = 20;

export type Domain = readonly [number, number];

/**
 * The axis: 0..1 for the bounded scales (so sigmoid's pile at 1 shows as a pile at the edge), the data's own
 * range for raw scores, widened by 1 each way when every score is the same.
 */
export function plotDomain(values: readonly number[], transform: ScoreDisplay): Domain {
  if (transform !== 'raw') return [0, 1];
  const range = finiteRange(values);
  if (!range) return [0, 1];
  return range.min === range.max ? [range.min - 1, range.max + 1] : [range.min, range.max];
}

/** Where a value sits across the plot; values outside the domain are held at its ends. */
export function xOf(value: number, [lo, hi]: Domain): number {
  const share = hi === lo ? 0.5 : Math.min(1, Math.max(0, (value - lo) / (hi - lo)));
  return PLOT_MARGIN + share * (PLOT_WIDTH - 2 * PLOT_MARGIN);
}

export interface StripTick {
  /** Position in the values (and so in the entries the plot was given). */
  index: number;
  x: number;
}

/** One tick per finite value. */
export function stripTicks(values: readonly number[], domain: Domain): StripTick[] {
  const ticks: StripTick[] = [];
  values.forEach((value, index) => {
    if (Number.isFinite(value)) ticks.push({ index, x: xOf(value, domain) });
  });
  return ticks;
}

export interface HistogramBin {
  /** The bin holds values from `from` up to `to` (the last bin includes `to`). */
  from: number;
  to: number;
  /** Positions of the values in it. */
  indices: number[];
  x: number;
  width: number;
  /** Bar height: the tallest bin fills the plot. */
  height: number;
}

/** Equal-width bins over the domain; finite values only, those outside the domain counted at its ends. */
export function histogramBins(values: readonly number[], domain: Domain, binCount = BIN_COUNT): HistogramBin[] {
  const [lo, hi] = domain;
  const span = hi - lo;
  const members: number[][] = Array.from({ length: binCount }, () => []);
  values.forEach((value, index) => {
    if (!Number.isFinite(value)) return;
    const raw = span === 0 ? 0 : Math.floor(((value - lo) / span) * binCount);
    (members[Math.min(binCount - 1, Math.max(0, raw))] as number[]).push(index);
  });
  const tallest = Math.max(1, ...members.map((m) => m.length));
  const inner = PLOT_WIDTH - 2 * PLOT_MARGIN;
  return members.map((indices, i) => ({
    from: lo + (span * i) / binCount,
    to: lo + (span * (i + 1)) / binCount,
    indices,
    x: PLOT_MARGIN + (inner * i) / binCount,
    width: inner / binCount,
    height: (indices.length / tallest) * PLOT_HEIGHT,
  }));
}

/** "doc_1, doc_2, doc_3 and 4 more": a bin's documents, named up to `limit`. */
export function nameSome(ids: readonly string[], limit = 3): string {
  if (ids.length <= limit) return ids.join(', ');
  return `${ids.slice(0, limit).join(', ')} and ${ids.length - limit} more`;
}
