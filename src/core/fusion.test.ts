import { describe, expect, it } from 'vitest';
import { minMaxNormalize, rrf, weightedFusion } from './fusion';

const ids = (fused: readonly { id: string }[]) => fused.map((f) => f.id);

describe('rrf', () => {
  it('sums 1/(k + rank) over the rankings that hold each document (k = 60)', () => {
    // d1: 1/61 + 1/62 = 0.016393442622950820 + 0.016129032258064516 = 0.032522474881015336
    // d3: 1/63 + 1/61 = 0.015873015873015872 + 0.016393442622950820 = 0.032266458495966692
    // d2: 1/62 only (missing from B)  = 0.016129032258064516
    // d4: 1/63 only (missing from A)  = 0.015873015873015872
    const fused = rrf([{ ids: ['d1', 'd2', 'd3'] }, { ids: ['d3', 'd1', 'd4'] }]);
    expect(ids(fused)).toEqual(['d1', 'd3', 'd2', 'd4']);
    expect(fused[0]?.score).toBeCloseTo(0.0325224748810153, 15);
    expect(fused[1]?.score).toBeCloseTo(0.0322664584959667, 15);
    expect(fused[2]?.score).toBeCloseTo(0.016129032258064516, 15);
    expect(fused[3]?.score).toBeCloseTo(0.015873015873015872, 15);
  });

  it('breaks a tie by the first ranking', () => {
    // x: 1/61 + 1/62, y: 1/62 + 1/61: equal; x is above y in the first ranking.
    expect(ids(rrf([{ ids: ['x', 'y'] }, { ids: ['y', 'x'] }]))).toEqual(['x', 'y']);
    expect(ids(rrf([{ ids: ['y', 'x'] }, { ids: ['x', 'y'] }]))).toEqual(['y', 'x']);
  });

  it('gives bit-identical sums to the same ranks in another arrangement, so the tie rule decides', () => {
    // p is at ranks 1, 1, 2 (A, B, C) and q at 2, 1, 1 (A, C, D): both 1/61 + 1/61 + 1/62 = 0.048915917503966164.
    // Added in ranking order, floating point gives p 0.04891591750396616 and q 0.048915917503966164, and
    // q would win by rounding; added smallest term first, both get the same bits and the tie goes to A's order.
    const fused = rrf([{ ids: ['p', 'q'] }, { ids: ['p'] }, { ids: ['q', 'p'] }, { ids: ['q'] }]);
    expect(ids(fused)).toEqual(['p', 'q']);
    expect(fused[0]?.score).toBe(fused[1]?.score);
    expect(fused[0]?.score).toBeCloseTo(0.048915917503966164, 15);
  });

  it('puts tied documents missing from the first ranking after those in it, then orders them by code units', () => {
    // All four score 1/61. 'toString' is in the first ranking; the rest are not, so they go by UTF-16 code
    // units: 'Z' (0x5A) < '__proto__' ('_' 0x5F) < 'a' (0x61) < 'constructor' (0x63). A locale sort would put 'a' before 'Z'.
    const fused = rrf([{ ids: ['toString'] }, { ids: ['constructor'] }, { ids: ['a'] }, { ids: ['__proto__'] }, { ids: ['Z'] }]);
    expect(ids(fused)).toEqual(['toString', 'Z', '__proto__', 'a', 'constructor']);
    expect(fused.every((f) => f.score === 1 / 61)).toBe(true);
  });

  it('uses the k it is given', () => {
    // A = [p, r, q], B = [s, t, q].
    // k = 0:  p = 1/1 = 1, s = 1, q = 1/3 + 1/3 = 0.667, r = 1/2, t = 1/2 -> p, s (tie: p is in A), q, r, t (tie: r in A)
    // k = 60: q = 2/63 = 0.0317 beats p = s = 1/61 = 0.0164, and r = t = 1/62 -> q, p, s, r, t
    const rankings = [{ ids: ['p', 'r', 'q'] }, { ids: ['s', 't', 'q'] }];
    const atZero = rrf(rankings, 0);
    expect(ids(atZero)).toEqual(['p', 's', 'q', 'r', 't']);
    expect(atZero[2]?.score).toBeCloseTo(2 / 3, 15);
    expect(ids(rrf(rankings, 60))).toEqual(['q', 'p', 's', 'r', 't']);
    expect(ids(rrf(rankings))).toEqual(['q', 'p', 's', 'r', 't']); // 60 by default
  });

  it('counts an id repeated within one ranking once, at its first position', () => {
    // d: 1/61 (not 1/61 + 1/62); e: rank 3 -> 1/63
    const fused = rrf([{ ids: ['d', 'd', 'e'] }]);
    expect(fused).toEqual([
      { id: 'd', score: 1 / 61 },
      { id: 'e', score: 1 / 63 },
    ]);
  });

  it('fuses nothing into nothing', () => {
    expect(rrf([])).toEqual([]);
    expect(rrf([{ ids: [] }, { ids: [] }])).toEqual([]);
  });

  it('refuses a k below 0 or not a number, saying what is usual', () => {
    expect(() => rrf([{ ids: ['a'] }], -1)).toThrow(/k must be a number of 0 or more \(got -1\); 60/);
    expect(() => rrf([{ ids: ['a'] }], Number.NaN)).toThrow(RangeError);
    expect(() => rrf([{ ids: ['a'] }], Infinity)).toThrow(RangeError);
  });
});

