/**
 * "What changed, in words": compares a ranking before and after reranking.
 * Ranks are the entries' own `rank` fields (1-based). Only documents present in both
 * rankings can rise or fall; one missing from `after` (not reranked) is ignored.
 * Relevance follows metrics.ts: grade >= 1 is relevant.
 */
import { isRelevant } from './metrics';
import { findFirstEntries, rankingIndex } from './rankingIndex';
import type { Judgments, RankedEntry, Ranking } from './types';

export interface RankMove {
  id: string;
  /** Rank in `before`. */
  from: number;
  /** Rank in `after`. */
  to: number;
}

export interface RelevantMove extends RankMove {
  grade: number;
}

export interface ChangeSummary {
  /** In after's top 3 but not in before's, in after's order. */
  movedIntoTop3: string[];
  /** In after's top 10 but not in before's, in after's order. */
  movedIntoTop10: string[];
  /** The largest climb (from − to > 0); ties go to the earlier input position. */
  biggestRiser: RankMove | null;
  /** The largest drop (to − from > 0); ties go to the earlier input position. */
  biggestFaller: RankMove | null;
  /** Judged-relevant documents that rose, in after's order. */
  relevantRose: RelevantMove[];
  /** Judged-relevant documents that fell, in after's order. */
  relevantFell: RelevantMove[];
}

function byRank(a: RankedEntry, b: RankedEntry): number {
  return a.rank - b.rank || a.index - b.index;
}

/** In after's top ranks but not in before's (by each id's first entry), in after's order. */
function newlyWithin(before: ReadonlyMap<string, RankedEntry>, afterInOrder: readonly RankedEntry[], topRanks: number): string[] {
  const wasWithin = (id: string): boolean => {
    const earlier = before.get(id);
    return earlier !== undefined && earlier.rank <= topRanks;
  };
  return afterInOrder.filter((entry) => entry.rank <= topRanks && !wasWithin(entry.id)).map((entry) => entry.id);
}

interface Move extends RankMove {
  index: number;
}

/** The move with the largest `distance`, if positive; ties go to the lower input index. */
function largestMove(moves: readonly Move[], distance: (move: Move) => number): RankMove | null {
  let best: Move | null = null;
  for (const move of moves) {
    if (distance(move) <= 0) continue;
    if (best === null || distance(move) > distance(best) || (distance(move) === distance(best) && move.index < best.index)) {
      best = move;
    }
  }
  return best === null ? null : { id: best.id, from: best.from, to: best.to };
}

export function summarizeChange(before: Ranking, after: Ranking, judgments: Judgments): ChangeSummary {
  // Before is often a first stage of 50,000 documents: only the entries of after's documents are looked up.
  const afterInOrder = [...rankingIndex(after).firstEntries].sort(byRank);
  const beforeById = findFirstEntries(before, new Set(afterInOrder.map((entry) => entry.id)));
  const moves: Move[] = afterInOrder.flatMap((entry) => {
    const earlier = beforeById.get(entry.id);
    return earlier === undefined ? [] : [{ id: entry.id, from: earlier.rank, to: entry.rank, index: entry.index }];
  });
  const relevantMoves = (direction: (move: Move) => boolean): RelevantMove[] =>
    moves
      .filter((move) => direction(move) && isRelevant(judgments.get(move.id)))
      .map((move) => ({ id: move.id, from: move.from, to: move.to, grade: judgments.get(move.id) ?? 0 }));
  return {
    movedIntoTop3: newlyWithin(beforeById, afterInOrder, 3),
    movedIntoTop10: newlyWithin(beforeById, afterInOrder, 10),
    biggestRiser: largestMove(moves, (move) => move.from - move.to),
    biggestFaller: largestMove(moves, (move) => move.to - move.from),
    relevantRose: relevantMoves((move) => move.to < move.from),
    relevantFell: relevantMoves((move) => move.to > move.from),
  };
}

/** How many ids a sentence names before it says "and N more". */
const NAMED_IDS = 5;

function listOf(items: readonly string[]): string {
  const named = items.slice(0, NAMED_IDS);
  const rest = items.length - named.length;
  return rest > 0 ? `${named.join(', ')} and ${rest} more` : named.join(', ');
}

function movedInto(ids: readonly string[], top: number): string | null {
  if (ids.length === 0) return null;
  const subject = ids.length === 1 ? '1 document' : `${ids.length} documents`;
  return `${subject} moved into the top ${top}: ${listOf(ids)}.`;
}

function extreme(label: string, move: RankMove | null): string | null {
  return move === null ? null : `${label}: ${move.id}, from #${move.from} to #${move.to}.`;
}

function relevantList(moves: readonly RelevantMove[], verb: 'rose' | 'fell'): string | null {
  if (moves.length === 0) return null;
  const subject = moves.length === 1 ? 'Relevant document' : 'Relevant documents';
  return `${subject} that ${verb}: ${listOf(moves.map((move) => `${move.id} (#${move.from} \u2192 #${move.to})`))}.`;
}

/** Short English sentences for the summary, or "The order did not change." */
export function describeChange(summary: ChangeSummary): string[] {
  const sentences = [
    movedInto(summary.movedIntoTop3, 3),
    movedInto(summary.movedIntoTop10, 10),
    extreme('Biggest riser', summary.biggestRiser),
    extreme('Biggest faller', summary.biggestFaller),
    relevantList(summary.relevantRose, 'rose'),
    relevantList(summary.relevantFell, 'fell'),
  ].filter((sentence): sentence is string => sentence !== null);
  return sentences.length === 0 ? ['The order did not change.'] : sentences;
}
