/**
 * Ids that are also names on every plain object (`__proto__`, `constructor`, `toString`, `hasOwnProperty`) are data
 * like any other, through every step that keys on ids: metrics, ranking and rank moves, qrels, the recall ceiling
 * and the change summary. A plain object used as a dictionary anywhere on the way would make one of these fail.
 */
import { describe, expect, it } from 'vitest';
import { describeRecallCeiling, recallCeiling } from './ceiling';
import { computeMetrics } from './metrics';
import { formatQrels, parseQrels } from './qrels';
import { movesOfRanked, rankByScore, rankMoves, topN } from './ranking';
import { describeChange, summarizeChange } from './summary';
import type { Candidate, Judgments } from './types';

const candidates: Candidate[] = ['__proto__', 'plain', 'constructor', 'toString', 'hasOwnProperty'].map((id, index) => ({ id, text: `document ${id}`, index }));

// Scores 0.1, 0.9, 0.5, 0.5, 0.7: plain (0.9), hasOwnProperty (0.7), constructor (0.5, input 2), toString (0.5, input 3,
// so after constructor by the tie rule), __proto__ (0.1). Ranks 1..5 in that order.
const before = rankByScore(candidates, [0.1, 0.9, 0.5, 0.5, 0.7], 'BM25');
// Scores 0.9, 0.1, 0.3, 0.8, 0.2: __proto__ (1), toString (2), constructor (3), hasOwnProperty (4), plain (5).
const after = rankByScore(candidates, [0.9, 0.1, 0.3, 0.8, 0.2], 'relevance score');

// Relevant (grade >= 1): __proto__ 3, constructor 2, hasOwnProperty 1. toString is judged 0; plain is unjudged.
const judgments: Judgments = new Map([
  ['__proto__', 3],
  ['constructor', 2],
  ['toString', 0],
  ['hasOwnProperty', 1],
]);

