import { describe, expect, it } from 'vitest';
import { cosine, cosineScores, denseRanking, hybridRanking } from './denseFirstStage';
import type { Candidate, Ranking } from './types';

const candidates = (...ids: string[]): Candidate[] => ids.map((id, index) => ({ id, text: id, index }));
const order = (ranking: Ranking) => ranking.entries.map((e) => e.id);

describe('cosine', () => {
  it('is a·b / (|a||b|), also for vectors that were not normalized', () => {
    // (1,2,2)·(2,0,1) = 2 + 0 + 2 = 4; |a| = 3, |b| = √5 = 2.2360679774997896; 4 / (3 · 2.2360679774997896) = 0.5962847939999439
    expect(cosine([1, 2, 2], [2, 0, 1])).toBeCloseTo(0.5962847939999439, 14);
    // Same direction, other length: 1. Opposite: −1.
    expect(cosine([3, 4], [6, 8])).toBeCloseTo(1, 14);
    expect(cosine([3, 4], [-3, -4])).toBeCloseTo(-1, 14);
  });

  it('gives NaN for a zero vector, and refuses vectors of different lengths', () => {
    expect(cosine([0, 0], [1, 0])).toBeNaN();
    expect(() => cosine([1, 0], [1, 0, 0])).toThrow(/2 and 3 dimensions/);
  });

  it('scores each document against the query', () => {
    // q = (1,0): (0,1) → 0; (1,1) → 1/√2 = 0.7071067811865475; (−2,0) → −1
    expect([...cosineScores([1, 0], [[0, 1], [1, 1], [-2, 0]])].map((x) => +x.toFixed(12))).toEqual([0, 0.707106781187, -1]);
  });
});

describe('denseRanking', () => {
  it('orders by cosine, ties in input order, NaN last', () => {
    const ranking = denseRanking(candidates('__proto__', 'constructor', 'toString', 'z'), [0.5, Number.NaN, 0.9, 0.5]);
    expect(order(ranking)).toEqual(['toString', '__proto__', 'z', 'constructor']);
    expect(ranking.scoreKind).toBe('cosine');
  });
});

