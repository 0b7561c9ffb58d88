import { describe, expect, it } from 'vitest';
import { formatDelta, formatMetric, kendallTau, metricDelta, metricDeltas } from './metrics';
import type { Ranking } from './types';

function rankingOf(ids: string[]): Ranking {
  return {
    scoreKind: 'raw logit',
    entries: ids.map((id, position) => ({ id, rank: position + 1, score: -position, index: position })),
  };
}

describe('kendallTau', () => {
  const abcd = rankingOf(['a', 'b', 'c', 'd']);

  it('is 1 for the same order and -1 for the reverse', () => {
    expect(kendallTau(abcd, rankingOf(['a', 'b', 'c', 'd']))).toBeCloseTo(1, 10);
    expect(kendallTau(abcd, rankingOf(['d', 'c', 'b', 'a']))).toBeCloseTo(-1, 10);
  });

  it('loses 2/6 for one adjacent swap of 4', () => {
    // 6 pairs; only (b, c) is discordant: (5 - 1) / 6 = 1 - 2*1/6 = 0.6667
    expect(kendallTau(abcd, rankingOf(['a', 'c', 'b', 'd']))).toBeCloseTo(2 / 3, 10);
  });

  it('counts every pair a long swap breaks', () => {
    // Swap a and d: discordant (d,b) (d,c) (d,a) (b,a) (c,a) = 5, concordant (b,c) = 1
    // (1 - 5) / 6 = -0.6667
    expect(kendallTau(abcd, rankingOf(['d', 'b', 'c', 'a']))).toBeCloseTo(-2 / 3, 10);
  });

  it('uses only the ids both rankings hold', () => {
    // Shared: a, b, c. a orders them a, b, c; b orders them c, b, a -> reversed -> -1
    expect(kendallTau(rankingOf(['a', 'b', 'c', 'x']), rankingOf(['y', 'c', 'b', 'a']))).toBeCloseTo(-1, 10);
  });

  it('is null with fewer than 2 shared ids', () => {
    expect(kendallTau(rankingOf(['a', 'b']), rankingOf(['a', 'z']))).toBeNull();
    expect(kendallTau(rankingOf([]), rankingOf([]))).toBeNull();
  });

  it('is tau-b: equal scores are ties, not ordered by input position', () => {
    // First: a 2, b 1, c 1 (b and c tied). Second: c, b, a, all distinct.
    // Pairs (a,b), (a,c) discordant; (b,c) tied in the first. n0 = 3, n1 = 1, n2 = 0.
    // tau-b = (0 - 2) / sqrt((3 - 1)(3 - 0)) = -2 / sqrt(6) = -0.8165
    // (scipy: python3 -c "from scipy.stats import kendalltau; print(kendalltau([2,1,1],[1,2,3]))" -> -0.816496580927726)
    // Positions (b before c by input order) would give tau-a = (0 - 3) / 3 = -1.
    const tied: Ranking = {
      scoreKind: 'BM25',
      entries: [
        { id: 'a', rank: 1, score: 2, index: 0 },
        { id: 'b', rank: 2, score: 1, index: 1 },
        { id: 'c', rank: 3, score: 1, index: 2 },
      ],
    };
    expect(kendallTau(tied, rankingOf(['c', 'b', 'a']))).toBeCloseTo(-0.816496580927726, 12);
  });
});

describe('metricDelta', () => {
  it('is after minus before, or null if either is undefined', () => {
    // 0.75 - 0.5 = 0.25
    expect(metricDelta(0.5, 0.75)).toBeCloseTo(0.25, 10);
    expect(metricDelta(null, 0.75)).toBeNull();
    expect(metricDelta(0.5, null)).toBeNull();
  });

  it('works across all five metrics', () => {
    const before = { precision: 0.2, recall: 0.5, rr: 0.5, ap: null, ndcg: 0.4 };
    const after = { precision: 0.4, recall: 0.5, rr: 1, ap: null, ndcg: 0.3 };
    const deltas = metricDeltas(before, after);
    // 0.4-0.2 = 0.2, 0.5-0.5 = 0, 1-0.5 = 0.5, n/a, 0.3-0.4 = -0.1
    expect(deltas.precision).toBeCloseTo(0.2, 10);
    expect(deltas.recall).toBe(0);
    expect(deltas.rr).toBeCloseTo(0.5, 10);
    expect(deltas.ap).toBeNull();
    expect(deltas.ndcg).toBeCloseTo(-0.1, 10);
  });
});

describe('formatDelta', () => {
  it('shows a sign and two decimals, with a true minus sign', () => {
    expect(formatDelta(0.21)).toBe('+0.21');
    expect(formatDelta(-0.05)).toBe('\u22120.05');
    expect(formatDelta(0.006)).toBe('+0.01');
  });

  it('shows a change that rounds to zero as ±0.00', () => {
    expect(formatDelta(0)).toBe('\u00b10.00');
    expect(formatDelta(0.004)).toBe('\u00b10.00');
    expect(formatDelta(-0.004)).toBe('\u00b10.00');
  });

  it('shows an undefined change as n/a', () => {
    expect(formatDelta(null)).toBe('n/a');
    expect(formatDelta(Number.NaN)).toBe('n/a');
  });
});

describe('formatMetric', () => {
  it('shows two decimals or n/a', () => {
    expect(formatMetric(2 / 3)).toBe('0.67');
    expect(formatMetric(0)).toBe('0.00');
    expect(formatMetric(null)).toBe('n/a');
  });
});
