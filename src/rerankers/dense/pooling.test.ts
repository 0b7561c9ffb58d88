import { describe, expect, it } from 'vitest';
import { cosine, l2Normalize, poolBatch } from './pooling';

/** Two rows of three tokens, hidden size 2. Row 0's last token is padding; row 1 has none. */
const tokens = {
  // row 0: [1, 2], [3, 4], [100, 100] (pad)   row 1: [0, 4], [3, 0], [9, 8]
  data: [1, 2, 3, 4, 100, 100, 0, 4, 3, 0, 9, 8],
  dims: [2, 3, 2] as const,
  attentionMask: BigInt64Array.from([1n, 1n, 0n, 1n, 1n, 1n]),
};

const close = (actual: Float32Array | undefined, expected: number[]) => {
  expect(actual).toBeDefined();
  expect(Array.from(actual ?? [])).toHaveLength(expected.length);
  expected.forEach((e, i) => expect(actual?.[i]).toBeCloseTo(e, 6));
};

describe('poolBatch', () => {
  it('averages only the tokens the attention mask keeps (padding excluded)', () => {
    const [row0, row1] = poolBatch(tokens, 'mean', false);
    // row 0: ([1, 2] + [3, 4]) / 2 = [2, 3]; the pad [100, 100] would make it [34.67, 35.33].
    close(row0, [2, 3]);
    // row 1: ([0, 4] + [3, 0] + [9, 8]) / 3 = [12 / 3, 12 / 3] = [4, 4].
    close(row1, [4, 4]);
  });

  it('takes the first token for CLS pooling', () => {
    const [row0, row1] = poolBatch(tokens, 'cls', false);
    close(row0, [1, 2]);
    close(row1, [0, 4]);
  });

  it('normalizes to unit length when asked', () => {
    const [meanRow0] = poolBatch(tokens, 'mean', true);
    // [2, 3] / sqrt(4 + 9) = [0.5547002, 0.8320503]
    close(meanRow0, [2 / Math.sqrt(13), 3 / Math.sqrt(13)]);
    const [, clsRow1] = poolBatch(tokens, 'cls', true);
    // [0, 4] / 4 = [0, 1]
    close(clsRow1, [0, 1]);
  });

  it('pools a row with no kept token to zeros, and normalizing keeps them zeros (no NaN)', () => {
    const empty = { data: [5, 6], dims: [1, 1, 2] as const, attentionMask: [0] };
    close(poolBatch(empty, 'mean', true)[0], [0, 0]);
  });

  it('refuses data that does not fill the dims', () => {
    expect(() => poolBatch({ ...tokens, dims: [2, 3, 3] }, 'mean', false)).toThrow(/12 values do not fill dims \[2, 3, 3\]/);
  });
});

describe('l2Normalize and cosine', () => {
  it('normalizes [3, 4] to [0.6, 0.8]', () => {
    close(l2Normalize([3, 4]), [0.6, 0.8]);
  });

  it('gives cos 45 degrees = 1 / sqrt(2) for [1, 0] and [1, 1], whatever the lengths', () => {
    expect(cosine([1, 0], [1, 1])).toBeCloseTo(Math.SQRT1_2, 12);
    expect(cosine([5, 0], [2, 2])).toBeCloseTo(Math.SQRT1_2, 12);
    expect(cosine([1, 0], [-1, 0])).toBe(-1);
  });

  it('answers 0 for a zero vector and refuses vectors of different lengths', () => {
    expect(cosine([0, 0], [1, 1])).toBe(0);
    expect(() => cosine([1], [1, 2])).toThrow(RangeError);
  });
});
