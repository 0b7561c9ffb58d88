import { describe, expect, it } from 'vitest';
import { describeSummary, describeTie, displayTies, plainNumber, scaleScores, summarizeScores, transformFor } from './scoreInsights';

const threeDecimals = (x: number) => x.toFixed(3);
const fourDecimals = (x: number) => x.toFixed(4);

describe('displayTies', () => {
  it('flags sigmoid saturation: logits 9, 10 and 11 all show 1.000 at 3 decimals', () => {
    // sigmoid(9) = 1 / (1 + e^-9) = 1 / 1.00012341 = 0.99987660 -> "1.000"
    // sigmoid(10) = 1 / (1 + 4.540e-5) = 0.99995460 -> "1.000"; sigmoid(11) = 1 / (1 + 1.670e-5) = 0.99998330 -> "1.000"
    // sigmoid(2) = 0.880797 -> "0.881", alone.
    const ties = displayTies([9, 2, 11, 10], 'sigmoid', threeDecimals);
    expect(ties).toEqual([{ shown: '1.000', indices: [2, 3, 0], rawMin: 9, rawMax: 11, distinctRaw: 3, cause: 'saturation' }]);
  });

  it('depends on the precision shown: at 4 decimals logit 9 still shows 0.9999', () => {
    // 0.99987660 -> "0.9999"; 0.99995460 and 0.99998330 -> "1.0000": only 10 and 11 tie.
    const ties = displayTies([9, 10, 11], 'sigmoid', fourDecimals);
    expect(ties.map((t) => [t.shown, t.indices])).toEqual([['1.0000', [2, 1]]]);
  });

  it('flags the low end of sigmoid too', () => {
    // sigmoid(-9) = 0.000123 -> "0.000"; sigmoid(-10) = 0.0000454 -> "0.000"; sigmoid(0) = 0.5 -> "0.500"
    const ties = displayTies([0, -9, -10], 'sigmoid', threeDecimals);
    expect(ties).toEqual([{ shown: '0.000', indices: [1, 2], rawMin: -10, rawMax: -9, distinctRaw: 2, cause: 'saturation' }]);
  });

  it('calls a tie in the middle of sigmoid rounding, not saturation', () => {
    // sigmoid(0.0001) = 0.500025, sigmoid(0.0002) = 0.500050: both "0.500", far from the flat ends.
    expect(displayTies([0.0001, 0.0002], 'sigmoid', threeDecimals).map((t) => t.cause)).toEqual(['rounding']);
  });

  it('flags raw scores that differ below the digits shown', () => {
    // 2.3406 -> "2.341" and 2.3414 -> "2.341"; 0.5 -> "0.500".
    const ties = displayTies([2.3406, 0.5, 2.3414], 'raw', threeDecimals);
    expect(ties).toEqual([{ shown: '2.341', indices: [2, 0], rawMin: 2.3406, rawMax: 2.3414, distinctRaw: 2, cause: 'rounding' }]);
  });

  it('does not flag real ties: equal raw scores under min-max', () => {
    // All equal: min-max shows 1 for each, but the raw scores are the same, so it is a true tie.
    expect(displayTies([3, 3, 3], 'minmax', threeDecimals)).toEqual([]);
    // (5 - 1) / (5 - 1) = 1 twice, 0 once: the two 1s have the same raw score.
    expect(displayTies([5, 1, 5], 'minmax', threeDecimals)).toEqual([]);
  });

  it('counts the distinct raw scores behind one shown number', () => {
    // 10, 10 and 11 all show "1.000" under sigmoid: three documents, two distinct raw scores.
    const [tie] = displayTies([10, 11, 10], 'sigmoid', threeDecimals);
    expect(tie?.indices).toEqual([1, 0, 2]);
    expect(tie?.distinctRaw).toBe(2);
  });

  it('leaves NaN and infinite scores out, and has nothing to say about no scores', () => {
    expect(displayTies([Number.NaN, Number.NaN, 1], 'raw', threeDecimals)).toEqual([]);
    expect(displayTies([Infinity, 1e308], 'sigmoid', threeDecimals).map((t) => t.indices)).toEqual([]);
    expect(displayTies([], 'sigmoid', threeDecimals)).toEqual([]);
  });
});

