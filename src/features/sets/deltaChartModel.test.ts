import { describe, expect, it } from 'vitest';
import type { Outcome, QueryComparison } from '../../core/sets/aggregate';
import {
  axisExtent,
  barCaption,
  barIndexAt,
  barLabel,
  buildDeltaChart,
  describeCounts,
  describeNotCompared,
  formatPValue,
  listIds,
  metricLabel,
  sortByDelta,
  type DeltaBar,
} from './deltaChartModel';

const outcomeOf = (delta: number): Outcome => (Math.abs(delta) <= 1e-9 ? 'tie' : delta > 0 ? 'win' : 'loss');
const q = (queryId: string, delta: number): QueryComparison => ({ queryId, base: 0.5, other: 0.5 + delta, delta, outcome: outcomeOf(delta) });
const ids = (rows: readonly { queryId: string }[]) => rows.map((r) => r.queryId);

// Ids that are also Object.prototype's keys: they must behave as data.
const fourQueries = [q('q1', -0.1), q('__proto__', 0.3), q('constructor', 0), q('toString', 0.15)];

describe('sortByDelta', () => {
  it('puts the largest gain first and the largest loss last', () => {
    expect(ids(sortByDelta(fourQueries))).toEqual(['__proto__', 'toString', 'constructor', 'q1']);
  });

  it('keeps ties in their given order, whatever sign their float noise has', () => {
    // Sorting on the raw delta would put +1e-12 before −1e-12; both are ties, so they keep their order.
    const rows = [q('lose', -0.2), q('tieA', -1e-12), q('tieB', 1e-12), q('win', 0.4)];
    expect(ids(sortByDelta(rows))).toEqual(['win', 'tieA', 'tieB', 'lose']);
  });

  it('does not reorder its input', () => {
    const rows = [...fourQueries];
    sortByDelta(rows);
    expect(ids(rows)).toEqual(['q1', '__proto__', 'constructor', 'toString']);
  });
});

describe('axisExtent', () => {
  it('rounds up in steps of 0.02 to 0.1, then of 0.1', () => {
    expect(axisExtent(0.04)).toBe(0.04); // 0.04 / 0.02 = 2 steps exactly
    expect(axisExtent(0.05)).toBe(0.06); // 2.5 steps -> 3
    expect(axisExtent(0.1)).toBe(0.1); // 5 steps of 0.02
    expect(axisExtent(0.23)).toBe(0.3); // 2.3 steps of 0.1 -> 3
    expect(axisExtent(0.3)).toBe(0.3); // 0.3 / 0.1 is 2.9999999999999996 in floats: still 3 steps
    expect(axisExtent(0.95)).toBe(1);
  });

  it('is never 0, so a chart of ties still has an axis', () => {
    expect(axisExtent(0)).toBe(0.02);
  });
});

describe('buildDeltaChart, four queries', () => {
  // Sorted: __proto__ +0.3, toString +0.15, constructor tie, q1 −0.1.
  // Largest |Δ| 0.3 -> extent 0.3. Height 180, padding 8: zero line at y 90, 82 units each way.
  // Width 1000 / 4 = slots of 250; a 20% gap leaves 200, capped at 80 -> x = slot start + (250 − 80) / 2 = +85.
  const model = buildDeltaChart(fourQueries);
  const geometry = (bar: DeltaBar | undefined) => bar && { id: bar.queryId, x: bar.x, y: bar.y, width: bar.width, height: bar.height };

  it('scales to the largest change, symmetric about zero', () => {
    expect(model.extent).toBe(0.3);
    expect(model.zeroY).toBe(90);
    // Ticks at ±extent, ±extent / 2 and 0: y = 90 − share × 82.
    expect(model.ticks.map((t) => t.y)).toEqual([8, 49, 90, 131, 172]);
    expect(model.ticks.map((t) => t.label)).toEqual(['+0.30', '+0.15', '0', '\u22120.15', '\u22120.30']);
  });

  it('draws gains up from the zero line and losses down from it', () => {
    // __proto__: 0.3 / 0.3 × 82 = 82 tall, top at 90 − 82 = 8.
    expect(geometry(model.bars[0])).toEqual({ id: '__proto__', x: 85, y: 8, width: 80, height: 82 });
    // toString: 0.15 / 0.3 × 82 = 41 tall, top at 49.
    expect(geometry(model.bars[1])).toEqual({ id: 'toString', x: 335, y: 49, width: 80, height: 41 });
    // q1: 0.1 / 0.3 × 82 = 27.33 tall, from the zero line down.
    const loss = model.bars[3];
    expect(loss?.queryId).toBe('q1');
    expect(loss?.x).toBe(835);
    expect(loss?.y).toBe(90);
    expect(loss?.height).toBeCloseTo(27.3333, 3);
  });

  it('draws a tie as a thin tick centred on the zero line', () => {
    // 3 units tall: from 88.5 to 91.5.
    expect(geometry(model.bars[2])).toEqual({ id: 'constructor', x: 585, y: 88.5, width: 80, height: 3 });
    expect(model.bars[2]?.outcome).toBe('tie');
  });

  it('counts better, worse and unchanged', () => {
    expect([model.better, model.worse, model.unchanged]).toEqual([2, 1, 1]);
    expect(describeCounts(model)).toBe('4 queries: 2 better, 1 worse, 1 unchanged');
  });

  it('finds the bar under a point anywhere in its slot', () => {
    expect(barIndexAt(model, 0)).toBe(0);
    expect(barIndexAt(model, 249.9)).toBe(0);
    expect(barIndexAt(model, 250)).toBe(1);
    expect(barIndexAt(model, 999)).toBe(3);
    expect(barIndexAt(model, 1000)).toBeNull();
    expect(barIndexAt(model, -1)).toBeNull();
  });
});

