import { describe, expect, it } from 'vitest';
import {
  averagePrecision,
  computeMetrics,
  countRelevant,
  ndcgAtK,
  precisionAtK,
  recallAtK,
  reciprocalRank,
} from './metrics';
import type { Judgments, Ranking } from './types';

/** A ranking in the order given; scores fall by 0.1 per rank unless supplied. */
function rankingOf(ids: string[], scores?: number[]): Ranking {
  return {
    scoreKind: 'retriever score',
    entries: ids.map((id, position) => ({
      id,
      rank: position + 1,
      score: scores?.[position] ?? 1 - position / 10,
      index: position,
    })),
  };
}

// d2 and d3 tie on score 0.8; upstream broke the tie by input order (d2 first).
const ranking = rankingOf(['d1', 'd2', 'd3', 'd4', 'd5'], [0.9, 0.8, 0.8, 0.5, 0.1]);
// Relevant (grade >= 1): d2, d5, and d6, which the ranking never retrieved. d4 is unjudged.
const judgments: Judgments = new Map(Object.entries({ d1: 0, d2: 2, d3: 0, d5: 1, d6: 3 }));

describe('countRelevant', () => {
  it('counts grades >= 1 only', () => {
    // d2, d5, d6
    expect(countRelevant(judgments)).toBe(3);
  });
});

describe('precisionAtK', () => {
  it('counts relevant documents in the top k, unjudged ones as not relevant', () => {
    // top 3 = d1 (0), d2 (2), d3 (0) -> 1 relevant / 3
    expect(precisionAtK(ranking, judgments, 3)).toBeCloseTo(1 / 3, 10);
    // top 5 adds d4 (unjudged) and d5 (1) -> 2 / 5 = 0.4
    expect(precisionAtK(ranking, judgments, 5)).toBeCloseTo(0.4, 10);
  });

  it('divides by k even when the list is shorter than k', () => {
    // 2 relevant in the 5 documents, divided by 10 = 0.2
    expect(precisionAtK(ranking, judgments, 10)).toBeCloseTo(0.2, 10);
  });

  it('is null for a k below 1', () => {
    expect(precisionAtK(ranking, judgments, 0)).toBeNull();
  });

  it('counts a duplicated id once, at its first position', () => {
    // [a, a, b] reads as [a, b]; top 2 holds a only -> 1 / 2
    expect(precisionAtK(rankingOf(['a', 'a', 'b']), new Map(Object.entries({ a: 1, c: 1 })), 2)).toBeCloseTo(0.5, 10);
  });
});

describe('recallAtK', () => {
  it('divides by all judged-relevant documents, retrieved or not', () => {
    // top 3 holds d2 -> 1 / 3 (d2, d5, d6 are relevant)
    expect(recallAtK(ranking, judgments, 3)).toBeCloseTo(1 / 3, 10);
    // top 5 holds d2, d5 -> 2 / 3; d6 was never retrieved
    expect(recallAtK(ranking, judgments, 5)).toBeCloseTo(2 / 3, 10);
    // k beyond the list changes nothing -> 2 / 3
    expect(recallAtK(ranking, judgments, 10)).toBeCloseTo(2 / 3, 10);
  });
});

describe('reciprocalRank', () => {
  it('is 1 / rank of the first relevant document', () => {
    // d2 at rank 2 -> 1 / 2
    expect(reciprocalRank(ranking, judgments)).toBeCloseTo(0.5, 10);
  });

  it('takes tied scores in the order given, not trec_eval docno-descending order', () => {
    // Same scores, but d3 placed before d2: d2 is now at rank 3 -> 1 / 3.
    // (trec_eval would re-sort the tie to d3, d2 by docno descending for both lists.)
    const swapped = rankingOf(['d1', 'd3', 'd2', 'd4', 'd5'], [0.9, 0.8, 0.8, 0.5, 0.1]);
    expect(reciprocalRank(swapped, judgments)).toBeCloseTo(1 / 3, 10);
  });

  it('is 0 when no relevant document was retrieved', () => {
    expect(reciprocalRank(rankingOf(['d1', 'd3']), judgments)).toBe(0);
  });
});

describe('averagePrecision', () => {
  it('averages P@rank at each relevant retrieved document over all relevant documents', () => {
    // d2 at rank 2: P = 1/2; d5 at rank 5: P = 2/5. d6 never retrieved adds 0 but counts below.
    // (0.5 + 0.4) / 3 = 0.3
    expect(averagePrecision(ranking, judgments)).toBeCloseTo(0.3, 10);
  });

  it('is 1 for a perfect ranking and 0 when nothing relevant was retrieved', () => {
    // a at 1 (P = 1), b at 2 (P = 2/2) -> (1 + 1) / 2 = 1
    expect(averagePrecision(rankingOf(['a', 'b', 'c']), new Map(Object.entries({ a: 3, b: 1, c: 0 })))).toBeCloseTo(1, 10);
    expect(averagePrecision(rankingOf(['d1', 'd3']), judgments)).toBe(0);
  });
});