describe('hybridRanking', () => {
  // Four documents. BM25 order: a (3), b (2), c (1), d (0). Dense order: d (0.9), c (0.8), a (0.2), b (0.1).
  const docs = candidates('a', 'b', 'c', 'd');
  const bm25 = [3, 2, 1, 0];
  const dense = [0.2, 0.1, 0.8, 0.9];

  it('fuses by RRF with k = 60, BM25 listing only the documents it matched', () => {
    // d has BM25 0: not in BM25's list. Ranks (BM25, dense): a (1, 3), b (2, 4), c (3, 2), d (-, 1).
    // a: 1/61 + 1/63 = 0.0163934 + 0.0158730 = 0.0322664
    // b: 1/62 + 1/64 = 0.0161290 + 0.0156250 = 0.0317540
    // c: 1/63 + 1/62 = 0.0158730 + 0.0161290 = 0.0320020
    // d: 1/61        = 0.0163934
    // a > c > b > d (had d been listed 4th by BM25, it would have 1/64 + 1/61 = 0.0320184 and come second)
    const ranking = hybridRanking(docs, bm25, dense, { method: 'rrf', k: 60, weight: 0.5 });
    expect(order(ranking)).toEqual(['a', 'c', 'b', 'd']);
    expect(ranking.entries[3]?.score).toBeCloseTo(1 / 61, 15);
    expect(ranking.scoreKind).toBe('RRF');
    expect(ranking.entries[0]?.score).toBeCloseTo(1 / 61 + 1 / 63, 15);
    expect(ranking.entries.map((e) => e.rank)).toEqual([1, 2, 3, 4]);
  });

  it('lets k decide between one top rank and two good ones', () => {
    // BM25 order p q r s t; dense order t s q r p. Ranks: p (1, 5), q (2, 3), r (3, 4), s (4, 2), t (5, 1).
    // k = 0:  p = 1 + 1/5 = 1.2, t = 1.2 (tie: BM25 puts p first), q = 1/2 + 1/3 = 0.833, s = 1/4 + 1/2 = 0.75, r = 1/3 + 1/4 = 0.583
    // k = 60: q = 1/62 + 1/63 = 0.032002, p = t = 1/61 + 1/65 = 0.031778, s = 1/64 + 1/62 = 0.031754, r = 1/63 + 1/64 = 0.031498
    const five = candidates('p', 'q', 'r', 's', 't');
    const lexical = [5, 4, 3, 2, 1];
    const cosines = [0.1, 0.3, 0.2, 0.4, 0.5];
    expect(order(hybridRanking(five, lexical, cosines, { method: 'rrf', k: 0, weight: 0.5 }))).toEqual(['p', 't', 'q', 's', 'r']);
    expect(order(hybridRanking(five, lexical, cosines, { method: 'rrf', k: 60, weight: 0.5 }))).toEqual(['q', 'p', 't', 's', 'r']);
  });

  it('breaks an RRF tie by the BM25 order', () => {
    // x is 1st by BM25, 2nd by dense; y the reverse: both 1/61 + 1/62. BM25 puts x first.
    expect(order(hybridRanking(candidates('y', 'x'), [1, 2], [0.9, 0.1], { method: 'rrf', k: 60, weight: 0.5 }))).toEqual(['x', 'y']);
  });

  it('takes a weighted sum of min-max normalized scores, and the weight moves the order', () => {
    // norm BM25: a 1, b 2/3, c 1/3, d 0. norm dense (min 0.1, spread 0.8): a 0.125, b 0, c 0.875, d 1.
    // weight 0.5: a 0.5625, b 0.3333, c 0.6042, d 0.5 → c, a, d, b
    const half = hybridRanking(docs, bm25, dense, { method: 'weighted', k: 60, weight: 0.5 });
    expect(order(half)).toEqual(['c', 'a', 'd', 'b']);
    expect(half.entries[0]?.score).toBeCloseTo(0.5 * (1 / 3) + 0.5 * 0.875, 12);
    expect(half.scoreKind).toBe('weighted sum');
    // weight 0.8 (BM25 heavy): a 0.825, b 0.5333, c 0.4417, d 0.2 → BM25's order
    expect(order(hybridRanking(docs, bm25, dense, { method: 'weighted', k: 60, weight: 0.8 }))).toEqual(['a', 'b', 'c', 'd']);
    // weight 0: the dense order exactly
    expect(order(hybridRanking(docs, bm25, dense, { method: 'weighted', k: 60, weight: 0 }))).toEqual(['d', 'c', 'a', 'b']);
  });

  it('breaks a weighted tie by the heavier side, then input order, with ids that are property names', () => {
    // All BM25 equal → norm 0 for all; dense equal for two: __proto__ and constructor both 1 → tie broken by
    // the dense order (the heavier side at weight 0.2), where equal scores keep input order.
    const ids = candidates('toString', '__proto__', 'constructor');
    const ranking = hybridRanking(ids, [1, 1, 1], [0.1, 0.7, 0.7], { method: 'weighted', k: 60, weight: 0.2 });
    expect(order(ranking)).toEqual(['__proto__', 'constructor', 'toString']);
  });

  it('keeps a document with a NaN cosine, scored by BM25 alone, and refuses mismatched lengths', () => {
    // b has no cosine: RRF gives it 1/62 from BM25 only; a: 1/61 + 1/61; → a, b
    const ranking = hybridRanking(candidates('a', 'b'), [2, 1], [0.5, Number.NaN], { method: 'rrf', k: 60, weight: 0.5 });
    expect(order(ranking)).toEqual(['a', 'b']);
    expect(ranking.entries[1]?.score).toBeCloseTo(1 / 62, 15);
    expect(() => hybridRanking(candidates('a'), [1, 2], [1], { method: 'rrf', k: 60, weight: 0.5 })).toThrow(/2 BM25 and 1 dense scores for 1 candidates/);
  });
});
