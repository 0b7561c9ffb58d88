import { describe, expect, it } from 'vitest';
import { idealRerankNdcg } from './headroom';

// Grades: __proto__ 3, constructor 0, d3 2 (all in the top 3); d4 1 below the cut; d5 3 never retrieved.
const judgments = new Map([
  ['__proto__', 3],
  ['constructor', 0],
  ['d3', 2],
  ['d4', 1],
  ['d5', 3],
]);
const topThree = ['constructor', '__proto__', 'd3'];

describe('idealRerankNdcg', () => {
  it('scores the best order of the top N against the ideal over all judged documents (linear gain)', () => {
    // Best order of the top 3: __proto__ (3), d3 (2), constructor (0).
    // DCG@3 = 3/log2(2) + 2/log2(3) + 0 = 3 + 1.2618595 = 4.2618595.
    // Ideal over all judged, grades 3, 3, 2 (d5 counts though never retrieved):
    // 3 + 3/log2(3) + 2/log2(4) = 3 + 1.8927893 + 1 = 5.8927893.
    // nDCG@3 = 4.2618595 / 5.8927893 = 0.7232330.
    expect(idealRerankNdcg(topThree, judgments, 3, 'linear')).toBeCloseTo(0.723233, 6);
  });

  it('uses 2^grade − 1 with exponential gain', () => {
    // DCG@3 = 7 + 3/log2(3) = 7 + 1.8927893 = 8.8927893; ideal = 7 + 7/log2(3) + 3/2 = 7 + 4.4165083 + 1.5 = 12.9165083.
    // 8.8927893 / 12.9165083 = 0.6884824.
    expect(idealRerankNdcg(topThree, judgments, 3, 'exponential')).toBeCloseTo(0.688482, 6);
  });

  it('reaches 1 when every relevant document is in the top N, and ignores the given order', () => {
    const all = new Map([
      ['a', 1],
      ['b', 2],
      ['toString', 0],
    ]);
    expect(idealRerankNdcg(['toString', 'a', 'b'], all, 2, 'linear')).toBeCloseTo(1, 12);
    expect(idealRerankNdcg(['a', 'toString', 'b'], all, 2, 'linear')).toBeCloseTo(1, 12);
  });

  it('keeps the ideal cut at k when the top N is shorter than k', () => {
    // Top 1 = [a] (grade 1), k = 5; b (grade 1) is out of reach.
    // DCG = 1; ideal = 1 + 1/log2(3) = 1.6309298; nDCG = 0.6131472.
    const grades = new Map([
      ['a', 1],
      ['b', 1],
    ]);
    expect(idealRerankNdcg(['a'], grades, 5, 'linear')).toBeCloseTo(0.613147, 6);
  });

  it('counts an id listed twice once', () => {
    // Without de-duplication the best order would be __proto__, __proto__, d3: DCG 3 + 3/log2(3) + 1 > the ideal.
    expect(idealRerankNdcg(['__proto__', 'constructor', '__proto__', 'd3'], judgments, 3, 'linear')).toBeCloseTo(0.723233, 6);
  });

  it('is n/a without relevant judgments or a usable cut', () => {
    expect(idealRerankNdcg(['a'], new Map([['a', 0]]), 3, 'linear')).toBeNull();
    expect(idealRerankNdcg(topThree, judgments, 0, 'linear')).toBeNull();
  });
});
