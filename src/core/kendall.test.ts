import { describe, expect, it } from 'vitest';
import { kendallTau, kendallTauB, kendallTauMatrix } from './kendall';
import type { Ranking, ScoreKind } from './types';

/** A ranking from [id, score] rows already in rank order (best first). */
function ranked(rows: readonly (readonly [string, number])[], scoreKind: ScoreKind = 'raw logit'): Ranking {
  return {
    scoreKind,
    entries: rows.map(([id, score], position) => ({ id, rank: position + 1, score, index: position })),
  };
}

/** Sorts [id, score] rows highest score first, equal scores in the order given (the app's tie rule). */
function byScore(rows: readonly (readonly [string, number])[]): Ranking {
  return ranked([...rows].sort((a, b) => b[1] - a[1]));
}

// Reference values from scipy 1.17.1, whose default variant is tau-b:
//   python3 -c "from scipy.stats import kendalltau; print(kendalltau(X, Y).statistic)"
describe('kendallTauB against scipy.stats.kendalltau', () => {
  it('matches scipy with ties on both sides', () => {
    // kendalltau([1,1,2,3],[1,2,2,3]) -> 0.7999999999999999
    expect(kendallTauB([1, 1, 2, 3], [1, 2, 2, 3])).toBeCloseTo(0.7999999999999999, 12);
    // kendalltau([3,1,4,1,5,9,2,6],[2,7,1,8,2,8,1,8]) -> 0.16051447078102563
    expect(kendallTauB([3, 1, 4, 1, 5, 9, 2, 6], [2, 7, 1, 8, 2, 8, 1, 8])).toBeCloseTo(0.16051447078102563, 12);
    // kendalltau([1,1,1,2,2],[1,1,2,2,2]) -> 0.6666666666666669 (pairs tied on both sides)
    expect(kendallTauB([1, 1, 1, 2, 2], [1, 1, 2, 2, 2])).toBeCloseTo(0.6666666666666669, 12);
  });

  it('is exactly -1 for a reversal with ties, as scipy', () => {
    // kendalltau([1,2,2,3,3,3],[3,2,2,1,1,1]) -> -1.0
    expect(kendallTauB([1, 2, 2, 3, 3, 3], [3, 2, 2, 1, 1, 1])).toBe(-1);
  });

  it('is null where scipy gives nan: one side all tied, or fewer than 2 items', () => {
    // kendalltau([1,2,3],[5,5,5]) -> nan
    expect(kendallTauB([1, 2, 3], [5, 5, 5])).toBeNull();
    expect(kendallTauB([1], [1])).toBeNull();
    expect(kendallTauB([], [])).toBeNull();
  });

  it('matches a case worked by hand', () => {
    // Items A..E, x = [4,3,3,2,1], y = [2,3,1,1,0]; n = 5, n0 = 10 pairs.
    //   AB: x 4>3, y 2<3 discordant.  AC, AD, AE, BD, BE, CE, DE: concordant (7).
    //   BC: tied in x (n1 = 1).       CD: tied in y (n2 = 1).
    // tau-b = (7 - 1) / sqrt((10 - 1)(10 - 1)) = 6 / 9 = 0.6667 (scipy: 0.6666666666666666)
    expect(kendallTauB([4, 3, 3, 2, 1], [2, 3, 1, 1, 0])).toBeCloseTo(2 / 3, 12);
  });

  it('refuses keys it cannot order', () => {
    expect(() => kendallTauB([1, 2], [1])).toThrow(RangeError);
    expect(() => kendallTauB([1, Number.NaN], [1, 2])).toThrow(/x\[1\] is NaN/);
  });
});

