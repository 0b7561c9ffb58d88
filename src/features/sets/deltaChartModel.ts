/**
 * The per-query difference chart's model, free of React: which bar goes where, how tall, and the words around it.
 * Also the small formatting helpers the set views share (metric names, p-values, lists of query ids).
 */
import { formatDelta } from '../../core/metrics';
import type { MetricName, Outcome, QueryComparison } from '../../core/sets/aggregate';

/** The chart's coordinate space (SVG viewBox units). The SVG stretches the x axis to its width; y is in pixels. */
export const CHART_WIDTH = 1000;
export const CHART_HEIGHT = 180;
/** Room above and below the longest bar, so it does not touch the edge. */
export const CHART_PADDING = 8;
/** A wide slot keeps its bar this wide at most, so 3 queries do not draw 3 walls. */
export const MAX_BAR_WIDTH = 80;
/** The share of a slot left empty around its bar, while the slots are wide enough to show gaps. */
const GAP_SHARE = 0.2;
/** Below this slot width (units) bars touch: gaps would eat the bars. */
const MIN_SLOT_FOR_GAPS = 4;
/** A tie is drawn as a tick this tall, centred on the zero line. */
export const TIE_TICK_HEIGHT = 3;
/** A non-zero change never draws shorter than this, so a small win is not mistaken for nothing. */
export const MIN_BAR_HEIGHT = 1;

