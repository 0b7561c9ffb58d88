/**
 * Embeddings already computed, by (model settings, embedded text): the dense first stage reads them to rank,
 * and a run embeds only the texts missing here. The embedded text includes its prefix, so a changed prefix
 * is a different text, and any other setting that changes the vectors is in the key. Kept in memory only:
 * a reload embeds again (vectors are results, and results are not saved).
 */
import type { DenseFirstStageSettings } from '../core/denseSettings';
import { denseInput, denseSettingsFor, type DenseSettings } from '../rerankers/denseCatalog';
import type { DenseEmbedSettings } from '../rerankers/dense/client';

/** What the embedder is sent, and the pooling and prefixes in force (the model's own unless overridden). */
export interface ResolvedDense {
  embed: DenseEmbedSettings;
  prefixes: DenseSettings;
  /** Everything that changes a vector except the text. */
  key: string;
}

export function resolveDense(dense: DenseFirstStageSettings): ResolvedDense {
  const overrides: Partial<DenseSettings> = {
    ...(dense.pooling !== null && { pooling: dense.pooling }),
    ...(dense.queryPrefix !== null && { queryPrefix: dense.queryPrefix }),
    ...(dense.documentPrefix !== null && { documentPrefix: dense.documentPrefix }),
  };
  const prefixes = denseSettingsFor(dense.model, overrides);
  const embed: DenseEmbedSettings = {
    model: dense.model.trim(),
    device: dense.device,
    dtype: dense.dtype,
    pooling: prefixes.pooling,
    normalize: prefixes.normalize,
    maxLength: dense.maxLength,
    batchSize: dense.batchSize,
  };
  // batchSize changes how texts are grouped, not their vectors.
  const key = JSON.stringify([embed.model, embed.device, embed.dtype, embed.pooling, embed.normalize, embed.maxLength]);
  return { embed, prefixes, key };
}

const vectorsByKey = new Map<string, Map<string, Float32Array>>();

export function cachedVector(key: string, embeddedText: string): Float32Array | undefined {
  return vectorsByKey.get(key)?.get(embeddedText);
}

export function storeVectors(key: string, embeddedTexts: readonly string[], vectors: readonly Float32Array[]): void {
  let byText = vectorsByKey.get(key);
  if (!byText) {
    byText = new Map();
    vectorsByKey.set(key, byText);
  }
  embeddedTexts.forEach((text, i) => {
    const vector = vectors[i];
    if (vector) byText.set(text, vector);
  });
}

/** For tests, and when memory should be given back. */
export function clearVectors(): void {
  vectorsByKey.clear();
}

/** The texts the embedder sees for one query and its documents. */
export function embeddedTexts(prefixes: DenseSettings, query: string, documents: readonly string[]): { query: string; documents: string[] } {
  return { query: denseInput(prefixes, 'query', query), documents: documents.map((d) => denseInput(prefixes, 'document', d)) };
}