describe('buildDeltaChart, many queries', () => {
  it('lets 1,000 bars touch, 1 unit each', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => q(`q${i}`, ((i % 21) - 10) / 20));
    const model = buildDeltaChart(rows);
    expect(model.bars).toHaveLength(1000);
    expect(model.bars[0]?.width).toBe(1);
    expect(model.bars[999]?.x).toBe(999);
    // 21 values per cycle, −0.5..+0.5: 10 up, 10 down, 1 tie; 1000 = 47 cycles + 13 (10 down, 1 tie, 2 up).
    expect([model.better, model.worse, model.unchanged]).toEqual([47 * 10 + 2, 47 * 10 + 10, 48]);
  });

  it('keeps gaps while a slot is 4 units or wider', () => {
    // 200 queries: slots of 5, 20% gap -> bars of 4, centred: x = 5i + 0.5.
    const model = buildDeltaChart(Array.from({ length: 200 }, (_, i) => q(`q${i}`, 0.1)));
    expect(model.bars[0]?.width).toBe(4);
    expect(model.bars[3]?.x).toBe(15.5);
  });

  it('never draws a real change shorter than 1 unit', () => {
    // 0.001 / 0.3 × 82 = 0.27, raised to 1.
    const model = buildDeltaChart([q('big', 0.3), q('small', 0.001)]);
    expect(model.bars[1]?.height).toBe(1);
    expect(model.bars[1]?.y).toBe(89);
  });

  it('draws nothing for no queries', () => {
    const model = buildDeltaChart([]);
    expect(model.bars).toEqual([]);
    expect(describeCounts(model)).toBe('0 queries: 0 better, 0 worse, 0 unchanged');
    expect(barIndexAt(model, 10)).toBeNull();
  });
});

describe('bar words', () => {
  const [bar] = buildDeltaChart([q('q12', 0.23)]).bars;
  const [tie] = buildDeltaChart([q('__proto__', 1e-12)]).bars;

  it('names the query, its text and its change', () => {
    if (!bar || !tie) throw new Error('expected one bar each');
    expect(barCaption(bar, 'how do vaccines work')).toBe("q12 · 'how do vaccines work' · +0.23");
    expect(barCaption(bar, undefined)).toBe('q12 · +0.23');
    expect(barCaption(tie, 'x')).toBe("__proto__ · 'x' · ±0.00 (unchanged)");
    expect(barLabel(bar)).toBe('q12: +0.23, open this query');
  });

  it('cuts a long query text to 80 characters', () => {
    if (!bar) throw new Error('expected a bar');
    const caption = barCaption(bar, 'a'.repeat(100));
    expect(caption).toBe(`q12 · '${'a'.repeat(79)}…' · +0.23`);
  });
});

describe('formatPValue', () => {
  it('shows three decimals, and "< 0.001" below that', () => {
    expect(formatPValue(0.031)).toBe('p = 0.031');
    expect(formatPValue(0.001)).toBe('p = 0.001');
    expect(formatPValue(0.0009)).toBe('p < 0.001');
    expect(formatPValue(0)).toBe('p < 0.001');
    expect(formatPValue(1)).toBe('p = 1');
    expect(formatPValue(Number.NaN)).toBe('no p-value');
  });
});

describe('listIds', () => {
  it('lists up to five ids, then a count', () => {
    expect(listIds([])).toBe('');
    expect(listIds(['q07'])).toBe('q07');
    expect(listIds(['q07', '__proto__', 'toString'])).toBe('q07, __proto__ and toString');
    expect(listIds(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe('a, b, c, d, e and 2 more');
  });
});

describe('describeNotCompared', () => {
  it('groups the left-out queries by reason', () => {
    const text = describeNotCompared([
      { queryId: 'q07', reason: 'n/a on either side' },
      { queryId: 'q10', reason: 'missing on one side' },
      { queryId: 'constructor', reason: 'missing on one side' },
    ]);
    expect(text).toBe('1 n/a, no relevant judgment (q07); 2 not scored by both (q10 and constructor)');
    expect(describeNotCompared([])).toBe('');
  });
});

describe('metricLabel', () => {
  it('names reciprocal rank and average precision as means over queries', () => {
    expect(metricLabel('rr', 10, 'mean')).toBe('MRR');
    expect(metricLabel('rr', 10, 'query')).toBe('RR');
    expect(metricLabel('ap', 10, 'mean')).toBe('MAP');
    expect(metricLabel('ndcg', 5, 'query')).toBe('nDCG@5');
  });
});
