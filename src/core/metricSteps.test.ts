import { describe, expect, it } from 'vitest';
import { averagePrecision, ndcgAtK, precisionAtK, recallAtK } from './metrics';
import { apSteps, ndcgSteps, precisionRecallCurve } from './metricSteps';
import type { Judgments, Ranking } from './types';

function rankingOf(ids: string[]): Ranking {
  return {
    scoreKind: 'BM25',
    entries: ids.map((id, position) => ({ id, rank: position + 1, score: 10 - position, index: position })),
  };
}

// Ids that would break a plain-object dictionary are data here.
// Ranked:   1 __proto__ (2)   2 b (0)   3 constructor (3)   4 d (unjudged)   5 e (1)
// Not retrieved: toString (2). Relevant (grade >= 1): __proto__, constructor, e, toString = 4.
const ranking = rankingOf(['__proto__', 'b', 'constructor', 'd', 'e']);
const judgments: Judgments = new Map([
  ['__proto__', 2],
  ['b', 0],
  ['constructor', 3],
  ['e', 1],
  ['toString', 2],
]);

// log2(2) = 1, log2(3) = 1.5849625, log2(4) = 2, log2(5) = 2.3219281, log2(6) = 2.5849625
describe('ndcgSteps', () => {
  it('lays out DCG, the ideal order and nDCG@3 with linear gain', () => {
    const steps = ndcgSteps(ranking, judgments, 3, 'linear');
    if (!steps) throw new Error('expected steps');
    // rank 1: gain 2 x 1        = 2     running 2
    // rank 2: gain 0 x 0.6309298 = 0    running 2
    // rank 3: gain 3 x 0.5      = 1.5   running 3.5
    expect(steps.ranked.map((s) => [s.rank, s.id, s.grade, s.gain])).toEqual([
      [1, '__proto__', 2, 2],
      [2, 'b', 0, 0],
      [3, 'constructor', 3, 3],
    ]);
    expect(steps.ranked.map((s) => s.discount)).toEqual([1, expect.closeTo(0.6309298, 6), 0.5]);
    expect(steps.ranked.map((s) => s.contribution)).toEqual([2, 0, 1.5]);
    expect(steps.ranked.map((s) => s.runningDcg)).toEqual([2, 2, 3.5]);
    expect(steps.dcg).toBe(3.5);
    // Ideal: constructor 3, then the two 2s in judgment order (__proto__, toString), cut at 3.
    // IDCG = 3 + 2 / 1.5849625 + 2 / 2 = 3 + 1.2618595 + 1 = 5.2618595
    expect(steps.ideal.map((s) => [s.rank, s.id, s.grade])).toEqual([
      [1, 'constructor', 3],
      [2, '__proto__', 2],
      [3, 'toString', 2],
    ]);
    expect(steps.idcg).toBeCloseTo(5.2618595, 6);
    // 3.5 / 5.2618595 = 0.665164
    expect(steps.ndcg).toBeCloseTo(0.665164, 5);
    expect(steps.k).toBe(3);
  });

  it('uses 2^grade - 1 with exponential gain', () => {
    const steps = ndcgSteps(ranking, judgments, 3, 'exponential');
    if (!steps) throw new Error('expected steps');
    // gains 3, 0, 7: DCG = 3 + 0 + 7 / 2 = 6.5
    expect(steps.ranked.map((s) => s.gain)).toEqual([3, 0, 7]);
    expect(steps.dcg).toBe(6.5);
    // ideal gains 7, 3, 3: 7 + 3 / 1.5849625 + 3 / 2 = 7 + 1.8927893 + 1.5 = 10.3927893
    expect(steps.idcg).toBeCloseTo(10.3927893, 6);
    // 6.5 / 10.3927893 = 0.625434
    expect(steps.ndcg).toBeCloseTo(0.625434, 5);
  });

  it('stops at the end of the list and of the judgments when k is larger, an unjudged document adding 0', () => {
    const steps = ndcgSteps(ranking, judgments, 10, 'linear');
    if (!steps) throw new Error('expected steps');
    // rank 4: d unjudged, gain 0, discount 1 / 2.3219281 = 0.4306766
    // rank 5: e grade 1, 1 / 2.5849625 = 0.3868528: DCG = 3.5 + 0.3868528 = 3.8868528
    expect(steps.ranked).toHaveLength(5);
    expect(steps.ranked[3]).toMatchObject({ id: 'd', grade: undefined, gain: 0, contribution: 0 });
    expect(steps.ranked[3]?.discount).toBeCloseTo(0.4306766, 6);
    expect(steps.dcg).toBeCloseTo(3.8868528, 6);
    // Ideal: all five judged: 3, 2, 2, 1, 0 -> 3 + 1.2618595 + 1 + 0.4306766 + 0 = 5.6925361
    expect(steps.ideal.map((s) => s.id)).toEqual(['constructor', '__proto__', 'toString', 'e', 'b']);
    expect(steps.idcg).toBeCloseTo(5.6925361, 6);
    // 3.8868528 / 5.6925361 = 0.682798
    expect(steps.ndcg).toBeCloseTo(0.682798, 5);
  });

  it('equals ndcgAtK exactly, for every k and both gains', () => {
    for (const gain of ['linear', 'exponential'] as const) {
      for (const k of [1, 2, 3, 4, 5, 6, 10]) {
        expect(ndcgSteps(ranking, judgments, k, gain)?.ndcg).toBe(ndcgAtK(ranking, judgments, k, gain));
      }
    }
  });

  it('counts a repeated id once, at its first position', () => {
    // a (3) twice, then b (1): ranks are a = 1, b = 2
    const steps = ndcgSteps(rankingOf(['a', 'a', 'b']), new Map([['a', 3], ['b', 1]]), 3, 'linear');
    expect(steps?.ranked.map((s) => [s.rank, s.id])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    // DCG = 3 + 1 / 1.5849625 = 3.6309298 = IDCG: nDCG = 1
    expect(steps?.ndcg).toBe(1);
  });

  it('is null with no relevant judgments, or a k below 1, as ndcgAtK is', () => {
    expect(ndcgSteps(ranking, new Map([['b', 0]]), 3, 'linear')).toBeNull();
    expect(ndcgSteps(ranking, judgments, 0, 'linear')).toBeNull();
  });
});

describe('apSteps', () => {
  it('lists the precision at each relevant document retrieved and divides by all judged relevant', () => {
    const steps = apSteps(ranking, judgments);
    if (!steps) throw new Error('expected steps');
    // __proto__ at rank 1: 1 / 1; constructor at rank 3: 2 / 3; e at rank 5: 3 / 5
    expect(steps.terms.map((t) => [t.rank, t.id, t.grade, t.relevantSoFar])).toEqual([
      [1, '__proto__', 2, 1],
      [3, 'constructor', 3, 2],
      [5, 'e', 1, 3],
    ]);
    expect(steps.terms.map((t) => t.precision)).toEqual([1, expect.closeTo(0.6666667, 6), 0.6]);
    // sum = 1 + 0.6666667 + 0.6 = 2.2666667; toString was never retrieved: it adds 0 but counts in the 4
    expect(steps.sum).toBeCloseTo(2.2666667, 6);
    expect(steps.totalRelevant).toBe(4);
    expect(steps.notRetrieved).toEqual(['toString']);
    // 2.2666667 / 4 = 0.5666667
    expect(steps.ap).toBeCloseTo(0.5666667, 6);
    expect(steps.ap).toBe(averagePrecision(ranking, judgments));
  });

  it('is 0 when no relevant document was retrieved, and null with no relevant judgments', () => {
    const none = apSteps(rankingOf(['b']), judgments);
    expect(none?.terms).toEqual([]);
    expect(none?.ap).toBe(0);
    expect(none?.notRetrieved).toEqual(['__proto__', 'constructor', 'e', 'toString']);
    expect(apSteps(ranking, new Map([['e', 0]]))).toBeNull();
  });
});

describe('precisionRecallCurve', () => {
  it('gives precision and recall at every cut-off up to the list length', () => {
    // relevant so far: 1, 1, 2, 2, 3 of 4 judged relevant
    expect(precisionRecallCurve(ranking, judgments)).toEqual([
      { cutoff: 1, precision: 1, recall: 0.25 },
      { cutoff: 2, precision: 0.5, recall: 0.25 },
      { cutoff: 3, precision: 2 / 3, recall: 0.5 },
      { cutoff: 4, precision: 0.5, recall: 0.5 },
      { cutoff: 5, precision: 0.6, recall: 0.75 },
    ]);
  });

  it('stops at the given cut-off, and each point equals precisionAtK and recallAtK', () => {
    const points = precisionRecallCurve(ranking, judgments, 3) ?? [];
    expect(points.map((p) => p.cutoff)).toEqual([1, 2, 3]);
    for (const point of precisionRecallCurve(ranking, judgments) ?? []) {
      expect(point.precision).toBe(precisionAtK(ranking, judgments, point.cutoff));
      expect(point.recall).toBe(recallAtK(ranking, judgments, point.cutoff));
    }
  });

  it('stops at 50 by default', () => {
    const long = rankingOf(Array.from({ length: 80 }, (_, i) => `d${i}`));
    expect(precisionRecallCurve(long, new Map([['d0', 1]]))).toHaveLength(50);
  });

  it('is null with no relevant judgments', () => {
    expect(precisionRecallCurve(ranking, new Map([['b', 0]]))).toBeNull();
  });
});
