import { describe, expect, it } from 'vitest';
import { describeRecallCeiling, recallCeiling } from './ceiling';
import { isRelevant, recallAtK } from './metrics';
import type { Judgments, Ranking } from './types';

function rankingOf(ids: readonly string[]): Ranking {
  return {
    scoreKind: 'BM25',
    entries: ids.map((id, position) => ({ id, rank: position + 1, score: 10 - position, index: position })),
  };
}

// First stage: a __proto__ c constructor e f (ranks 1..6).
// Relevant: __proto__ (rank 2), constructor (rank 4), f (rank 6), toString (never retrieved) = 4. c is 0, e unjudged.
const firstStageIds = ['a', '__proto__', 'c', 'constructor', 'e', 'f'];
const firstStage = rankingOf(firstStageIds);
const judgments: Judgments = new Map([
  ['__proto__', 2],
  ['c', 0],
  ['constructor', 1],
  ['f', 3],
  ['toString', 1],
]);

/**
 * The best list a reranked column can show: the relevant documents of the top N first, then the rest of the
 * top N, then everything below the cut where the first stage put it (as finalRanking lists a reranked column).
 */
function bestShownOrder(ids: readonly string[], grades: Judgments, n: number): Ranking {
  const top = ids.slice(0, n);
  const relevantFirst = [...top.filter((id) => isRelevant(grades.get(id))), ...top.filter((id) => !isRelevant(grades.get(id)))];
  return rankingOf([...relevantFirst, ...ids.slice(n)]);
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

describe('recallCeiling', () => {
  it('lists relevant documents below the cut with their first-stage rank, then the never-retrieved ones', () => {
    const ceiling = recallCeiling(firstStage, judgments, 3, 3);
    expect(ceiling.outOfReach).toEqual([
      { id: 'constructor', firstStageRank: 4 },
      { id: 'f', firstStageRank: 6 },
      { id: 'toString', firstStageRank: null },
    ]);
    expect(ceiling.relevantInTopN).toBe(1);
    expect(ceiling.totalRelevant).toBe(4);
    // k = N = 3: top 3 holds __proto__ only: min(3, 1) / 4 = 0.25; nothing below the cut counts
    expect(ceiling.countedBelowCut).toBeNull();
    expect(ceiling.bestRecallAtK).toBe(0.25);
    expect(ceiling.bestRecallWithinTopN).toBe(0.25);
  });

  it('counts the documents below the cut within rank k when k > N, as the reranked column shows them', () => {
    // N = 3, k = 10: within the top 3, 1 relevant: Recall@3 at best 1 / 4 = 0.25.
    // Ranks 4..6 stay in first-stage order and hold constructor and f: Recall@10 at best (1 + 2) / 4 = 0.75.
    const ceiling = recallCeiling(firstStage, judgments, 3, 10);
    expect(ceiling.bestRecallWithinTopN).toBe(0.25);
    expect(ceiling.countedBelowCut).toEqual({ fromRank: 4, toRank: 6, relevant: 2 });
    expect(ceiling.bestRecallAtK).toBe(0.75);
    // N = 3, k = 5: ranks 4..5 hold constructor only: (1 + 1) / 4 = 0.5
    expect(recallCeiling(firstStage, judgments, 3, 5).bestRecallAtK).toBe(0.5);
  });

  it('is limited by k when the top N holds more relevant documents than k', () => {
    // Top 6 holds __proto__, constructor, f = 3 relevant; k = 2: min(2, 3) / 4 = 0.5
    const ceiling = recallCeiling(firstStage, judgments, 6, 2);
    expect(ceiling.bestRecallAtK).toBe(0.5);
    expect(ceiling.outOfReach.map((d) => d.id)).toEqual(['toString']);
  });

  it('reaches 1 when every relevant document made the cut', () => {
    // Relevant: __proto__, constructor only. Top 4 holds both; k = 5: min(5, 2) / 2 = 1, nothing out of reach
    const ceiling = recallCeiling(firstStage, new Map([['__proto__', 1], ['constructor', 2], ['e', 0]]), 4, 5);
    expect(ceiling.bestRecallAtK).toBe(1);
    expect(ceiling.outOfReach).toEqual([]);
  });

  it('handles a cut larger than the ranking: nothing is below it, only the never-retrieved document is out', () => {
    // Top 100 = all 6; holds 3 of 4 relevant: 0.75
    const ceiling = recallCeiling(firstStage, judgments, 100, 10);
    expect(ceiling.countedBelowCut).toBeNull();
    expect(ceiling.bestRecallAtK).toBe(0.75);
    expect(ceiling.outOfReach).toEqual([{ id: 'toString', firstStageRank: null }]);
  });

  it('sorts never-retrieved documents by id', () => {
    const ceiling = recallCeiling(rankingOf(['a']), new Map([['y', 1], ['x', 2], ['a', 0]]), 1, 1);
    expect(ceiling.outOfReach.map((d) => d.id)).toEqual(['x', 'y']);
    // min(1, 0) / 2 = 0
    expect(ceiling.bestRecallAtK).toBe(0);
  });

  it('is null with no relevant judgments, or a k below 1 (as recallAtK is)', () => {
    const none = recallCeiling(firstStage, new Map([['a', 0], ['c', 0]]), 3, 3);
    expect(none.bestRecallAtK).toBeNull();
    expect(none.outOfReach).toEqual([]);
    expect(recallCeiling(firstStage, judgments, 3, 0).bestRecallAtK).toBeNull();
  });

  it('with nothing relevant, still counts the ranks between the cut and k, each id once', () => {
    // Ranked ids a, a, b, __proto__, c: distinct a, b, __proto__, c. Cut 1, k 3: ranks 2..3 lie below the cut, none relevant.
    const ranking = rankingOf(['a', 'a', 'b', '__proto__', 'c']);
    expect(recallCeiling(ranking, new Map([['b', 0]]), 1, 3)).toEqual({
      topN: 1, k: 3, outOfReach: [], relevantInTopN: 0, totalRelevant: 0, bestRecallWithinTopN: null, countedBelowCut: { fromRank: 2, toRank: 3, relevant: 0 }, bestRecallAtK: null,
    });
    // k 9 past the 4 distinct ids: ranks 2..4; a cut of 4 leaves nothing below it.
    expect(recallCeiling(ranking, new Map(), 1, 9).countedBelowCut).toEqual({ fromRank: 2, toRank: 4, relevant: 0 });
    expect(recallCeiling(ranking, new Map(), 4, 9).countedBelowCut).toBeNull();
  });

  it('treats a negative cut as 0: the column is the first stage as it stands', () => {
    // Nothing reaches the reranker; ranks 1..3 hold __proto__: 1 / 4 = 0.25
    const ceiling = recallCeiling(firstStage, judgments, -1, 3);
    expect(ceiling.outOfReach.map((d) => d.id)).toEqual(['__proto__', 'constructor', 'f', 'toString']);
    expect(ceiling.bestRecallAtK).toBe(0.25);
  });

  it('equals recallAtK on the best possible reordering, for every N and k (k > N included)', () => {
    for (let n = 0; n <= 7; n += 1) {
      const best = bestShownOrder(firstStageIds, judgments, n);
      for (let k = 1; k <= 8; k += 1) {
        const ceiling = recallCeiling(firstStage, judgments, n, k);
        expect(ceiling.bestRecallAtK, `N = ${n}, k = ${k}`).toBe(recallAtK(best, judgments, k));
        if (n > 0) expect(ceiling.bestRecallWithinTopN, `N = ${n}, k = ${k}`).toBe(recallAtK(best, judgments, Math.min(k, n)));
      }
    }
  });

  it('bounds every reordering of the top N, and one reaches it', () => {
    const n = 4;
    const shown = permutations(firstStageIds.slice(0, n)).map((top) => rankingOf([...top, ...firstStageIds.slice(n)]));
    expect(shown).toHaveLength(24);
    for (let k = 1; k <= 8; k += 1) {
      const reached = shown.map((ranking) => recallAtK(ranking, judgments, k) ?? Number.NaN);
      expect(Math.max(...reached), `k = ${k}`).toBe(recallCeiling(firstStage, judgments, n, k).bestRecallAtK);
    }
  });
});

describe('describeRecallCeiling', () => {
  it('names the documents below the cut and, for k > N, the first-stage ranks that Recall@k counts', () => {
    expect(describeRecallCeiling(recallCeiling(firstStage, judgments, 3, 10))).toBe(
      'Relevant documents below the top-3 cut, which the reranker never sees: constructor (first-stage rank 4), f (first-stage rank 6). ' +
        'Relevant documents the first stage never retrieved: toString. ' +
        'Within the top 3 the reranker can reach Recall@3 = 0.25 at best; Recall@10 also counts ranks 4\u20136 in first-stage order, so the best it can reach is 0.75. ' +
        'Raise N, or improve the first stage.',
    );
  });

  it('speaks of one rank when k = N + 1', () => {
    // N = 3, k = 4: rank 4 (constructor) counts: (1 + 1) / 4 = 0.50
    expect(describeRecallCeiling(recallCeiling(firstStage, judgments, 3, 4))).toContain(
      'Recall@4 also counts rank 4 in first-stage order, so the best it can reach is 0.50.',
    );
  });

  it('gives one number when k <= N', () => {
    expect(describeRecallCeiling(recallCeiling(firstStage, judgments, 3, 3))).toBe(
      'Relevant documents below the top-3 cut, which the reranker never sees: constructor (first-stage rank 4), f (first-stage rank 6). ' +
        'Relevant documents the first stage never retrieved: toString. ' +
        'The best Recall@3 any reordering of the top 3 can reach is 0.25. Raise N, or improve the first stage.',
    );
  });

  it('says that raising N cannot help when the only missing documents were never retrieved', () => {
    expect(describeRecallCeiling(recallCeiling(firstStage, judgments, 100, 10))).toBe(
      'Relevant documents the first stage never retrieved: toString. The best Recall@10 any reordering of the top 100 can reach is 0.75. ' +
        'Raising N cannot help: only a better first stage can retrieve them.',
    );
  });

  it('reads as the seed example with N = 2: the table shows Recall@10 = 1.00 for the reranked column, and so does the notice', () => {
    // doc_101 (3) rank 1, doc_450 (2) rank 4; N = 2, k = 10: within the top 2, 1 of 2 = 0.50; ranks 3..4 add doc_450: 2 / 2 = 1.00
    const seed = rankingOf(['doc_101', 'doc_205', 'doc_312', 'doc_450']);
    expect(describeRecallCeiling(recallCeiling(seed, new Map([['doc_101', 3], ['doc_450', 2]]), 2, 10))).toBe(
      'Relevant documents below the top-2 cut, which the reranker never sees: doc_450 (first-stage rank 4). ' +
        'Within the top 2 the reranker can reach Recall@2 = 0.50 at best; Recall@10 also counts ranks 3\u20134 in first-stage order, so the best it can reach is 1.00. ' +
        'Raise N, or improve the first stage.',
    );
  });

  it('names at most ten documents', () => {
    const ids = Array.from({ length: 13 }, (_, i) => `d${i + 1}`);
    const text = describeRecallCeiling(recallCeiling(rankingOf(ids), new Map(ids.map((id) => [id, 1])), 1, 1)) ?? '';
    // d2..d13 are below the top-1 cut: 12, of which d2..d11 are named
    expect(text).toContain('d11 (first-stage rank 11), and 2 more.');
    expect(text).not.toContain('d12');
  });

  it('is null when nothing relevant is out of reach, or Recall@k is undefined', () => {
    expect(describeRecallCeiling(recallCeiling(firstStage, new Map([['__proto__', 1]]), 3, 3))).toBeNull();
    expect(describeRecallCeiling(recallCeiling(firstStage, new Map([['f', 0]]), 3, 3))).toBeNull();
    expect(describeRecallCeiling(recallCeiling(firstStage, judgments, 3, 0))).toBeNull();
  });
});
