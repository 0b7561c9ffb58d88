/**
 * Rankings: sorting scores (with one tie rule everywhere), the first stage, the top-N cut,
 * rank moves between two rankings, and bar lengths for showing scores.
 */
import { findFirstEntries } from './rankingIndex';
import type { Candidate, RankedEntry, Ranking, ScoreKind } from './types';

/** Where the first-stage order comes from. 'dense': cosine of bi-encoder embeddings; 'hybrid': BM25 and dense fused (RRF or a weighted sum). */
export type FirstStageSource = 'supplied' | 'input' | 'bm25' | 'dense' | 'hybrid';

/**
 * Highest score first. Tie rule: equal scores keep input order (lower `candidate.index` first).
 * NaN sorts last, also in input order. `scores[i]` belongs to `candidates[i]`.
 */
export function rankByScore(candidates: readonly Candidate[], scores: ArrayLike<number>, scoreKind: ScoreKind): Ranking {
  if (scores.length !== candidates.length) {
    throw new RangeError(`rankByScore: ${scores.length} scores for ${candidates.length} candidates`);
  }
  const keys = Float64Array.from(scores);
  const known = knownOrders.get(scores);
  const order = known && known.length === candidates.length ? known : rankingOrder(candidates, keys);
  const entries: RankedEntry[] = Array.from(order, (position, rankIndex) => {
    const candidate = candidates[position] as Candidate;
    return { id: candidate.id, rank: rankIndex + 1, score: keys[position] as number, index: candidate.index };
  });
  return { scoreKind, entries };
}

/**
 * Ranking orders computed elsewhere, by the scores they sort: the compute worker ranks a large paste's BM25 scores
 * with rankingPositions, off the main thread, and the page's rankByScore of those very scores then skips the sort.
 */
const knownOrders = new WeakMap<object, Uint32Array>();

/** Positions of `candidates` in ranking order (rankByScore's order and tie rule), for rememberRankingPositions. */
export function rankingPositions(candidates: readonly Candidate[], scores: ArrayLike<number>): Uint32Array {
  if (scores.length !== candidates.length) throw new RangeError(`rankingPositions: ${scores.length} scores for ${candidates.length} candidates`);
  return rankingOrder(candidates, Float64Array.from(scores));
}

/** Records `positions` (from rankingPositions over the same candidates) as the order of `scores`. */
export function rememberRankingPositions(scores: Float64Array, positions: Uint32Array): void {
  if (positions.length === scores.length) knownOrders.set(scores, positions);
}

/** Positions of `candidates` in ranking order (see rankByScore). */
function rankingOrder(candidates: readonly Candidate[], keys: Float64Array): Uint32Array {
  const count = candidates.length;
  let inInputOrder = true;
  for (let i = 1; i < count && inInputOrder; i++) inInputOrder = (candidates[i] as Candidate).index > (candidates[i - 1] as Candidate).index;
  if (!inInputOrder) {
    const inputIndex = Float64Array.from(candidates, (c) => c.index);
    const order = Uint32Array.from(candidates, (_, i) => i);
    return order.sort((a, b) => compareScores(keys[a] as number, keys[b] as number) || (inputIndex[a] as number) - (inputIndex[b] as number));
  }
  // Candidates in input order (the usual case): a native sort of the negated scores (NaN still sorts last), then
  // each position, in input order, into the next free place of its score's run, found by binary search. At 50,000
  // candidates that is several times faster than a comparator sort. The search's `<` equates 0 and -0, as
  // compareScores does.
  const sorted = keys.map((k) => -k).sort();
  let scored = count;
  while (scored > 0 && Number.isNaN(sorted[scored - 1])) scored--;
  const placed = new Uint32Array(count);
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const key = -(keys[i] as number);
    let low = 0;
    if (Number.isNaN(key)) low = scored;
    else {
      let high = scored;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if ((sorted[mid] as number) < key) low = mid + 1;
        else high = mid;
      }
    }
    order[low + (placed[low] as number)] = i;
    placed[low] = (placed[low] as number) + 1;
  }
  return order;
}

/** Highest first, NaN last; 0 for equal scores (and for two NaNs), leaving the tie to input order. */
function compareScores(a: number, b: number): number {
  const aMissing = Number.isNaN(a);
  const bMissing = Number.isNaN(b);
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  return a === b ? 0 : b > a ? 1 : -1;
}

/**
 * The first stage's ranking.
 * - 'supplied': by `candidate.score` (a retriever's score); candidates without one follow, in input order,
 *   with score NaN (show it as "no score").
 * - 'input': input order; the score is the 1-based input position (ScoreKind 'input order').
 * - 'bm25': by the given BM25 scores, `bm25Scores[i]` for `candidates[i]`.
 */
export function firstStageRanking(candidates: readonly Candidate[], source: 'supplied' | 'input'): Ranking;
export function firstStageRanking(candidates: readonly Candidate[], source: 'bm25', bm25Scores: ArrayLike<number>): Ranking;
export function firstStageRanking(
  candidates: readonly Candidate[],
  source: 'supplied' | 'input' | 'bm25',
  bm25Scores?: ArrayLike<number>,
): Ranking {
  switch (source) {
    case 'supplied':
      return rankByScore(candidates, candidates.map((c) => c.score ?? Number.NaN), 'retriever score');
    case 'input': {
      // Ascending position: negate so that rankByScore's "highest first" puts index 0 first.
      const byInput = rankByScore(candidates, candidates.map((c) => -c.index), 'input order');
      return { ...byInput, entries: byInput.entries.map((e) => ({ ...e, score: e.index + 1 })) };
    }
    case 'bm25':
      if (!bm25Scores) throw new TypeError("firstStageRanking: source 'bm25' needs the BM25 scores");
      return rankByScore(candidates, bm25Scores, 'BM25');
  }
}