export interface DeltaBar {
  queryId: string;
  delta: number;
  outcome: Outcome;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DeltaTick {
  value: number;
  y: number;
  label: string;
}

export interface DeltaChartModel {
  /** Sorted by change, largest gain first; ties sit between gains and losses, in the given order. */
  bars: DeltaBar[];
  /** The axis runs from −extent to +extent: a round number at or above the largest |Δ|. */
  extent: number;
  zeroY: number;
  ticks: DeltaTick[];
  /** Each bar's share of the width: CHART_WIDTH / bars. */
  slotWidth: number;
  better: number;
  worse: number;
  unchanged: number;
}

/** The sort key: a tie sorts as 0, so float noise (1e-12) cannot split ties into "up" and "down" halves. */
const sortKey = (q: QueryComparison): number => (q.outcome === 'tie' ? 0 : q.delta);

/** Largest change first; equal keys keep their given order (Array.prototype.sort is stable). */
export function sortByDelta(perQuery: readonly QueryComparison[]): QueryComparison[] {
  return [...perQuery].sort((a, b) => sortKey(b) - sortKey(a));
}

/**
 * The round axis extent for a largest |Δ|: steps of 0.02 up to 0.1, then steps of 0.1, so that half the extent
 * (the inner ticks) still reads exactly with two decimals. Never 0: a chart of ties still has an axis.
 */
export function axisExtent(maxAbsDelta: number): number {
  const step = maxAbsDelta <= 0.1 ? 0.02 : 0.1;
  // The 1e-9 keeps 0.3 (stored as 0.30000000000000004) from rounding up to 0.4.
  const steps = Math.max(1, Math.ceil(maxAbsDelta / step - 1e-9));
  return Number((steps * step).toFixed(2));
}

/** Lays out one bar per compared query, sorted, on a symmetric axis around the zero line. */
export function buildDeltaChart(perQuery: readonly QueryComparison[]): DeltaChartModel {
  const sorted = sortByDelta(perQuery);
  const changed = sorted.filter((q) => q.outcome !== 'tie');
  const maxAbs = changed.reduce((max, q) => Math.max(max, Math.abs(q.delta)), 0);
  const extent = axisExtent(maxAbs);
  const zeroY = CHART_HEIGHT / 2;
  const halfHeight = zeroY - CHART_PADDING;
  const slotWidth = sorted.length === 0 ? CHART_WIDTH : CHART_WIDTH / sorted.length;
  const gap = slotWidth >= MIN_SLOT_FOR_GAPS ? slotWidth * GAP_SHARE : 0;
  const width = Math.min(slotWidth - gap, MAX_BAR_WIDTH);
  const bars = sorted.map((q, i): DeltaBar => {
    const x = i * slotWidth + (slotWidth - width) / 2;
    if (q.outcome === 'tie') {
      return { queryId: q.queryId, delta: q.delta, outcome: q.outcome, x, y: zeroY - TIE_TICK_HEIGHT / 2, width, height: TIE_TICK_HEIGHT };
    }
    const height = Math.max(MIN_BAR_HEIGHT, (Math.abs(q.delta) / extent) * halfHeight);
    return { queryId: q.queryId, delta: q.delta, outcome: q.outcome, x, y: q.delta > 0 ? zeroY - height : zeroY, width, height };
  });
  const ticks = [1, 0.5, 0, -0.5, -1].map((share): DeltaTick => {
    const value = share * extent;
    return { value, y: zeroY - share * halfHeight, label: value === 0 ? '0' : formatDelta(value) };
  });
  const count = (outcome: Outcome) => sorted.filter((q) => q.outcome === outcome).length;
  return { bars, extent, zeroY, ticks, slotWidth, better: count('win'), worse: count('loss'), unchanged: count('tie') };
}

/** The bar under a point x (viewBox units), so the whole slot, not only a thin bar, answers the pointer. */
export function barIndexAt(model: DeltaChartModel, x: number): number | null {
  if (model.bars.length === 0 || !(x >= 0) || x >= CHART_WIDTH) return null;
  return Math.min(model.bars.length - 1, Math.floor(x / model.slotWidth));
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "12 queries: 7 better, 3 worse, 2 unchanged". */
export function describeCounts(model: DeltaChartModel): string {
  return `${plural(model.bars.length, 'query', 'queries')}: ${model.better.toLocaleString('en-US')} better, ${model.worse.toLocaleString('en-US')} worse, ${model.unchanged.toLocaleString('en-US')} unchanged`;
}

const MAX_CAPTION_TEXT = 80;

/** "q12 · 'how do vaccines work' · +0.23"; a long query is cut with an ellipsis. */
export function barCaption(bar: DeltaBar, queryText: string | undefined): string {
  const text = queryText === undefined ? '' : queryText.length > MAX_CAPTION_TEXT ? `${queryText.slice(0, MAX_CAPTION_TEXT - 1)}…` : queryText;
  return [bar.queryId, text && `'${text}'`, barDelta(bar)].filter(Boolean).join(' · ');
}

/** The bar's change in words: a tie says so, whatever float noise its delta carries. */
export function barDelta(bar: DeltaBar): string {
  return bar.outcome === 'tie' ? '±0.00 (unchanged)' : formatDelta(bar.delta);
}

/** "q12: +0.23, open this query". */
export function barLabel(bar: DeltaBar): string {
  return `${bar.queryId}: ${barDelta(bar)}, open this query`;
}

/** Why queries were left out of a comparison: "1 n/a, no relevant judgment (q07); 2 not scored by both (q10 and q11)". */
export function describeNotCompared(notCompared: readonly { queryId: string; reason: 'n/a on either side' | 'missing on one side' }[]): string {
  const groups: [string, string[]][] = [
    ['n/a, no relevant judgment', notCompared.filter((q) => q.reason === 'n/a on either side').map((q) => q.queryId)],
    ['not scored by both', notCompared.filter((q) => q.reason === 'missing on one side').map((q) => q.queryId)],
  ];
  return groups
    .filter(([, ids]) => ids.length > 0)
    .map(([reason, ids]) => `${ids.length.toLocaleString('en-US')} ${reason} (${listIds(ids)})`)
    .join('; ');
}

/** A metric's name: per query it is RR and AP, averaged over queries MRR and MAP. */
export function metricLabel(metric: MetricName, k: number, over: 'query' | 'mean'): string {
  switch (metric) {
    case 'precision':
      return `P@${k}`;
    case 'recall':
      return `Recall@${k}`;
    case 'rr':
      return over === 'mean' ? 'MRR' : 'RR';
    case 'ap':
      return over === 'mean' ? 'MAP' : 'AP';
    case 'ndcg':
      return `nDCG@${k}`;
  }
}

/** "p = 0.031", "p < 0.001", "p = 1"; "no p-value" when there is none. */
export function formatPValue(p: number): string {
  if (!(p >= 0 && p <= 1)) return 'no p-value';
  if (p < 0.001) return 'p < 0.001';
  if (p === 1) return 'p = 1';
  return `p = ${p.toFixed(3)}`;
}

/** "q07", "q07, q09 and q11", "q01, q02, q03, q04, q05 and 3 more": at most `max` ids, then a count. */
export function listIds(ids: readonly string[], max = 5): string {
  if (ids.length <= max) {
    return ids.length <= 1 ? (ids[0] ?? '') : `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1] ?? ''}`;
  }
  return `${ids.slice(0, max).join(', ')} and ${(ids.length - max).toLocaleString('en-US')} more`;
}
