import { describe, expect, it } from 'vitest';
import {
  barFraction,
  firstStageRanking,
  formatRankMove,
  minimumBarFraction,
  rankByScore,
  movesOfRanked,
  rankMoves,
  scoreRange,
  topCandidates,
  topN,
} from './ranking';
import type { Candidate, Ranking, ScoreKind } from './types';

function candidates(...scores: (number | undefined)[]): Candidate[] {
  return scores.map((score, index) => ({ id: `d${index}`, text: `text ${index}`, index, ...(score === undefined ? {} : { score }) }));
}

const ids = (ranking: Ranking) => ranking.entries.map((e) => e.id);

function rankingOf(order: string[], scoreKind: ScoreKind = 'raw logit'): Ranking {
  return { scoreKind, entries: order.map((id, i) => ({ id, rank: i + 1, score: 10 - i, index: Number(id.slice(1)) })) };
}

describe('rankByScore', () => {
  it('puts the highest score first and numbers ranks from 1', () => {
    const ranking = rankByScore(candidates(), [], 'BM25');
    expect(ranking).toEqual({ scoreKind: 'BM25', entries: [] });
    const three = rankByScore(candidates(undefined, undefined, undefined), [0.2, 0.9, -1], 'raw logit');
    expect(three.entries).toEqual([
      { id: 'd1', rank: 1, score: 0.9, index: 1 },
      { id: 'd0', rank: 2, score: 0.2, index: 0 },
      { id: 'd2', rank: 3, score: -1, index: 2 },
    ]);
  });

  it('breaks ties by input order, lower index first, wherever the tied candidates sit', () => {
    // d0..d4 scored 1, 3, 1, 3, 1: the 3s in input order (d1, d3), then the 1s (d0, d2, d4).
    expect(ids(rankByScore(candidates(0, 0, 0, 0, 0), [1, 3, 1, 3, 1], 'BM25'))).toEqual(['d1', 'd3', 'd0', 'd2', 'd4']);
    // The rule follows candidate.index, not array position: reversed array, same result.
    const reversed = candidates(0, 0, 0).reverse(); // d2, d1, d0
    expect(ids(rankByScore(reversed, [5, 5, 5], 'BM25'))).toEqual(['d0', 'd1', 'd2']);
  });

  it('sorts NaN last, in input order, and keeps infinities in their place', () => {
    const ranking = rankByScore(candidates(0, 0, 0, 0, 0), [Number.NaN, 2, Number.NaN, -Infinity, Infinity], 'raw logit');
    expect(ids(ranking)).toEqual(['d4', 'd1', 'd3', 'd0', 'd2']);
  });

  it('refuses scores that do not line up with the candidates', () => {
    expect(() => rankByScore(candidates(1, 2), [1], 'BM25')).toThrow(RangeError);
  });
});

describe('firstStageRanking', () => {
  it("'supplied' ranks by the retriever's score, then the unscored in input order with NaN", () => {
    const ranking = firstStageRanking(candidates(undefined, 0.5, 0.9, undefined, 0.5), 'supplied');
    expect(ranking.scoreKind).toBe('retriever score');
    expect(ids(ranking)).toEqual(['d2', 'd1', 'd4', 'd0', 'd3']);
    expect(ranking.entries.map((e) => e.score)).toEqual([0.9, 0.5, 0.5, Number.NaN, Number.NaN]);
  });

  it("'input' keeps input order and shows the 1-based position as the score", () => {
    const ranking = firstStageRanking(candidates(0.1, 0.9, 0.5), 'input');
    expect(ranking.scoreKind).toBe('input order');
    expect(ranking.entries).toEqual([
      { id: 'd0', rank: 1, score: 1, index: 0 },
      { id: 'd1', rank: 2, score: 2, index: 1 },
      { id: 'd2', rank: 3, score: 3, index: 2 },
    ]);
  });

  it("'bm25' ranks by the BM25 scores it is given, ignoring supplied ones", () => {
    const ranking = firstStageRanking(candidates(0.9, 0.1, 0.5), 'bm25', [0, 2.5, 2.5]);
    expect(ranking.scoreKind).toBe('BM25');
    expect(ids(ranking)).toEqual(['d1', 'd2', 'd0']);
  });
});

