import { describe, expect, it } from 'vitest';
import { finalRanking, rerankedOrder } from './rerankedOrder';
import type { Candidate, Ranking } from './types';

const candidates: Candidate[] = ['a', 'b', 'c', 'd', 'e'].map((id, index) => ({ id, index, text: id }));
const byId = new Map(candidates.map((c) => [c.id, c]));
// First stage: a, b, c, d, e (scores 5..1).
const firstStage: Ranking = {
  scoreKind: 'retriever score',
  entries: candidates.map((c, i) => ({ id: c.id, rank: i + 1, score: 5 - i, index: c.index })),
};

describe('rerankedOrder', () => {
  it('orders the scored documents and lists the ones below the cut in first-stage order', () => {
    // Top 3 (a, b, c) reranked: c 2.5 > a 1.0 > b -0.5.
    const order = rerankedOrder(firstStage, byId, ['a', 'b', 'c'], new Map(Object.entries({ a: 1, b: -0.5, c: 2.5 })), 'raw logit');
    expect(order.reranked.entries.map((e) => [e.id, e.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 3],
    ]);
    expect(order.notReranked.map((e) => e.id)).toEqual(['d', 'e']);
    expect(order.pending).toEqual([]);
  });

  it('keeps documents without a score yet as pending while a run streams', () => {
    const order = rerankedOrder(firstStage, byId, ['a', 'b', 'c'], new Map(Object.entries({ b: 0.3 })), 'raw logit');
    expect(order.reranked.entries.map((e) => e.id)).toEqual(['b']);
    expect(order.pending).toEqual(['a', 'c']);
  });

  it('breaks equal scores by input order', () => {
    const order = rerankedOrder(firstStage, byId, ['c', 'a'], new Map(Object.entries({ a: 1, c: 1 })), 'raw logit');
    expect(order.reranked.entries.map((e) => e.id)).toEqual(['a', 'c']);
  });
});

describe('finalRanking', () => {
  it('appends the documents below the cut after the reranked ones and renumbers the ranks', () => {
    const order = rerankedOrder(firstStage, byId, ['a', 'b', 'c'], new Map(Object.entries({ a: 1, b: -0.5, c: 2.5 })), 'raw logit');
    expect(finalRanking(order).entries.map((e) => [e.id, e.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 3],
      ['d', 4],
      ['e', 5],
    ]);
  });
});
