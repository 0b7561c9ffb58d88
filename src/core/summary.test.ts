import { describe, expect, it } from 'vitest';
import { describeChange, summarizeChange, type ChangeSummary } from './summary';
import type { Ranking } from './types';

/** A ranking in the order given; `index` is the input position unless supplied. */
function rankingOf(ids: string[], indexOf?: Record<string, number>): Ranking {
  return {
    scoreKind: 'raw logit',
    entries: ids.map((id, position) => ({ id, rank: position + 1, score: -position, index: indexOf?.[id] ?? position })),
  };
}

const inputOrder = { a: 0, b: 1, c: 2, d: 3, e: 4, f: 5 };

describe('summarizeChange', () => {
  // before: a1 b2 c3 d4 e5 f6   after: c1 e2 f3 a4 b5 d6
  // moves: c 3->1 (+2), e 5->2 (+3), f 6->3 (+3), a 1->4 (-3), b 2->5 (-3), d 4->6 (-2)
  const before = rankingOf(['a', 'b', 'c', 'd', 'e', 'f'], inputOrder);
  const after = rankingOf(['c', 'e', 'f', 'a', 'b', 'd'], inputOrder);
  const summary = summarizeChange(before, after, new Map(Object.entries({ a: 1, d: 0, e: 2, f: 3 })));

  it('finds the documents that moved into the top 3 and top 10', () => {
    // after's top 3 {c, e, f} minus before's {a, b, c} = e, f; all six were already in the top 10
    expect(summary.movedIntoTop3).toEqual(['e', 'f']);
    expect(summary.movedIntoTop10).toEqual([]);
  });

  it('breaks ties for biggest riser and faller by input order', () => {
    // e and f both rose 3; e comes first in the input. a and b both fell 3; a comes first.
    expect(summary.biggestRiser).toEqual({ id: 'e', from: 5, to: 2 });
    expect(summary.biggestFaller).toEqual({ id: 'a', from: 1, to: 4 });
  });

  it('lists judged-relevant documents that rose and fell, ignoring grade 0 and unjudged', () => {
    // Relevant: a (1), e (2), f (3). d is 0; b and c are unjudged.
    expect(summary.relevantRose).toEqual([
      { id: 'e', from: 5, to: 2, grade: 2 },
      { id: 'f', from: 6, to: 3, grade: 3 },
    ]);
    expect(summary.relevantFell).toEqual([{ id: 'a', from: 1, to: 4, grade: 1 }]);
  });

  it('uses the input index for ties, not the rank in either list', () => {
    // before: x1 y2 z3 w4; after: z1 w2 x3 y4. Input order: w, z, y, x.
    // z and w both rose 2 -> w (input 0). x and y both fell 2 -> y (input 2, x is 3).
    const indexOf = { w: 0, z: 1, y: 2, x: 3 };
    const tied = summarizeChange(rankingOf(['x', 'y', 'z', 'w'], indexOf), rankingOf(['z', 'w', 'x', 'y'], indexOf), new Map());
    expect(tied.biggestRiser).toEqual({ id: 'w', from: 4, to: 2 });
    expect(tied.biggestFaller).toEqual({ id: 'y', from: 2, to: 4 });
  });

  it('ignores documents that were not reranked', () => {
    // before d1..d12; after reranks d1..d11 only: d11 11->1, d1..d10 each fall by 1, d12 absent.
    const ids = Array.from({ length: 12 }, (_, i) => `d${i + 1}`);
    const reranked = ['d11', ...ids.slice(0, 10)];
    const moved = summarizeChange(rankingOf(ids), rankingOf(reranked, Object.fromEntries(ids.map((id, i) => [id, i]))), new Map());
    expect(moved.movedIntoTop3).toEqual(['d11']);
    expect(moved.movedIntoTop10).toEqual(['d11']);
    expect(moved.biggestRiser).toEqual({ id: 'd11', from: 11, to: 1 });
    // Ten documents fell by 1; d1 comes first in the input. d12 (absent) is not a faller.
    expect(moved.biggestFaller).toEqual({ id: 'd1', from: 1, to: 2 });
  });

  it('finds nothing when the order is the same', () => {
    const same = summarizeChange(before, rankingOf(['a', 'b', 'c', 'd', 'e', 'f'], inputOrder), new Map(Object.entries({ a: 3 })));
    expect(same).toEqual({
      movedIntoTop3: [],
      movedIntoTop10: [],
      biggestRiser: null,
      biggestFaller: null,
      relevantRose: [],
      relevantFell: [],
    });
  });
});

const unchanged: ChangeSummary = {
  movedIntoTop3: [],
  movedIntoTop10: [],
  biggestRiser: null,
  biggestFaller: null,
  relevantRose: [],
  relevantFell: [],
};

describe('describeChange', () => {
  it('says the order did not change when nothing moved', () => {
    expect(describeChange(unchanged)).toEqual(['The order did not change.']);
  });

  it('writes one sentence per finding, plural where needed', () => {
    const before = rankingOf(['a', 'b', 'c', 'd', 'e', 'f'], inputOrder);
    const after = rankingOf(['c', 'e', 'f', 'a', 'b', 'd'], inputOrder);
    expect(describeChange(summarizeChange(before, after, new Map(Object.entries({ a: 1, d: 0, e: 2, f: 3 }))))).toEqual([
      '2 documents moved into the top 3: e, f.',
      'Biggest riser: e, from #5 to #2.',
      'Biggest faller: a, from #1 to #4.',
      'Relevant documents that rose: e (#5 \u2192 #2), f (#6 \u2192 #3).',
      'Relevant document that fell: a (#1 \u2192 #4).',
    ]);
  });

  it('uses the singular for one document', () => {
    const summary: ChangeSummary = {
      ...unchanged,
      movedIntoTop10: ['doc_312'],
      biggestRiser: { id: 'doc_312', from: 13, to: 1 },
      relevantRose: [{ id: 'doc_312', from: 13, to: 1, grade: 2 }],
    };
    expect(describeChange(summary)).toEqual([
      '1 document moved into the top 10: doc_312.',
      'Biggest riser: doc_312, from #13 to #1.',
      'Relevant document that rose: doc_312 (#13 \u2192 #1).',
    ]);
  });

  it('names five documents and counts the rest', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    // 7 ids, 5 named, 7 - 5 = 2 more
    expect(describeChange({ ...unchanged, movedIntoTop10: ids })).toEqual([
      '7 documents moved into the top 10: a, b, c, d, e and 2 more.',
    ]);
  });
});