describe('topN and topCandidates', () => {
  const ranking = rankByScore(candidates(0, 0, 0, 0), [1, 4, 3, 2], 'BM25'); // d1 d2 d3 d0

  it('cuts the ranking after n entries, clamping n', () => {
    expect(ids(topN(ranking, 2))).toEqual(['d1', 'd2']);
    expect(ids(topN(ranking, 2.9))).toEqual(['d1', 'd2']);
    expect(ids(topN(ranking, 10))).toEqual(['d1', 'd2', 'd3', 'd0']);
    expect(ids(topN(ranking, -1))).toEqual([]);
    expect(topN(ranking, 1).scoreKind).toBe('BM25');
  });

  it('hands over the candidates themselves, in ranking order', () => {
    expect(topCandidates(ranking, candidates(0, 0, 0, 0), 3).map((c) => c.text)).toEqual(['text 1', 'text 2', 'text 3']);
  });
});

describe('rankMoves and formatRankMove', () => {
  // before: d0 d1 d2 d3 d4; the reranker saw the top 3 and returned d2 d0 d1, plus a d9 it was not shown before.
  const before = rankingOf(['d0', 'd1', 'd2', 'd3', 'd4']);
  const after = rankingOf(['d2', 'd0', 'd1', 'd9']);
  const moves = rankMoves(before, after);

  it('measures each move as before rank minus after rank', () => {
    expect(moves.get('d2')).toEqual({ kind: 'up', by: 2 }); // 3 -> 1
    expect(moves.get('d0')).toEqual({ kind: 'down', by: 1 }); // 1 -> 2
    expect(moves.get('d1')).toEqual({ kind: 'down', by: 1 }); // 2 -> 3
    expect(moves.get('d3')).toEqual({ kind: 'not reranked' });
    expect(moves.get('d4')).toEqual({ kind: 'not reranked' });
    expect(moves.get('d9')).toEqual({ kind: 'new' });
    expect(moves.size).toBe(6);
  });

  it('movesOfRanked gives the same moves for the documents after ranks, and none for the others', () => {
    const ranked = movesOfRanked(before, after);
    expect([...ranked.keys()]).toEqual(['d2', 'd0', 'd1', 'd9']);
    for (const [id, move] of ranked) expect(move).toEqual(moves.get(id));
  });

  it('movesOfRanked agrees with rankMoves on random reorderings of a random top N', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let trial = 0; trial < 200; trial++) {
      const count = 1 + Math.floor(next() * 40);
      const first = Array.from({ length: count }, (_, i) => `d${i}`);
      const top = first.slice(0, Math.floor(next() * (count + 1)));
      const shuffled = [...top, ...(next() < 0.3 ? ['d99'] : [])].sort(() => next() - 0.5);
      const reference = rankMoves(rankingOf(first), rankingOf(shuffled));
      const ranked = movesOfRanked(rankingOf(first), rankingOf(shuffled));
      expect(ranked.size).toBe(shuffled.length);
      for (const id of shuffled) expect(ranked.get(id)).toEqual(reference.get(id));
    }
  });

  it('calls a document that kept its rank unchanged', () => {
    expect(rankMoves(before, rankingOf(['d0', 'd2', 'd1'])).get('d0')).toEqual({ kind: 'same', by: 0 });
  });

  it('writes marks and accessible labels, with singular and plural places', () => {
    expect(formatRankMove({ kind: 'up', by: 2 })).toEqual({ text: '▲2', label: 'up 2 places' });
    expect(formatRankMove({ kind: 'up', by: 1 })).toEqual({ text: '▲1', label: 'up 1 place' });
    expect(formatRankMove({ kind: 'down', by: 1 })).toEqual({ text: '▼1', label: 'down 1 place' });
    expect(formatRankMove({ kind: 'down', by: 12 })).toEqual({ text: '▼12', label: 'down 12 places' });
    expect(formatRankMove({ kind: 'same', by: 0 })).toEqual({ text: '=', label: 'unchanged' });
    expect(formatRankMove({ kind: 'not reranked' }).label).toBe('not reranked');
    expect(formatRankMove({ kind: 'new' }).label).toBe('new in this ranking');
  });
});

