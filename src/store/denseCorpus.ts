/**
 * Dense retrieval over a corpus set's whole corpus. A set imported from a corpus without a run (scoreKind
 * 'BM25') got BM25's top K per query at import; once every document and query is embedded, this step gives each
 * query the union of that list and dense's top K over the corpus (core/denseCorpusRetrieval.ts). The set is
 * replaced, not mutated: runs see new candidate ids in their signature and turn out of date. The BM25 set it
 * came from is remembered, so a second retrieval (another model) starts from BM25's list again, not from the
 * union (after a reload it is not known, and the stored union is the base). Scoring runs on the main thread in chunks, yielding whenever a chunk has taken a few milliseconds.
 */
import { TopK, scoreChunk, unionCandidates } from '../core/denseCorpusRetrieval';
import type { DenseFirstStageSettings } from '../core/denseSettings';
import type { QuerySet, SetQuery } from '../core/sets/types';
import type { Candidate } from '../core/types';
import { resolveDenseMemo } from './denseSelectors';
import { denseInput } from '../rerankers/denseCatalog';
import { cachedVector, resolveDense } from './denseVectors';

/** A set whose candidates came from BM25 over its corpus at import, which it kept whole. */
export const isCorpusSet = (set: QuerySet | null): boolean => set !== null && set.scoreKind === 'BM25';

const bm25SetOf = new WeakMap<QuerySet, QuerySet>();
/** The settings each retrieved set was retrieved with (retrievalKey), to tell when it is out of date. */
const retrievedWith = new WeakMap<QuerySet, string>();

/** Everything that changes what a retrieval returns: the vectors' settings, the prefixes, and K. */
function retrievalKey(dense: DenseFirstStageSettings, topK: number): string {
  // Memoized: the Embed button asks on every store change.
  const { key, prefixes } = resolveDenseMemo(dense);
  return JSON.stringify([key, prefixes.queryPrefix, prefixes.documentPrefix, Math.max(1, Math.floor(topK))]);
}

/**
 * Whether a corpus set's candidates are not (yet) dense's top K for these settings: never retrieved, or
 * retrieved with another model, prefix or K. A set reloaded from storage counts as never retrieved.
 */
export const corpusRetrievalStale = (set: QuerySet, dense: DenseFirstStageSettings, topK: number): boolean =>
  isCorpusSet(set) && retrievedWith.get(set) !== retrievalKey(dense, topK);

/** The set as imported (BM25's candidates), also after a dense retrieval replaced it. */
export const bm25Set = (set: QuerySet): QuerySet => bm25SetOf.get(set) ?? set;

/** Every text a corpus retrieval needs: each query and each corpus document, prefixes applied. */
export function corpusTextsToEmbed(dense: DenseFirstStageSettings, set: QuerySet): string[] {
  const { prefixes } = resolveDense(dense);
  const texts = new Set<string>();
  for (const text of set.documents.values()) texts.add(denseInput(prefixes, 'document', text));
  for (const q of set.queries) texts.add(denseInput(prefixes, 'query', q.text));
  return [...texts];
}

/** How long one chunk may hold the main thread before it yields (well under the 50 ms of a long task). */
const CHUNK_BUDGET_MS = 8;
const CHECK_EVERY = 256;

const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export type CorpusRetrieval = { ok: true; set: QuerySet } | { ok: false; reason: 'missing vectors' | 'cancelled' };

/**
 * Each query's candidates become BM25's top K plus dense's top K over the corpus (K = `topK`). Needs every
 * vector in the cache (a run embeds them first); `signal` stops it between chunks.
 */
export async function retrieveOverCorpus(set: QuerySet, dense: DenseFirstStageSettings, topK: number, signal?: AbortSignal): Promise<CorpusRetrieval> {
  const base = bm25Set(set);
  const { prefixes, key } = resolveDense(dense);
  const ids = [...base.documents.keys()];
  const vectors: Float32Array[] = [];
  for (const text of base.documents.values()) {
    const vector = cachedVector(key, denseInput(prefixes, 'document', text));
    if (!vector) return { ok: false, reason: 'missing vectors' };
    vectors.push(vector);
  }
  const k = Math.max(1, Math.floor(topK));
  const queries: SetQuery[] = [];
  let started = performance.now();
  for (const query of base.queries) {
    const queryVector = cachedVector(key, denseInput(prefixes, 'query', query.text));
    if (!queryVector) return { ok: false, reason: 'missing vectors' };
    const top = new TopK(k);
    for (let from = 0; from < vectors.length; from += CHECK_EVERY) {
      scoreChunk(top, queryVector, vectors, from, from + CHECK_EVERY);
      if (performance.now() - started > CHUNK_BUDGET_MS) {
        await yieldToPage();
        if (signal?.aborted) return { ok: false, reason: 'cancelled' };
        started = performance.now();
      }
    }
    const nearest = top.best().map((hit) => ids[hit.position] as string);
    queries.push({ ...query, candidates: unionCandidates(query.candidates, nearest) });
  }
  if (signal?.aborted) return { ok: false, reason: 'cancelled' };
  const retrieved: QuerySet = { ...base, queries };
  bm25SetOf.set(retrieved, base);
  retrievedWith.set(retrieved, retrievalKey(dense, topK));
  return { ok: true, set: retrieved };
}

const corpusBm25Cache = new WeakMap<readonly Candidate[], Float64Array>();

/**
 * BM25's side of Hybrid over a corpus set: the corpus-wide BM25 scores the import gave BM25's top K, not BM25
 * recomputed over the candidate pool (whose IDF would come from the pool alone). A candidate only dense found
 * has no BM25 score: 0, so RRF leaves it out of BM25's list. Cached per candidate list, for memoized callers.
 */
export function corpusBm25Scores(candidates: readonly Candidate[]): Float64Array {
  const hit = corpusBm25Cache.get(candidates);
  if (hit) return hit;
  const scores = Float64Array.from(candidates, (c) => c.score ?? 0);
  corpusBm25Cache.set(candidates, scores);
  return scores;
}
