/**
 * Not part of the app: e2e/dense-worker.spec.ts builds this file on its own (into <dist>/__dense-harness/) and
 * imports it into the served page, to drive DenseEmbedder, its worker, transformers.js and onnxruntime-web without
 * any UI. It puts them on globalThis because an app build drops an entry's exports.
 */
import { DenseEmbedder } from './client';
import { createEmbeddingCache } from './embeddingCache';
import { cosine } from './pooling';

export interface DenseHarness {
  DenseEmbedder: typeof DenseEmbedder;
  createEmbeddingCache: typeof createEmbeddingCache;
  cosine: typeof cosine;
}

(globalThis as typeof globalThis & { denseHarness?: DenseHarness }).denseHarness = { DenseEmbedder, createEmbeddingCache, cosine };