describe('scoreRange and barFraction', () => {
  const withScores = (scoreKind: ScoreKind, scores: number[]): Ranking => ({
    scoreKind,
    entries: scores.map((score, i) => ({ id: `d${i}`, rank: i + 1, score, index: i })),
  });
  const floor = minimumBarFraction; // 0.05

  it('scales non-negative scores from zero, so 0 gets no bar', () => {
    const range = scoreRange(withScores('BM25', [8, 2, 0]));
    expect(range).toEqual({ min: 0, max: 8, scale: 'from zero' });
    expect(barFraction(8, range)).toBe(1);
    expect(barFraction(2, range)).toBe(0.25); // 2 / 8
    expect(barFraction(0, range)).toBe(0);
  });

  it('maps logits min..max onto floor..1, even when all are negative', () => {
    const range = scoreRange(withScores('raw logit', [-2, -6, -10]));
    expect(range).toEqual({ min: -10, max: -2, scale: 'min to max' });
    expect(barFraction(-2, range)).toBe(1);
    expect(barFraction(-10, range)).toBe(floor);
    // -6 is halfway: 0.05 + 0.95 * (4 / 8) = 0.525
    expect(barFraction(-6, range)).toBeCloseTo(0.525, 12);
  });

  it('treats logits as min..max even when they are all positive', () => {
    const range = scoreRange(withScores('raw logit', [3, 1]));
    expect(range.scale).toBe('min to max');
    expect(barFraction(1, range)).toBe(floor);
  });

  it('uses min..max for retriever scores that go negative (e.g. cosine)', () => {
    const range = scoreRange(withScores('retriever score', [0.5, -0.5]));
    expect(range.scale).toBe('min to max');
    // 0 is halfway: 0.05 + 0.95 * 0.5 = 0.525
    expect(barFraction(0, range)).toBeCloseTo(0.525, 12);
  });

  it('draws input positions with position 1 full and the last at the floor', () => {
    const range = scoreRange(withScores('input order', [1, 2, 3, 4, 5]));
    expect(range.scale).toBe('lower is better');
    expect(barFraction(1, range)).toBe(1);
    expect(barFraction(5, range)).toBe(floor);
    // 2 is a quarter of the way: 0.05 + 0.95 * (1 - 1/4) = 0.7625
    expect(barFraction(2, range)).toBeCloseTo(0.7625, 12);
  });

  it('gives equal scores equal full bars, and all-zero scores none', () => {
    expect(barFraction(-3, scoreRange(withScores('raw logit', [-3, -3])))).toBe(1);
    expect(barFraction(0.7, scoreRange(withScores('relevance score', [0.7, 0.7])))).toBe(1);
    expect(barFraction(0, scoreRange(withScores('BM25', [0, 0])))).toBe(0);
  });

  it('ignores missing scores in the range and gives them no bar', () => {
    const range = scoreRange(withScores('retriever score', [0.9, Number.NaN, 0.3]));
    expect(range).toEqual({ min: 0.3, max: 0.9, scale: 'from zero' });
    expect(barFraction(Number.NaN, range)).toBe(0);
    expect(scoreRange(withScores('BM25', []))).toEqual({ min: 0, max: 0, scale: 'from zero' });
  });
});

describe('rankByScore ties and missing scores, with candidates in input order and out of it', () => {
  // Scores: a 1, b NaN, c 0, d 1, e -0, f -Infinity, g NaN. Highest first; 1 = 1 and 0 = -0 are ties kept in
  // input order; -Infinity is a score, so it comes before the NaNs, which follow in input order: a d c e f b g.
  const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  const scores = [1, Number.NaN, 0, 1, -0, Number.NEGATIVE_INFINITY, Number.NaN];
  it('in input order', () => {
    const candidates = ids.map((id, index) => ({ id, text: id, index }));
    expect(rankByScore(candidates, scores, 'BM25').entries.map((e) => e.id)).toEqual(['a', 'd', 'c', 'e', 'f', 'b', 'g']);
  });
  it('out of input order: ties go by index, not by position', () => {
    // Indexes reversed: g is input 0 ... a is input 6, so within a tie the later position comes first: d a e c f g b.
    const candidates = ids.map((id, i) => ({ id, text: id, index: ids.length - 1 - i }));
    expect(rankByScore(candidates, scores, 'BM25').entries.map((e) => e.id)).toEqual(['d', 'a', 'e', 'c', 'f', 'g', 'b']);
  });
});
