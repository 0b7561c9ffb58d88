import { describe, expect, it } from 'vitest';
import { countAtOrAbove, initialStep, rawEquivalent, scaleColumns, sliderRange, thresholdAt } from './thresholdModel';

const logits = { name: 'model A', scores: [-2, 0, 2, 4], kind: 'raw logit' as const };
const bm25 = { name: 'BM25 over the top N', scores: [3, 8, 12], kind: 'BM25' as const };

describe('countAtOrAbove', () => {
  it('counts values at or above the threshold', () => {
    expect(countAtOrAbove([1, 2, 2, 3], 2)).toBe(3);
    expect(countAtOrAbove([1, 2, 2, 3], 2.5)).toBe(1);
    expect(countAtOrAbove([1, 2, 2, 3], 0)).toBe(4);
    expect(countAtOrAbove([1, 2, 2, 3], 3.5)).toBe(0);
    expect(countAtOrAbove([], 0)).toBe(0);
  });
});

describe('one threshold, two models', () => {
  it('on the sigmoid scale, counts logits and refuses BM25', () => {
    // sigmoid: -2 -> 0.119, 0 -> 0.5, 2 -> 0.881, 4 -> 0.982; at >= 0.5 three pass.
    const [a, b] = scaleColumns([logits, bm25], 'sigmoid');
    expect(a && countAtOrAbove(a.sorted, 0.5)).toBe(3);
    expect(b?.transform).toBeNull();
    expect(b?.note).toBe('BM25 is not a logit, so it has no sigmoid.');
    expect(b && rawEquivalent(0.5, b)).toBeNull();
  });

  it('on the raw scale, spans every column and lets one number mean two things', () => {
    const columns = scaleColumns([logits, bm25], 'raw');
    const range = sliderRange(columns, 'raw');
    expect(range).toEqual([-2, 12]);
    // 0 lies in -2..12: step round((0 + 2) / 14 * 200) = round(28.57) = 29; threshold -2 + 29 * 14 / 200 = 0.03.
    const step = initialStep(range, 'raw');
    expect(step).toBe(29);
    const threshold = thresholdAt(step, range);
    expect(threshold).toBeCloseTo(0.03, 12);
    // Logits 2 and 4 pass (2 of 4); every BM25 score passes (3 of 3).
    expect(columns.map((c) => countAtOrAbove(c.sorted, threshold))).toEqual([2, 3]);
  });

  it('on the min-max scale, always keeps each list’s best, and moves the raw cut with the list', () => {
    // Min-max of -2..4: 0, 1/3, 2/3, 1; of 3..12: 0, 5/9, 1. At 0.5: 2 of 4 and 2 of 3.
    const [a, b] = scaleColumns([logits, bm25], 'minmax');
    expect(a && countAtOrAbove(a.sorted, 0.5)).toBe(2);
    expect(b && countAtOrAbove(b.sorted, 0.5)).toBe(2);
    // 0.5 of -2..4 is -2 + 0.5 * 6 = 1; of 3..12 it is 3 + 0.5 * 9 = 7.5.
    expect(a && rawEquivalent(0.5, a)).toBe(1);
    expect(b && rawEquivalent(0.5, b)).toBe(7.5);
  });
});

describe('rawEquivalent on the sigmoid scale', () => {
  it('turns the threshold back into a logit', () => {
    const [a] = scaleColumns([logits], 'sigmoid');
    if (!a) throw new Error('no column');
    // logit(0.5) = ln(1) = 0; logit(0.880797) = ln(0.880797 / 0.119203) = ln(7.389) = 2
    expect(rawEquivalent(0.5, a)).toBe(0);
    expect(rawEquivalent(0.880797, a)).toBeCloseTo(2, 4);
    expect(rawEquivalent(0, a)).toBe(-Infinity);
    expect(rawEquivalent(1, a)).toBe(Infinity);
  });

  it('keeps a relevance score already in 0..1 as it is', () => {
    const [c] = scaleColumns([{ name: 'Cohere', scores: [0.2, 0.9], kind: 'relevance score' }], 'sigmoid');
    expect(c?.transform).toBe('raw');
    expect(c && rawEquivalent(0.4, c)).toBe(0.4);
  });
});

describe('the slider', () => {
  it('runs 0..1 on the bounded scales and starts at 0.5', () => {
    const range = sliderRange(scaleColumns([logits], 'sigmoid'), 'sigmoid');
    expect(range).toEqual([0, 1]);
    expect(thresholdAt(initialStep(range, 'sigmoid'), range)).toBe(0.5);
    expect(thresholdAt(200, range)).toBe(1);
  });

  it('widens a raw range of one value, and starts in the middle when 0 is outside it', () => {
    expect(sliderRange(scaleColumns([{ name: 'x', scores: [3, 3], kind: 'raw logit' }], 'raw'), 'raw')).toEqual([2, 4]);
    // 3..12 does not hold 0: start at the middle, 7.5, which is step 100.
    expect(initialStep([3, 12], 'raw')).toBe(100);
  });
});