describe('describeTie', () => {
  it('names saturation and the raw range', () => {
    const [tie] = displayTies([9, 10, 11], 'sigmoid', threeDecimals);
    expect(tie && describeTie(tie, 'sigmoid', 'raw logit')).toBe('sigmoid saturates: 3 documents show 1.000, though their raw logits run from 9 to 11.');
  });

  it('names rounding, with enough digits to tell the raw scores apart', () => {
    const [tie] = displayTies([-2.3406, -2.3414], 'raw', threeDecimals);
    expect(tie && describeTie(tie, 'raw logit', 'raw logit')).toBe(
      '2 documents show −2.341 on the raw logit scale, though their raw logits run from −2.3414 to −2.3406: the digits shown are too few to tell them apart.',
    );
  });
});

describe('scaleScores', () => {
  it('squashes logits with sigmoid', () => {
    // sigmoid(0) = 0.5; sigmoid(2) = 1 / (1 + 0.135335) = 0.880797
    const scaled = scaleScores([0, 2], 'raw logit', 'sigmoid');
    expect(scaled.ok && scaled.values[0]).toBe(0.5);
    expect(scaled.ok && scaled.values[1]).toBeCloseTo(0.880797, 6);
  });

  it('has no sigmoid for BM25, and min-max for any kind', () => {
    expect(scaleScores([1, 2], 'BM25', 'sigmoid')).toEqual({ ok: false, reason: 'BM25 is not a logit, so it has no sigmoid.' });
    // (2 - 2) / 4 = 0; (4 - 2) / 4 = 0.5; (6 - 2) / 4 = 1
    expect(scaleScores([2, 4, 6], 'BM25', 'minmax')).toEqual({ ok: true, transform: 'minmax', values: [0, 0.5, 1], note: null });
  });

  it('keeps a relevance score already within 0..1 as given on the sigmoid scale, and refuses one outside it', () => {
    const inRange = scaleScores([0.2, 0.9], 'relevance score', 'sigmoid');
    expect(inRange).toEqual({ ok: true, transform: 'raw', values: [0.2, 0.9], note: 'already between 0 and 1, shown as the server sent it' });
    expect(scaleScores([1.5, 0.2], 'relevance score', 'sigmoid').ok).toBe(false);
    expect(transformFor('relevance score', 'minmax', [1.5])).toBe('minmax');
  });

  it('keeps NaN where it was and leaves it out of the min-max range', () => {
    // Range of the finite scores: 1..3, so 1 -> 0 and 3 -> 1.
    const scaled = scaleScores([Number.NaN, 1, 3], 'raw logit', 'minmax');
    expect(scaled.ok && scaled.values).toEqual([Number.NaN, 0, 1]);
  });
});

describe('summarizeScores and describeSummary', () => {
  it('gives the range and the median of an even count', () => {
    // Sorted: -3.1, 0.4, 1.2, 5.9; median (0.4 + 1.2) / 2 = 0.8
    const summary = summarizeScores([5.9, -3.1, 1.2, 0.4]);
    expect(summary).toEqual({ count: 4, nonFinite: 0, min: -3.1, max: 5.9, median: 0.8 });
    expect(describeSummary(summary, (x) => x.toFixed(1))).toBe('4 scores from −3.1 to 5.9, median 0.8');
  });

  it('takes the middle of an odd count, and counts NaN and infinity apart', () => {
    expect(summarizeScores([3, 1, 2])?.median).toBe(2);
    // Finite: 1 and 3, median 2; NaN and Infinity counted as not finite.
    const summary = summarizeScores([Number.NaN, 1, Infinity, 3]);
    expect(summary).toEqual({ count: 2, nonFinite: 2, min: 1, max: 3, median: 2 });
    expect(describeSummary(summary, String)).toBe('2 scores from 1 to 3, median 2; 2 not a finite number');
  });

  it('words one score, equal scores and none', () => {
    expect(describeSummary(summarizeScores([0.5]), String)).toBe('1 score: 0.5');
    expect(describeSummary(summarizeScores([1, 1, 1]), (x) => x.toFixed(3))).toBe('3 scores, all 1.000');
    expect(describeSummary(summarizeScores([Number.NaN]), String)).toBe('No finite scores; 1 not a finite number');
    expect(describeSummary(summarizeScores([]), String)).toBe('No scores yet');
  });
});

describe('plainNumber', () => {
  it('keeps 6 significant digits and writes a true minus', () => {
    expect(plainNumber(-2.34141234)).toBe('−2.34141');
    expect(plainNumber(Infinity)).toBe('∞');
    expect(plainNumber(Number.NaN)).toBe('NaN');
  });
});