describe('user ids that are Object.prototype names', () => {
  it('rank by score with the tie rule, each id once', () => {
    expect(before.entries.map((entry) => [entry.id, entry.rank])).toEqual([['plain', 1], ['hasOwnProperty', 2], ['constructor', 3], ['toString', 4], ['__proto__', 5]]);
    expect(after.entries.map((entry) => entry.id)).toEqual(['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'plain']);
  });

  it('count in every metric', () => {
    // Before, the relevant ids sit at ranks 2 (hasOwnProperty), 3 (constructor) and 5 (__proto__); 3 relevant in all.
    // P@3 = 2/3, R@3 = 2/3, RR = 1/2, AP = (1/2 + 2/3 + 3/5) / 3 = (15 + 20 + 18) / 30 / 3 = 53/90.
    // nDCG@3, linear: ranked grades 0, 1, 2 give DCG = 0 + 1/log2(3) + 2/log2(4); the ideal 3, 2, 1 gives
    // 3/log2(2) + 2/log2(3) + 1/log2(4) = 3 + 2/log2(3) + 1/2.
    const metrics = computeMetrics(before, judgments, { k: 3, gain: 'linear' });
    expect(metrics.precision).toBeCloseTo(2 / 3, 12);
    expect(metrics.recall).toBeCloseTo(2 / 3, 12);
    expect(metrics.rr).toBeCloseTo(1 / 2, 12);
    expect(metrics.ap).toBeCloseTo(53 / 90, 12);
    expect(metrics.ndcg).toBeCloseTo((1 / Math.log2(3) + 1) / (3 + 2 / Math.log2(3) + 0.5), 12); // ≈ 0.3425
    // After, __proto__ (grade 3) is first: RR = 1, and relevant at ranks 1, 3, 4: AP = (1/1 + 2/3 + 3/4) / 3 = 29/36.
    const reranked = computeMetrics(after, judgments, { k: 3, gain: 'linear' });
    expect(reranked.rr).toBe(1);
    expect(reranked.ap).toBeCloseTo(29 / 36, 12);
    // nDCG@3: ranked grades 3, 0, 2: (3 + 0 + 2/2) / (3 + 2/log2(3) + 1/2).
    expect(reranked.ndcg).toBeCloseTo(4 / (3 + 2 / Math.log2(3) + 0.5), 12); // ≈ 0.8400
  });

  it('move between rankings: up, down, same, not reranked and new', () => {
    // __proto__ 5 → 1 (up 4), plain 1 → 5 (down 4), constructor 3 → 3, toString 4 → 2 (up 2), hasOwnProperty 2 → 4 (down 2).
    expect(rankMoves(before, after)).toEqual(new Map([
      ['plain', { kind: 'down', by: 4 }], ['hasOwnProperty', { kind: 'down', by: 2 }], ['constructor', { kind: 'same', by: 0 }],
      ['toString', { kind: 'up', by: 2 }], ['__proto__', { kind: 'up', by: 4 }],
    ]));
    // Only after's top 3 (__proto__, toString, constructor) was reranked: plain and hasOwnProperty were not.
    const moves = rankMoves(before, topN(after, 3));
    expect(moves.get('plain')).toEqual({ kind: 'not reranked' });
    expect(moves.get('hasOwnProperty')).toEqual({ kind: 'not reranked' });
    expect(moves.get('__proto__')).toEqual({ kind: 'up', by: 4 });
    // Before's top 3 is plain, hasOwnProperty, constructor: toString and __proto__ are new to it.
    expect(rankMoves(topN(before, 3), after).get('__proto__')).toEqual({ kind: 'new' });
    expect(rankMoves(topN(before, 3), after).get('toString')).toEqual({ kind: 'new' });
  });

  it('move as the badges read it (movesOfRanked): one entry per id after ranks', () => {
    expect(movesOfRanked(before, topN(after, 3))).toEqual(new Map([['__proto__', { kind: 'up', by: 4 }], ['toString', { kind: 'up', by: 2 }], ['constructor', { kind: 'same', by: 0 }]]));
    const fromTop3 = movesOfRanked(topN(before, 3), after);
    expect(fromTop3.get('__proto__')).toEqual({ kind: 'new' });
    expect(fromTop3.get('toString')).toEqual({ kind: 'new' });
    expect(fromTop3.get('hasOwnProperty')).toEqual({ kind: 'down', by: 2 });
  });

  it('survive a qrels round trip, as document ids and as the query id', () => {
    const text = formatQrels(judgments, 'toString');
    // Sorted by UTF-16 code units: '_' (0x5F) < 'c' < 'h' < 't'.
    expect(text).toBe('toString 0 __proto__ 3\ntoString 0 constructor 2\ntoString 0 hasOwnProperty 1\ntoString 0 toString 0\n');
    const known = new Set(candidates.map((candidate) => candidate.id));
    const parsed = parseQrels(text, known);
    expect(parsed.queryId).toBe('toString');
    expect(parsed.judgments).toEqual(judgments);
    expect(parsed.skipped).toEqual([]);
    // __proto__ as the query asked for, among other queries; valueOf is a document the app does not know.
    const several = parseQrels('constructor 0 __proto__ 1\n__proto__ 0 toString 2\n__proto__ 0 valueOf 1\n', known, '__proto__');
    expect(several.judgments).toEqual(new Map([['toString', 2]]));
    expect(several.queryIds).toEqual(['constructor', '__proto__']);
    expect(several.notes).toEqual(["The file holds 2 queries (constructor, __proto__). Using '__proto__'; 1 line for other queries was left out."]);
    expect(several.skipped).toEqual([{ line: 3, text: '__proto__ 0 valueOf 1', reason: "unknown id 'valueOf'" }]);
  });

  it('count toward the recall ceiling, ranked and never retrieved', () => {
    // Top 2 of before: plain, hasOwnProperty. Relevant: hasOwnProperty (rank 2), constructor (3), __proto__ (5) and
    // valueOf (never retrieved): 4. In the top 2: 1. Recall@3 counts rank 3 (constructor, relevant) as it stands:
    // best Recall@min(3, 2) = min(3, 1) / 4 = 0.25; best Recall@3 = (1 + 1) / 4 = 0.5.
    const withValueOf: Judgments = new Map([...judgments, ['valueOf', 1]]);
    const ceiling = recallCeiling(before, withValueOf, 2, 3);
    expect(ceiling.outOfReach).toEqual([{ id: 'constructor', firstStageRank: 3 }, { id: '__proto__', firstStageRank: 5 }, { id: 'valueOf', firstStageRank: null }]);
    expect(ceiling.relevantInTopN).toBe(1);
    expect(ceiling.totalRelevant).toBe(4);
    expect(ceiling.countedBelowCut).toEqual({ fromRank: 3, toRank: 3, relevant: 1 });
    expect(ceiling.bestRecallWithinTopN).toBe(0.25);
    expect(ceiling.bestRecallAtK).toBe(0.5);
    const notice = describeRecallCeiling(ceiling) ?? '';
    expect(notice).toContain('below the top-2 cut, which the reranker never sees: constructor (first-stage rank 3), __proto__ (first-stage rank 5).');
    expect(notice).toContain('never retrieved: valueOf.');
  });

  it('appear in the change summary and its sentences', () => {
    const summary = summarizeChange(before, after, judgments);
    // Top 3 before: plain, hasOwnProperty, constructor; after: __proto__, toString, constructor.
    expect(summary.movedIntoTop3).toEqual(['__proto__', 'toString']);
    expect(summary.movedIntoTop10).toEqual([]);
    expect(summary.biggestRiser).toEqual({ id: '__proto__', from: 5, to: 1 });
    expect(summary.biggestFaller).toEqual({ id: 'plain', from: 1, to: 5 });
    // toString rose too, but is judged 0; plain fell, but is unjudged.
    expect(summary.relevantRose).toEqual([{ id: '__proto__', from: 5, to: 1, grade: 3 }]);
    expect(summary.relevantFell).toEqual([{ id: 'hasOwnProperty', from: 2, to: 4, grade: 1 }]);
    expect(describeChange(summary)).toEqual([
      '2 documents moved into the top 3: __proto__, toString.',
      'Biggest riser: __proto__, from #5 to #1.',
      'Biggest faller: plain, from #1 to #5.',
      'Relevant document that rose: __proto__ (#5 \u2192 #1).',
      'Relevant document that fell: hasOwnProperty (#2 \u2192 #4).',
    ]);
  });
});
