import { describe, expect, it } from 'vitest';
import { recallCeiling } from './ceiling';
import type { Judgments, Ranking } from './types';

function rankingOf(ids: string[]): Ranking {
  return {
    scoreKind: 'BM25',
    entries: ids.map((id, position) => ({ id, rank: position + 1, score: 10 - position, index: position })),
  };
}

// First stage: a b c d e f. Relevant: b, d, f, and z (never retrieved). c is 0, e unjudged.
const firstStage = rankingOf(['a', 'b', 'c', 'd', 'e', 'f']);
const judgments: Judgments = new Map(Object.entries({ b: 2, c: 0, d: 1, f: 3, z: 1 }));

describe('recallCeiling', () => {
  it('lists relevant documents below the cut, then the never-retrieved ones', () => {
    // Top 3 = a b c holds b. Below: d, f (ranked), z (not retrieved).
    const ceiling = recallCeiling(firstStage, judgments, 3, 10);
    expect(ceiling.relevantBelowCut).toEqual(['d', 'f', 'z']);
    expect(ceiling.relevantInTopN).toBe(1);
    expect(ceiling.totalRelevant).toBe(4);
    // min(10, 1) / 4 = 0.25
    expect(ceiling.bestRecallAtK).toBeCloseTo(0.25, 10);
  });

  it('is limited by k when the top N holds more relevant documents than k', () => {
    // Top 6 holds b, d, f = 3 relevant; k = 2: min(2, 3) / 4 = 0.5
    const ceiling = recallCeiling(firstStage, judgments, 6, 2);
    expect(ceiling.bestRecallAtK).toBeCloseTo(0.5, 10);
    expect(ceiling.relevantBelowCut).toEqual(['z']);
  });

  it('is limited by the relevant documents in the top N when k is larger', () => {
    // Top 4 holds b, d = 2; k = 3: min(3, 2) / 4 = 0.5
    expect(recallCeiling(firstStage, judgments, 4, 3).bestRecallAtK).toBeCloseTo(0.5, 10);
  });

  it('reaches 1 when every relevant document made the cut', () => {
    // Relevant: b, d only. Top 4 holds both; k = 5: min(5, 2) / 2 = 1
    const ceiling = recallCeiling(firstStage, new Map(Object.entries({ b: 1, d: 2, e: 0 })), 4, 5);
    expect(ceiling.bestRecallAtK).toBeCloseTo(1, 10);
    expect(ceiling.relevantBelowCut).toEqual([]);
  });

  it('handles a cut larger than the ranking', () => {
    // Top 100 = all 6; holds b, d, f = 3; z is still out: min(10, 3) / 4 = 0.75
    const ceiling = recallCeiling(firstStage, judgments, 100, 10);
    expect(ceiling.bestRecallAtK).toBeCloseTo(0.75, 10);
    expect(ceiling.relevantBelowCut).toEqual(['z']);
  });

  it('sorts never-retrieved documents by id', () => {
    const ceiling = recallCeiling(rankingOf(['a']), new Map(Object.entries({ y: 1, x: 2, a: 0 })), 1, 1);
    expect(ceiling.relevantBelowCut).toEqual(['x', 'y']);
    // min(1, 0) / 2 = 0
    expect(ceiling.bestRecallAtK).toBe(0);
  });

  it('is null with no relevant judgments', () => {
    const ceiling = recallCeiling(firstStage, new Map(Object.entries({ a: 0, b: 0 })), 3, 3);
    expect(ceiling.bestRecallAtK).toBeNull();
    expect(ceiling.relevantBelowCut).toEqual([]);
  });

  it('treats a negative cut as 0', () => {
    // Nothing reaches the reranker: b, d, f, z all out; min(3, 0) / 4 = 0
    const ceiling = recallCeiling(firstStage, judgments, -1, 3);
    expect(ceiling.relevantBelowCut).toEqual(['b', 'd', 'f', 'z']);
    expect(ceiling.bestRecallAtK).toBe(0);
  });
});
