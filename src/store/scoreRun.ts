import type { Candidate } from '../core/types';
import type { ScoreCache } from '../rerankers/cache';
import { scoreKeys } from '../rerankers/cacheKey';
import type { Reranker, RerankError, RerankOutcome, RerankProgress } from '../rerankers/types';

/** A reranker outcome, as the runner hands it back: every candidate's score (cached or new), by id. */
export interface ScoredQuery {
  scores: Map<string, number>;
  /** The candidates whose scores were computed now (not read from the cache). */
  fresh: number;
  /** Freshly scored candidates whose text was cut to fit the model (unknown for cached ones). */
  truncated: string[];
  outcome: (RerankOutcome & { device?: string; dtype?: string }) | null;
}

export interface ScoreQueryOptions {
  reranker: Reranker;
  /** Every setting that changes the scores; null turns the cache off (BM25 needs none). */
  cacheSignature: string | null;
  cache: ScoreCache | null;
  signal: AbortSignal;
  onProgress?: (progress: RerankProgress) => void;
  /** New scores as they stream, by candidate id. */
  onScores?: (scores: ReadonlyMap<string, number>) => void;
}

/**
 * Scores one query's candidates: cached scores first, then the reranker for what is new only, and the new
 * scores go into the cache. A cache that fails degrades to scoring everything (the cache reports it).
 */
export async function scoreQuery(query: string, top: readonly Candidate[], options: ScoreQueryOptions): Promise<{ ok: true; value: ScoredQuery } | { ok: false; error: RerankError; scores: Map<string, number> }> {
  const { cache, cacheSignature } = options;
  const scores = new Map<string, number>();
  let keys: string[] = [];
  if (cache && cacheSignature !== null) {
    keys = await scoreKeys(cacheSignature, query, top.map((c) => c.text));
    const hits = await cache.getMany(keys);
    top.forEach((c, i) => {
      const hit = hits.get(keys[i] ?? '');
      if (hit !== undefined) scores.set(c.id, hit);
    });
    if (scores.size > 0) options.onScores?.(new Map(scores));
  }
  const missing = top.filter((c) => !scores.has(c.id));
  if (missing.length === 0) {
    options.onProgress?.({ scored: top.length, total: top.length });
    return { ok: true, value: { scores, fresh: 0, truncated: [], outcome: null } };
  }
  const cached = scores.size;
  const result = await options.reranker.rank(
    query,
    missing.map((c) => c.text),
    {
      signal: options.signal,
      onProgress: (p) => options.onProgress?.({ scored: cached + p.scored, total: top.length }),
      onPartial: (indices, batch) => {
        const byId = new Map<string, number>();
        indices.forEach((docIndex, k) => {
          const id = missing[docIndex]?.id;
          const score = batch[k];
          if (id !== undefined && score !== undefined && Number.isFinite(score)) byId.set(id, score);
        });
        for (const [id, score] of byId) scores.set(id, score);
        options.onScores?.(byId);
      },
    },
  );
  if (!result.ok) return { ok: false, error: result.error, scores };
  missing.forEach((c, i) => {
    const score = result.value.scores[i];
    if (score !== undefined && Number.isFinite(score)) scores.set(c.id, score);
  });
  if (cache && cacheSignature !== null) {
    const keyOf = new Map(top.map((c, i) => [c.id, keys[i] ?? '']));
    const entries: [string, number][] = [];
    for (const c of missing) {
      const score = scores.get(c.id);
      const key = keyOf.get(c.id);
      if (score !== undefined && key) entries.push([key, score]);
    }
    void cache.setMany(entries);
  }
  const truncated = missing.filter((_, i) => result.value.truncated?.[i]).map((c) => c.id);
  return { ok: true, value: { scores, fresh: missing.length, truncated, outcome: result.value } };
}