describe('ndcgAtK', () => {
  // log2(3) = 1.5849625, log2(6) = 2.5849625
  it('uses linear gain = grade and an ideal built from all judged documents', () => {
    // Grades as ranked, top 5: [0, 2, 0, (unjudged) 0, 1]
    // DCG = 2/log2(3) + 1/log2(6) = 1.2618595 + 0.3868528 = 1.6487123
    // Ideal grades (d6 included although never retrieved): [3, 2, 1, 0, 0]
    // IDCG = 3/1 + 2/log2(3) + 1/log2(4) = 3 + 1.2618595 + 0.5 = 4.7618595
    // nDCG@5 = 1.6487123 / 4.7618595 = 0.3462329
    expect(ndcgAtK(ranking, judgments, 5, 'linear')).toBeCloseTo(0.3462329, 6);
    // Top 3: DCG = 1.2618595; IDCG@3 = 4.7618595 -> 0.2649930
    expect(ndcgAtK(ranking, judgments, 3, 'linear')).toBeCloseTo(0.264993, 6);
  });

  it('uses exponential gain = 2^grade - 1', () => {
    // Gains: grade 1 -> 1, grade 2 -> 3, grade 3 -> 7
    // DCG = 3/log2(3) + 1/log2(6) = 1.8927893 + 0.3868528 = 2.2796421
    // IDCG = 7/1 + 3/log2(3) + 1/2 = 7 + 1.8927893 + 0.5 = 9.3927893
    // nDCG@5 = 2.2796421 / 9.3927893 = 0.2427013
    expect(ndcgAtK(ranking, judgments, 5, 'exponential')).toBeCloseTo(0.2427013, 6);
  });

  it('tells the two gains apart on graded relevance', () => {
    // Ranked [a (1), b (3)]; ideal [b (3), a (1)].
    // linear: DCG = 1 + 3/log2(3) = 2.8927893; IDCG = 3 + 1/log2(3) = 3.6309298 -> 0.7967076
    // exponential: DCG = 1 + 7/log2(3) = 5.4165083; IDCG = 7 + 1/log2(3) = 7.6309298 -> 0.7098097
    const graded = rankingOf(['a', 'b']);
    expect(ndcgAtK(graded, new Map(Object.entries({ a: 1, b: 3 })), 2, 'linear')).toBeCloseTo(0.7967076, 6);
    expect(ndcgAtK(graded, new Map(Object.entries({ a: 1, b: 3 })), 2, 'exponential')).toBeCloseTo(0.7098097, 6);
  });

  it('is 1 when the ranking is ideal, even past the end of the list', () => {
    // [b (3), a (1)] is the ideal order; k = 10 adds nothing on either side.
    expect(ndcgAtK(rankingOf(['b', 'a']), new Map(Object.entries({ a: 1, b: 3 })), 10, 'linear')).toBeCloseTo(1, 10);
  });

  it('is 0 when relevant documents exist but none is retrieved in the top k', () => {
    expect(ndcgAtK(rankingOf(['d1', 'd3']), judgments, 2, 'linear')).toBe(0);
  });
});

describe('with no relevant judgments', () => {
  const allNull = { precision: null, recall: null, rr: null, ap: null, ndcg: null };

  it('every metric is null (n/a), not 0', () => {
    expect(computeMetrics(ranking, new Map(Object.entries({ d1: 0, d2: 0 })), { k: 3, gain: 'linear' })).toEqual(allNull);
    expect(computeMetrics(ranking, new Map(), { k: 3, gain: 'exponential' })).toEqual(allNull);
  });
});

describe('computeMetrics', () => {
  it('gathers the five metrics at the given k and gain', () => {
    // Values worked out in the cases above, for k = 5.
    const values = computeMetrics(ranking, judgments, { k: 5, gain: 'linear' });
    expect(values.precision).toBeCloseTo(0.4, 10);
    expect(values.recall).toBeCloseTo(2 / 3, 10);
    expect(values.rr).toBeCloseTo(0.5, 10);
    expect(values.ap).toBeCloseTo(0.3, 10);
    expect(values.ndcg).toBeCloseTo(0.3462329, 6);
  });
});
