import { describe, expect, it } from 'vitest';
import { TopK, denseTopK, scoreChunk, unionCandidates } from './denseCorpusRetrieval';

// Query (1, 0). Cosines worked by hand:
//   0 (0, 1): 0    1 (1, 1): 1/√2 = 0.70711    2 (2, 0.5): 2/√4.25 = 0.97014
//   3 (-1, 0): -1  4 (3, 0): 1                 5 (0, 0): NaN (no direction: never kept)
const query = [1, 0];
const corpus = [
  [0, 1],
  [1, 1],
  [2, 0.5],
  [-1, 0],
  [3, 0],
  [0, 0],
];

describe('TopK', () => {
  it('keeps the K highest, best first, the earlier position winning a tie, NaN never', () => {
    const top = new TopK(3);
    [0.5, 0.9, 0.5, Number.NaN, 0.9, 0.1].forEach((score, position) => top.offer(position, score));
    // 0.9 at 1 and 4 (1 first), then 0.5 at 0 beats 0.5 at 2.
    expect(top.best()).toEqual([
      { position: 1, score: 0.9 },
      { position: 4, score: 0.9 },
      { position: 0, score: 0.5 },
    ]);
  });

  it('keeps negative scores (a cosine can be below 0) and nothing for K < 1', () => {
    const top = new TopK(1);
    top.offer(0, -0.5);
    top.offer(1, -0.2);
    expect(top.best()).toEqual([{ position: 1, score: -0.2 }]);
    const none = new TopK(0);
    none.offer(0, 1);
    expect(none.best()).toEqual([]);
  });
});

describe('denseTopK', () => {
  it('is the K nearest documents by cosine', () => {
    const top = denseTopK(query, corpus, 3);
    expect(top.map((hit) => hit.position)).toEqual([4, 2, 1]);
    expect(top[0]?.score).toBeCloseTo(1, 6);
    expect(top[1]?.score).toBeCloseTo(0.970143, 6);
    expect(top[2]?.score).toBeCloseTo(0.707107, 6);
  });

  it('with K above N, lists every document with a direction, the zero vector left out', () => {
    expect(denseTopK(query, corpus, 10).map((hit) => hit.position)).toEqual([4, 2, 1, 0, 3]);
  });

  it('gives the same top K when fed in chunks', () => {
    const top = new TopK(2);
    scoreChunk(top, query, corpus, 0, 2);
    scoreChunk(top, query, corpus, 2, 4);
    scoreChunk(top, query, corpus, 4, 99);
    expect(top.best().map((hit) => hit.position)).toEqual([4, 2]);
  });
});

describe('unionCandidates', () => {
  it("keeps BM25's list and scores, then adds dense's documents BM25 did not retrieve, with no score", () => {
    const bm25 = [
      { docId: '__proto__', score: 2 },
      { docId: 'b', score: 1 },
    ];
    expect(unionCandidates(bm25, ['constructor', '__proto__', 'toString'])).toEqual([
      { docId: '__proto__', score: 2 },
      { docId: 'b', score: 1 },
      { docId: 'constructor' },
      { docId: 'toString' },
    ]);
    expect(bm25).toHaveLength(2);
  });
});
