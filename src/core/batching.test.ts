import { describe, expect, it } from 'vitest';
import { paddingWaste, planBatches, scatterScores } from './batching';

describe('planBatches', () => {
  it('groups by length, shortest first, keeping original indices', () => {
    const lengths = [50, 10, 40, 10, 30];
    expect(planBatches(lengths, 2)).toEqual([
      { indices: [1, 3], paddedLength: 10 },
      { indices: [4, 2], paddedLength: 40 },
      { indices: [0], paddedLength: 50 },
    ]);
  });

  it('wastes less padding than input order', () => {
    const lengths = [100, 5, 100, 5];
    const sorted = planBatches(lengths, 2);
    const inOrder = [{ indices: [0, 1], paddedLength: 100 }, { indices: [2, 3], paddedLength: 100 }];
    expect(paddingWaste(lengths, sorted)).toBe(0);
    expect(paddingWaste(lengths, inOrder)).toBe(190);
  });

  it('covers every index exactly once', () => {
    const lengths = Array.from({ length: 23 }, (_, i) => (i * 7) % 11);
    const all = planBatches(lengths, 4).flatMap((b) => b.indices).sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 23 }, (_, i) => i));
  });

  it('returns no batches for no pairs and refuses a bad batch size', () => {
    expect(planBatches([], 8)).toEqual([]);
    expect(() => planBatches([1], 0)).toThrow(RangeError);
  });
});

describe('scatterScores', () => {
  it('maps batch scores back to input positions', () => {
    const target = [NaN, NaN, NaN];
    scatterScores(target, [2, 0], [0.5, -1]);
    expect(target).toEqual([-1, NaN, 0.5]);
  });
});
