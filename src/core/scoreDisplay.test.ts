import { describe, expect, it } from 'vitest';
import { displayScore, sigmoid } from './scoreDisplay';

describe('displayScore', () => {
  it('leaves a raw logit as it is', () => {
    expect(displayScore(-3.25, 'raw', -5, 4)).toBe(-3.25);
  });

  it('squashes with the logistic function', () => {
    // sigmoid(0) = 1/2; sigmoid(2) = 1 / (1 + e^-2) = 1 / 1.135335 = 0.880797
    expect(sigmoid(0)).toBe(0.5);
    expect(displayScore(2, 'sigmoid', -5, 4)).toBeCloseTo(0.880797, 6);
    // sigmoid(-2) = 1 - sigmoid(2) = 0.119203
    expect(displayScore(-2, 'sigmoid', -5, 4)).toBeCloseTo(0.119203, 6);
  });

  it('maps the list min..max to 0..1', () => {
    // (1 - (-5)) / (4 - (-5)) = 6 / 9 = 0.6667
    expect(displayScore(1, 'minmax', -5, 4)).toBeCloseTo(0.666667, 6);
    expect(displayScore(-5, 'minmax', -5, 4)).toBe(0);
    expect(displayScore(4, 'minmax', -5, 4)).toBe(1);
  });

  it('gives every document 1 when all scores are equal', () => {
    expect(displayScore(3, 'minmax', 3, 3)).toBe(1);
  });
});
