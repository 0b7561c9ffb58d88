/**
 * Dense scores of one query over its candidates, read from the vector cache: null while any of the vectors
 * the current model settings, query and documents need is missing (the run has not embedded them yet).
 */
import { cosineScores } from '../core/denseFirstStage';
import type { DenseFirstStageSettings } from '../core/denseSettings';
import type { Candidate } from '../core/types';
import { cachedVector, embeddedTexts, resolveDense } from './denseVectors';
import { memoizeLast } from './memo';

export const resolveDenseMemo = memoizeLast(resolveDense);

/** Cosine per candidate, or null when a vector is missing. `_version` only makes memoized callers read again. */
export function denseScoresFor(dense: DenseFirstStageSettings, query: string, candidates: readonly Candidate[], _version: number): Float64Array | null {
  const { prefixes, key } = resolveDenseMemo(dense);
  const texts = embeddedTexts(
    prefixes,
    query,
    candidates.map((c) => c.text),
  );
  const queryVector = cachedVector(key, texts.query);
  if (!queryVector) return null;
  const vectors: Float32Array[] = [];
  for (const text of texts.documents) {
    const vector = cachedVector(key, text);
    if (!vector) return null;
    vectors.push(vector);
  }
  return cosineScores(queryVector, vectors);
}

/** How many of one query's texts (the query and its documents) have no vector yet. */
export function missingVectorCount(dense: DenseFirstStageSettings, query: string, candidates: readonly Candidate[]): number {
  const { prefixes, key } = resolveDenseMemo(dense);
  const texts = embeddedTexts(
    prefixes,
    query,
    candidates.map((c) => c.text),
  );
  return [texts.query, ...texts.documents].filter((t) => !cachedVector(key, t)).length;
}