describe('minMaxNormalize', () => {
  it('maps the worst score to 0 and the best to 1, linearly between', () => {
    // min 2, max 4: (2-2)/2 = 0, (4-2)/2 = 1, (3-2)/2 = 0.5
    expect([...minMaxNormalize(new Map([['a', 2], ['b', 4], ['c', 3]]))]).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 0.5],
    ]);
  });

  it('gives 0 to every document of a side whose scores are all equal, or that has one document', () => {
    expect([...minMaxNormalize(new Map([['x', 3], ['y', 3]]))]).toEqual([
      ['x', 0],
      ['y', 0],
    ]);
    expect([...minMaxNormalize(new Map([['only', -7]]))]).toEqual([['only', 0]]);
  });

  it('names the document whose score is not finite', () => {
    expect(() => minMaxNormalize(new Map([['ok', 1], ['__proto__', Number.NaN]]), 'BM25')).toThrow(
      'BM25: document "__proto__" has score NaN; every score must be a finite number.',
    );
  });
});

describe('weightedFusion', () => {
  // BM25-like side a and dense-like side b, chosen so every step is exact in binary floating point.
  // norm(a): d1 = (10-0)/10 = 1, d2 = 5/10 = 0.5, d3 = 0;  d4 is missing from a -> 0
  // norm(b): d2 = (0.75-0.25)/0.5 = 1, d3 = 0.25/0.5 = 0.5, d4 = 0;  d1 is missing from b -> 0
  const a = new Map([['d1', 10], ['d2', 5], ['d3', 0]]);
  const b = new Map([['d2', 0.75], ['d3', 0.5], ['d4', 0.25]]);

  it('adds the normalized scores with the weight on a (0.5)', () => {
    // d1 = 0.5*1 + 0.5*0 = 0.5; d2 = 0.5*0.5 + 0.5*1 = 0.75; d3 = 0.5*0 + 0.5*0.5 = 0.25; d4 = 0
    expect(weightedFusion(a, b, 0.5)).toEqual([
      { id: 'd2', score: 0.75 },
      { id: 'd1', score: 0.5 },
      { id: 'd3', score: 0.25 },
      { id: 'd4', score: 0 },
    ]);
  });

  it('moves with the weight (0.25)', () => {
    // d1 = 0.25*1 = 0.25; d2 = 0.25*0.5 + 0.75*1 = 0.875; d3 = 0.75*0.5 = 0.375; d4 = 0
    expect(weightedFusion(a, b, 0.25)).toEqual([
      { id: 'd2', score: 0.875 },
      { id: 'd3', score: 0.375 },
      { id: 'd1', score: 0.25 },
      { id: 'd4', score: 0 },
    ]);
  });

  it("is a's order at weight 1 and b's at weight 0, documents missing from that side last", () => {
    // weight 1: d1 1, d2 0.5, d3 0, d4 0 (d3 is in a, d4 is not) -> d1, d2, d3, d4
    expect(weightedFusion(a, b, 1)).toEqual([
      { id: 'd1', score: 1 },
      { id: 'd2', score: 0.5 },
      { id: 'd3', score: 0 },
      { id: 'd4', score: 0 },
    ]);
    // weight 0: d2 1, d3 0.5, d4 0, d1 0 (d4 is in b, d1 is not) -> d2, d3, d4, d1
    expect(ids(weightedFusion(a, b, 0))).toEqual(['d2', 'd3', 'd4', 'd1']);
  });

  it("keeps each side's own tie order at weight 1 and 0 (ties go by the heavier side)", () => {
    // a's own order: p and q tie at 2 (inserted p, q), then r -> p, q, r
    // b's own order: r, then q and p tie at 0 (inserted q, p) -> r, q, p
    const tiedA = new Map([['p', 2], ['q', 2], ['r', 1]]);
    const tiedB = new Map([['r', 5], ['q', 0], ['p', 0]]);
    expect(ids(weightedFusion(tiedA, tiedB, 1))).toEqual(['p', 'q', 'r']);
    expect(ids(weightedFusion(tiedA, tiedB, 0))).toEqual(['r', 'q', 'p']);
  });

  it('lets a side whose scores are all equal add nothing', () => {
    // norm(a) = 0 for both; norm(b): x 0, y 1. weight 0.8: x = 0, y = 0.2*1 = 0.2 (within rounding)
    const flat = new Map([['x', 3], ['y', 3]]);
    const spread = new Map([['x', 0.25], ['y', 0.75]]);
    const fused = weightedFusion(flat, spread, 0.8);
    expect(ids(fused)).toEqual(['y', 'x']);
    expect(fused[0]?.score).toBeCloseTo(0.2, 15);
    expect(fused[1]?.score).toBe(0);
    // At weight 1 nothing separates them: a's insertion order decides.
    expect(weightedFusion(flat, spread, 1)).toEqual([
      { id: 'x', score: 0 },
      { id: 'y', score: 0 },
    ]);
  });

  it('takes ids like __proto__ and constructor as data', () => {
    // __proto__ = 0.5*1 + 0.5*0 = 0.5; toString = 0.5*0 + 0.5*1 = 0.5 (missing from a); constructor = 0
    // The 0.5 tie goes to a's order (weight 0.5 counts as a's): __proto__ is in a, toString is not.
    const protoA = new Map([['__proto__', 1], ['constructor', 0]]);
    const protoB = new Map([['toString', 1], ['__proto__', 0]]);
    expect(weightedFusion(protoA, protoB, 0.5)).toEqual([
      { id: '__proto__', score: 0.5 },
      { id: 'toString', score: 0.5 },
      { id: 'constructor', score: 0 },
    ]);
  });

  it('fuses two empty sides into nothing', () => {
    expect(weightedFusion(new Map(), new Map(), 0.5)).toEqual([]);
  });

  it('refuses a weight outside 0..1 and a score that is not finite', () => {
    expect(() => weightedFusion(a, b, -0.1)).toThrow('The fusion weight must be between 0 and 1 (got -0.1).');
    expect(() => weightedFusion(a, b, 1.1)).toThrow(RangeError);
    expect(() => weightedFusion(a, b, Number.NaN)).toThrow(RangeError);
    expect(() => weightedFusion(a, new Map([['d9', Infinity]]), 0.5)).toThrow('second side: document "d9" has score Infinity');
  });
});
