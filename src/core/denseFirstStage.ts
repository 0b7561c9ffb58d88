/**
 * Dense and hybrid first stages over one query's candidates: cosine between the query's embedding and each
 * document's, and the fusion of that order with BM25's (RRF or a weighted sum of min-max-normalized scores).
 * The vectors come from a bi-encoder elsewhere; this file only does the arithmetic, so tests can reach it.
 */
import { RRF_DEFAULT_K, rrf, weightedFusion, type FusedScore } from './fusion';
import { rankByScore } from './ranking';
import type { Candidate, Ranking } from './types';

export type HybridMethod = 'rrf' | 'weighted';

export interface HybridSettings {
  method: HybridMethod;
  /** RRF's k: 60 in the paper; larger flattens the gap between top and lower ranks. */
  k: number;
  /** The weighted sum's share of BM25, 0..1 (1 is BM25's order, 0 is the dense order). */
  weight: number;
}

export const defaultHybrid: HybridSettings = { method: 'rrf', k: RRF_DEFAULT_K, weight: 0.5 };

/**
 * cos(a, b) = a·b / (|a| |b|). Computed in full rather than as a dot product, so it is a cosine even when
 * the embedder did not normalize. A zero vector has no direction: NaN (shown as "no score", ranked last).
 */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`cosine: vectors of ${a.length} and ${b.length} dimensions`);
  let dot = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    aa += x * x;
    bb += y * y;
  }
  return aa === 0 || bb === 0 ? Number.NaN : dot / Math.sqrt(aa * bb);
}

/** The cosine of each document vector with the query vector, `result[i]` for `documents[i]`. */
export function cosineScores(query: ArrayLike<number>, documents: readonly ArrayLike<number>[]): Float64Array {
  return Float64Array.from(documents, (doc) => cosine(query, doc));
}

/** The dense first stage: candidates by cosine, highest first, ties in input order (the app's tie rule). */
export function denseRanking(candidates: readonly Candidate[], cosines: ArrayLike<number>): Ranking {
  return rankByScore(candidates, cosines, 'cosine');
}

/**
 * The hybrid first stage of BM25 and dense scores (`bm25[i]`, `dense[i]` for `candidates[i]`).
 * - RRF fuses the two lists (each sorted with the app's tie rule), BM25's first, so an RRF tie goes to BM25's order.
 *   BM25's list holds only the documents that match a query term (score > 0), as a search engine returns only
 *   matches: otherwise the order of the non-matching ones (input order) would leak into the fused scores.
 * - The weighted sum takes `weight` of BM25 and the rest of cosine, each min-max normalized over the candidates.
 * A NaN cosine (zero vector) leaves that document out of the dense side; it still gets its BM25 share.
 */
export function hybridRanking(candidates: readonly Candidate[], bm25: ArrayLike<number>, dense: ArrayLike<number>, settings: HybridSettings): Ranking {
  if (bm25.length !== candidates.length || dense.length !== candidates.length) {
    throw new RangeError(`hybridRanking: ${bm25.length} BM25 and ${dense.length} dense scores for ${candidates.length} candidates`);
  }
  let fused: FusedScore[];
  if (settings.method === 'rrf') {
    const ids = (ranking: Ranking, kept: (score: number) => boolean) => ({ ids: ranking.entries.filter((e) => kept(e.score)).map((e) => e.id) });
    const matched = ids(rankByScore(candidates, bm25, 'BM25'), (score) => score > 0);
    fused = rrf([matched, ids(denseRanking(candidates, dense), (score) => !Number.isNaN(score))], settings.k);
  } else {
    // Inserted in input order: the fusion's tie rule then falls back to input order, as everywhere else.
    const sideOf = (scores: ArrayLike<number>) => {
      const side = new Map<string, number>();
      candidates.forEach((c, i) => {
        const score = scores[i] as number;
        if (Number.isFinite(score)) side.set(c.id, score);
      });
      return side;
    };
    fused = weightedFusion(sideOf(bm25), sideOf(dense), settings.weight);
  }
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const entries = fused.flatMap((f, i) => {
    const candidate = byId.get(f.id);
    return candidate ? [{ id: f.id, rank: i + 1, score: f.score, index: candidate.index }] : [];
  });
  // A candidate neither side scored (both NaN) still belongs in the list: last, in input order.
  const placed = new Set(entries.map((e) => e.id));
  for (const c of candidates) if (!placed.has(c.id)) entries.push({ id: c.id, rank: entries.length + 1, score: Number.NaN, index: c.index });
  return { scoreKind: settings.method === 'rrf' ? 'RRF' : 'weighted sum', entries };
}
