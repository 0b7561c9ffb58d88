import { describe, expect, it } from 'vitest';
import type { MetricValues } from '../metrics';
import { aggregate, compareRankers, type PerQueryMetrics } from './aggregate';

const NONE: MetricValues = { precision: null, recall: null, rr: null, ap: null, ndcg: null };

function row(queryId: string, relevantCount: number, values: MetricValues): PerQueryMetrics {
  return { queryId, relevantCount, values };
}

// Three queries whose ids are names of Object.prototype members: they must behave as plain data.
// "constructor" has no relevant judgments, so every metric is n/a.
// On "toString" both rankers score the same: a tie.
const base = [
  row('__proto__', 2, { precision: 0.5, recall: 0.5, rr: 1, ap: 0.5, ndcg: 0.6 }),
  row('constructor', 0, NONE),
  row('toString', 1, { precision: 0.25, recall: 1, rr: 0.5, ap: 0.5, ndcg: 0.4 }),
];
const other = [
  // Listed in another order on purpose: pairing is by query id, not by position.
  row('toString', 1, { precision: 0.25, recall: 1, rr: 0.5, ap: 0.5, ndcg: 0.4 }),
  row('constructor', 0, NONE),
  row('__proto__', 2, { precision: 0.75, recall: 0.75, rr: 1, ap: 0.8, ndcg: 0.9 }),
];

describe('aggregate', () => {
  it('averages over the queries with relevant judgments and lists the others', () => {
    // Over __proto__ and toString only: P (0.5 + 0.25)/2 = 0.375, R (0.5 + 1)/2 = 0.75, RR (1 + 0.5)/2 = 0.75,
    // AP (0.5 + 0.5)/2 = 0.5, nDCG (0.6 + 0.4)/2 = 0.5. (trec_eval would average 3 queries, with 0 for "constructor".)
    const summary = aggregate(base);
    expect(summary.included).toBe(2);
    expect(summary.leftOut).toEqual([{ queryId: 'constructor', reason: 'no relevant judgments' }]);
    expect(summary.means.precision).toBeCloseTo(0.375, 12);
    expect(summary.means.recall).toBeCloseTo(0.75, 12);
    expect(summary.means.rr).toBeCloseTo(0.75, 12);
    expect(summary.means.ap).toBeCloseTo(0.5, 12);
    expect(summary.means.ndcg).toBeCloseTo(0.5, 12);
  });

  it('leaves a null value out of that metric only, and gives null means for an empty set', () => {
    const rows = [
      row('a', 1, { precision: null, recall: null, rr: 1, ap: 1, ndcg: null }),
      row('b', 1, { precision: 0.2, recall: 0.5, rr: 0.5, ap: 0.25, ndcg: 0.3 }),
    ];
    const summary = aggregate(rows);
    expect(summary.means.precision).toBeCloseTo(0.2, 12); // b alone
    expect(summary.means.rr).toBeCloseTo(0.75, 12); // (1 + 0.5)/2
    expect(aggregate([])).toEqual({ means: NONE, included: 0, leftOut: [] });
  });
});

describe('compareRankers', () => {
  it('counts a win and a tie on AP, pairs by id, and runs both tests', () => {
    // AP deltas (other − base): __proto__ 0.8 − 0.5 = 0.3 (win), toString 0 (tie); constructor is n/a.
    // mean delta 0.15. t-test: d = [0.3, 0], sd = √(2·0.15²/1) = 0.15·√2, se = sd/√2 = 0.15, t = 1, df = 1:
    // Cauchy, so p = 1/2. Randomization, exact: the 4 sign patterns give |±0.3 ± 0| = 0.3, all >= 0.3: p = 1.
    const result = compareRankers(base, other, 'ap');
    expect(result).toMatchObject({ wins: 1, ties: 1, losses: 0, n: 2 });
    expect(result.perQuery.map((query) => [query.queryId, query.outcome])).toEqual([
      ['__proto__', 'win'],
      ['toString', 'tie'],
    ]);
    expect(result.perQuery[0]?.delta).toBeCloseTo(0.3, 12);
    expect(result.meanDelta).toBeCloseTo(0.15, 12);
    expect(result.tTest?.t).toBeCloseTo(1, 12);
    expect(result.tTest?.pValue).toBeCloseTo(0.5, 12);
    expect(result.randomization).toMatchObject({ pValue: 1, exact: true, trials: 4 });
    expect(result.notCompared).toEqual([{ queryId: 'constructor', reason: 'n/a on either side' }]);
  });

  it('sees the same queries as losses from the other side', () => {
    const result = compareRankers(other, base, 'ndcg');
    // nDCG: __proto__ 0.6 − 0.9 = −0.3 (loss), toString 0 (tie).
    expect(result).toMatchObject({ wins: 0, ties: 1, losses: 1 });
    expect(result.meanDelta).toBeCloseTo(-0.15, 12);
  });

  it('calls float noise a tie, and a difference beyond the epsilon a win', () => {
    const a = [row('q', 1, { ...NONE, ndcg: 0.1 + 0.2 })]; // 0.30000000000000004
    const b = [row('q', 1, { ...NONE, ndcg: 0.3 })];
    expect(compareRankers(a, b, 'ndcg').ties).toBe(1);
    expect(compareRankers(a, b, 'ndcg', { tieEpsilon: 0 }).losses).toBe(1);
    const c = [row('q', 1, { ...NONE, ndcg: 0.3 + 1e-6 })];
    expect(compareRankers(a, c, 'ndcg').wins).toBe(1);
  });

  it('lists queries missing on one side, and has no tests when nothing can be compared', () => {
    const result = compareRankers([row('only-base', 1, { ...NONE, rr: 1 })], [row('only-other', 1, { ...NONE, rr: 1 })], 'rr');
    expect(result.n).toBe(0);
    expect(result.meanDelta).toBeNull();
    expect(result.randomization).toBeNull();
    expect(result.tTest).toBeNull();
    expect(result.notCompared).toEqual([
      { queryId: 'only-base', reason: 'missing on one side' },
      { queryId: 'only-other', reason: 'missing on one side' },
    ]);
  });

  it('refuses a query id listed twice', () => {
    expect(() => compareRankers([...base, base[0] as PerQueryMetrics], other, 'ap')).toThrow(/"__proto__" appears twice/);
  });
});
