import { rankByScore } from './ranking';
import type { Candidate, RankedEntry, Ranking, ScoreKind } from './types';

export interface RerankedOrder {
  /** The documents that have a reranker score, best first (ties by input order). */
  reranked: Ranking;
  /** Sent to the reranker but not scored yet (a run still streaming, or cancelled half-way). */
  pending: string[];
  /** Below the top-N cut: never seen by the reranker, listed in first-stage order. */
  notReranked: RankedEntry[];
}

/**
 * Puts a reranker's (possibly partial) scores in order beside the first stage it reranked.
 * `sentIds` are the candidates the reranker was given; anything else in the first stage is below the cut.
 */
export function rerankedOrder(
  firstStage: Ranking,
  candidatesById: ReadonlyMap<string, Candidate>,
  sentIds: readonly string[],
  scores: ReadonlyMap<string, number>,
  scoreKind: ScoreKind,
): RerankedOrder {
  const sent = new Set(sentIds);
  const scored: Candidate[] = [];
  const pending: string[] = [];
  for (const id of sentIds) {
    const candidate = candidatesById.get(id);
    if (!candidate) continue;
    if (!scores.has(id)) pending.push(id);
    else scored.push(candidate);
  }
  const reranked = rankByScore(
    scored,
    scored.map((c) => scores.get(c.id) ?? Number.NaN),
    scoreKind,
  );
  const notReranked = firstStage.entries.filter((e) => !sent.has(e.id));
  return { reranked, pending, notReranked };
}

/**
 * The whole list a reader sees in a reranked column: the reranked documents, then those below the cut in
 * first-stage order, ranked 1..n. Documents still pending (a run in flight) are left out. Metrics and rank
 * correlations are computed on this list, so the documents the reranker never saw count where they sit.
 */
export function finalRanking(order: RerankedOrder): Ranking {
  const entries = [...order.reranked.entries, ...order.notReranked].map((entry, i) => ({ ...entry, rank: i + 1 }));
  return { scoreKind: order.reranked.scoreKind, entries };
}