/** The first `n` entries: what the reranker sees. `n` is floored and clamped to 0..length. */
export function topN(ranking: Ranking, n: number): Ranking {
  const count = Math.max(0, Math.min(ranking.entries.length, Math.floor(n)));
  return { scoreKind: ranking.scoreKind, entries: ranking.entries.slice(0, count) };
}

/** The candidates of the top `n` entries, in ranking order, ready to send to a reranker. */
export function topCandidates(ranking: Ranking, candidates: readonly Candidate[], n: number): Candidate[] {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return topN(ranking, n).entries.flatMap((entry) => {
    const candidate = byId.get(entry.id);
    return candidate ? [candidate] : [];
  });
}

export type RankMove =
  | { kind: 'up' | 'down' | 'same'; by: number }
  | { kind: 'not reranked' }
  | { kind: 'new' };

/**
 * How each document moved from `before` to `after`, keyed by id. `by` is the number of places (>= 0).
 * In `before` but not in `after`: 'not reranked' (below the top-N cut). Only in `after`: 'new'.
 */
export function rankMoves(before: Ranking, after: Ranking): Map<string, RankMove> {
  const afterRanks = new Map(after.entries.map((e) => [e.id, e.rank]));
  const moves = new Map<string, RankMove>();
  for (const entry of before.entries) {
    const afterRank = afterRanks.get(entry.id);
    if (afterRank === undefined) {
      moves.set(entry.id, { kind: 'not reranked' });
      continue;
    }
    const climb = entry.rank - afterRank;
    moves.set(entry.id, { kind: climb > 0 ? 'up' : climb < 0 ? 'down' : 'same', by: Math.abs(climb) });
  }
  for (const entry of after.entries) {
    if (!moves.has(entry.id)) moves.set(entry.id, { kind: 'new' });
  }
  return moves;
}

/**
 * rankMoves for the documents `after` ranks only ('new' where `before` lacks one): time in `after` (a top N), not
 * in a first stage of 50,000, on every streamed score. What the badges and the lines read; a document only
 * `before` ranks gets no entry, which both show as not reranked.
 */
export function movesOfRanked(before: Ranking, after: Ranking): Map<string, RankMove> {
  const earlierEntries = findFirstEntries(before, new Set(after.entries.map((e) => e.id)));
  const moves = new Map<string, RankMove>();
  for (const entry of after.entries) {
    if (moves.has(entry.id)) continue;
    const earlier = earlierEntries.get(entry.id);
    if (earlier === undefined) {
      moves.set(entry.id, { kind: 'new' });
      continue;
    }
    const climb = earlier.rank - entry.rank;
    moves.set(entry.id, { kind: climb > 0 ? 'up' : climb < 0 ? 'down' : 'same', by: Math.abs(climb) });
  }
  return moves;
}

/** A rank move as a short mark ("▲2") and words for screen readers ("up 2 places"). */
export interface FormattedRankMove {
  text: string;
  label: string;
}

const places = (n: number): string => `${n} ${n === 1 ? 'place' : 'places'}`;

export function formatRankMove(move: RankMove): FormattedRankMove {
  switch (move.kind) {
    case 'up':
      return { text: `▲${move.by}`, label: `up ${places(move.by)}` };
    case 'down':
      return { text: `▼${move.by}`, label: `down ${places(move.by)}` };
    case 'same':
      return { text: '=', label: 'unchanged' };
    case 'not reranked':
      return { text: '–', label: 'not reranked' };
    case 'new':
      return { text: 'new', label: 'new in this ranking' };
  }
}

/**
 * How a bar shows a score:
 * - 'from zero': length proportional to the score (BM25, relevance scores, non-negative retriever scores),
 *   so a score half the top one gets half the bar, and 0 gets none.
 * - 'min to max': min..max maps to a floor..1 (raw logits, negative retriever scores): a logit has no
 *   meaningful zero, only an order and distances, and the lowest still gets a sliver so it is visible.
 * - 'lower is better': like 'min to max' reversed (input position 1 gets the full bar).
 */
export type BarScale = 'from zero' | 'min to max' | 'lower is better';

export interface ScoreRange {
  /** The lowest and highest finite score; both 0 when there are none. */
  min: number;
  max: number;
  scale: BarScale;
}

/** The smallest bar drawn in the 'min to max' scales. */
export const minimumBarFraction = 0.05;

export function scoreRange(ranking: Ranking): ScoreRange {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const { score } of ranking.entries) {
    if (!Number.isFinite(score)) continue;
    if (score < min) min = score;
    if (score > max) max = score;
  }
  if (min > max) {
    min = 0;
    max = 0;
  }
  return { min, max, scale: barScaleFor(ranking.scoreKind, min) };
}

function barScaleFor(kind: ScoreKind, min: number): BarScale {
  if (kind === 'input order') return 'lower is better';
  if (kind === 'raw logit') return 'min to max';
  return min >= 0 ? 'from zero' : 'min to max';
}

/** A bar length in 0..1 for `score` within `range`. Non-finite scores (no score) get 0. */
export function barFraction(score: number, range: ScoreRange): number {
  if (!Number.isFinite(score)) return 0;
  if (range.scale === 'from zero') {
    return range.max > 0 ? clamp01(score / range.max) : 0;
  }
  // All scores equal: every bar full, as no document is worse than another.
  if (range.max === range.min) return 1;
  const position = (score - range.min) / (range.max - range.min);
  const fromBest = range.scale === 'lower is better' ? 1 - position : position;
  return clamp01(minimumBarFraction + (1 - minimumBarFraction) * fromBest);
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