describe('kendallTau between rankings', () => {
  it('counts equal scores as ties, not as input order (the hand-worked case above)', () => {
    // x and y of the hand-worked case, as two rankers' scores for five documents.
    const ids = ['__proto__', 'constructor', 'toString', 'd', 'e'];
    const first = byScore(ids.map((id, i) => [id, [4, 3, 3, 2, 1][i] as number]));
    const second = byScore(ids.map((id, i) => [id, [2, 3, 1, 1, 0][i] as number]));
    expect(kendallTau(first, second)).toBeCloseTo(2 / 3, 12);
    // Positions alone (ties broken by input order) turn both tied pairs into concordant ones:
    // tau-a = (9 - 1) / 10 = 0.8.
    expect(kendallTau(first, second)).not.toBeCloseTo(0.8, 3);
  });

  it('matches scipy on score-sorted rankings', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const x = [3, 1, 4, 1, 5, 9, 2, 6];
    const y = [2, 7, 1, 8, 2, 8, 1, 8];
    const tau = kendallTau(byScore(ids.map((id, i) => [id, x[i] as number])), byScore(ids.map((id, i) => [id, y[i] as number])));
    expect(tau).toBeCloseTo(0.16051447078102563, 12); // scipy, as above
  });

  it('uses only the ids both rankings hold', () => {
    // Shared: a, b, c. The first orders them a, b, c; the second c, b, a -> -1
    expect(kendallTau(ranked([['a', 3], ['b', 2], ['c', 1], ['x', 0]]), ranked([['y', 9], ['c', 8], ['b', 7], ['a', 6]]))).toBe(-1);
  });

  it('is null with fewer than 2 shared ids, or when one ranking ties every shared document', () => {
    expect(kendallTau(ranked([['a', 2], ['b', 1]]), ranked([['a', 2], ['z', 1]]))).toBeNull();
    expect(kendallTau(ranked([]), ranked([]))).toBeNull();
    expect(kendallTau(ranked([['a', 2], ['b', 1]]), ranked([['b', 5], ['a', 5]]))).toBeNull();
  });

  it("reads 'input order' scores (1, 2, 3: lower is better) by the order shown, not by size", () => {
    const inputOrder = ranked([['a', 1], ['b', 2], ['c', 3]], 'input order');
    expect(kendallTau(inputOrder, ranked([['a', 0.9], ['b', 0.5], ['c', 0.1]]))).toBe(1);
  });

  it('counts documents without a score (NaN, listed last) as tied with each other', () => {
    // First: a 0.9, then b and c with no score (tied). Second: c, b, a with distinct logits.
    // Pairs: (a,b) and (a,c) discordant, (b,c) tied in the first. n0 = 3, n1 = 1, n2 = 0.
    // tau-b = (0 - 2) / sqrt((3 - 1) * 3) = -2 / sqrt(6) = -0.8165
    // (scipy kendalltau([0.9,0,0],[1,2,3]) -> -0.816496580927726, the no-score pair given equal keys)
    const supplied = ranked([['a', 0.9], ['b', Number.NaN], ['c', Number.NaN]], 'retriever score');
    expect(kendallTau(supplied, ranked([['c', 3], ['b', 2], ['a', 1]]))).toBeCloseTo(-2 / Math.sqrt(6), 12);
  });

  it('never compares scores across the two parts of a reranked list', () => {
    // A reranked column as shown: b, a reranked (raw logits), then c, d below the cut (BM25 scores).
    const firstStage = ranked([['a', 9], ['b', 8], ['c', 7], ['d', 6]], 'BM25');
    const shown = ranked([['b', 0.5], ['a', -1], ['c', 7], ['d', 6]]);
    // By the order shown, only (a, b) is discordant of 6 pairs: (5 - 1) / 6 = 0.6667.
    // Comparing 7 (BM25) with 0.5 (logit) would put c and d first: (1 - 5) / 6 = -0.6667.
    expect(kendallTau(firstStage, shown)).toBeCloseTo(2 / 3, 12);
  });

  it('is symmetric and gives the same value when asked again', () => {
    const first = byScore([['a', 3], ['b', 2], ['c', 2], ['d', 1]]);
    const second = byScore([['a', 1], ['b', 3], ['c', 2], ['d', 2]]);
    // first: a 3, b 2, c 2, d 1; second: a 1, b 3, c 2, d 2.
    //   ab, ac, ad discordant (a leads in first, trails in second); bd concordant;
    //   bc tied in first (n1 = 1); cd tied in second (n2 = 1). n0 = 6.
    // tau-b = (1 - 3) / sqrt((6 - 1)(6 - 1)) = -0.4 (scipy kendalltau([3,2,2,1],[1,3,2,2]): -0.39999999999999997)
    expect(kendallTau(first, second)).toBeCloseTo(-0.4, 12);
    expect(kendallTau(second, first)).toBeCloseTo(-0.4, 12);
    expect(kendallTau(first, second)).toBeCloseTo(-0.4, 12);
  });

  it('handles 100,000 documents in O(n log n)', () => {
    // The second ranking moves the first document to the end: it is discordant with the n - 1 others,
    // every other pair is concordant. tau = (n0 - 2(n - 1)) / n0 with n0 = n(n - 1)/2 = 4,999,950,000
    // -> 1 - 199,998 / 4,999,950,000 = 0.99996 (to 5 decimals).
    const n = 100_000;
    const ids = Array.from({ length: n }, (_, i) => `doc_${i}`);
    const first = ranked(ids.map((id, i) => [id, n - i]));
    const second = ranked([...ids.slice(1), ids[0] as string].map((id, i) => [id, n - i]));
    // The pairwise loop takes ~5e9 steps here (tens of seconds) and runs into the test's timeout; merge-sort
    // counting takes a fraction of a second. Speed itself is measured by the bench, not asserted here.
    expect(kendallTau(first, second)).toBeCloseTo(1 - 199_998 / 4_999_950_000, 12);
  });
});

describe('kendallTauMatrix', () => {
  it('fills both halves and the diagonal', () => {
    const abc = ranked([['a', 3], ['b', 2], ['c', 1]]);
    const cba = ranked([['c', 3], ['b', 2], ['a', 1]]);
    const tied = ranked([['a', 1], ['b', 1], ['c', 1]]);
    // abc vs cba reversed: -1. Anything vs all-tied: null. A ranking vs itself: 1, or null when all tied.
    expect(kendallTauMatrix([abc, cba, tied])).toEqual([
      [1, -1, null],
      [-1, 1, null],
      [null, null, null],
    ]);
  });
});
