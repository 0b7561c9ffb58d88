/// <reference lib="webworker" />
/**
 * The local reranker worker: cross-encoders, and causal LMs read as yes/no rerankers (causalLm.ts). One model
 * at a time, loaded lazily per (model, device, dtype); a failed load is not cached. The client terminates this
 * worker after any failure (onnxruntime-web's module-level promise chains stay rejected), so nothing here tries
 * to recover in place.
 */
import { planBatches } from '../../core/batching';
import { padBatch } from '../../core/pairEncoding';
import { defaultLongDocuments } from '../../core/windows';
import { disposeLocalModel, loadLocalModel, runCausalRerank, type LocalModel } from './causalLm';
import { configureEnvironment, configureWasmThreads, scoreBatch, UnsupportedModelError, wasmThreadCount, type CrossEncoder } from './crossEncoder';
import { classifyInferenceError, classifyLoadError, describeCause, modelIdError } from './errors';
import { createScoreCollector, planRerank } from './longDocuments';
import type { LoadRequest, RerankRequest, WorkerReply, WorkerRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
configureEnvironment(new URL(import.meta.env.BASE_URL, scope.location.origin).href);
configureWasmThreads(scope.crossOriginIsolated, scope.navigator.hardwareConcurrency);

/** A cross-encoder or a causal LM (LLM reranker): loadLocalModel decides from the model's config.json. */
let current: { key: string; encoder: Promise<LocalModel> } | undefined;
const cancelled = new Set<number>();

function post(reply: WorkerReply): void {
  scope.postMessage(reply);
}

/** Lets queued messages (a cancel) in between batches. */
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function handleLoad(request: LoadRequest): Promise<void> {
  const invalidId = modelIdError(request.model); // the client checks too; this keeps /models/ safe on its own
  if (invalidId) {
    post({ type: 'error', id: request.id, ...invalidId });
    return;
  }
  const key = JSON.stringify([request.model, request.device, request.dtype]);
  const started = performance.now();
  const reused = current?.key === key;
  if (!reused) {
    const previous = current;
    const encoder = loadLocalModel(request.model, request.device, request.dtype, (event) => post({ type: 'progress', id: request.id, event }));
    current = { key, encoder };
    // A failed load must not stay cached.
    encoder.catch(() => {
      if (current?.encoder === encoder) current = undefined;
    });
    previous?.encoder.then(disposeLocalModel).catch(() => undefined);
  }
  let kind: LocalModel['kind'] | undefined;
  try {
    kind = (await current?.encoder)?.kind;
  } catch (error) {
    const classified =
      error instanceof UnsupportedModelError
        ? { kind: 'unsupported-model' as const, message: error.message, cause: describeCause(error) }
        : classifyLoadError(request.model, error);
    post({ type: 'error', id: request.id, ...classified });
    return;
  }
  post({
    type: 'loaded',
    id: request.id,
    device: request.device,
    dtype: request.dtype,
    kind: kind ?? 'cross-encoder',
    loadMs: reused ? 0 : performance.now() - started,
    runtime: { crossOriginIsolated: scope.crossOriginIsolated, wasmThreads: wasmThreadCount() },
  });
}

async function handleRerank(request: RerankRequest): Promise<void> {
  const { maxLength, batchSize } = request.options;
  if (!current) {
    post({ type: 'error', id: request.id, kind: 'invalid-request', message: 'No model is loaded. Load a model, then rerank.', cause: 'rerank before load' });
    return;
  }
  if (!Number.isInteger(maxLength) || maxLength < 8 || !Number.isInteger(batchSize) || batchSize < 1) {
    post({ type: 'error', id: request.id, kind: 'invalid-request', message: 'Max length must be at least 8 tokens and batch size at least 1.', cause: JSON.stringify(request.options) });
    return;
  }
  let encoder: CrossEncoder;
  try {
    const loaded = await current.encoder; // still loading when the rerank came in
    if (loaded.kind === 'causal-lm') {
      await runCausalRerank(loaded.lm, request, { post, isCancelled: () => cancelled.has(request.id), yieldToMessages, finished: () => cancelled.delete(request.id) });
      return;
    }
    encoder = loaded.encoder;
  } catch (error) {
    post({ type: 'error', id: request.id, ...classifyLoadError('the model', error) });
    return;
  }
  const started = performance.now();
  let tokenizeMs: number;
  let batchesRun = 0;
  try {
    // One row per document (truncate) or per window (split): see longDocuments.ts.
    const planned = planRerank(encoder.tokenizer, encoder.template, request.query, request.docs, maxLength, request.options.longDocuments ?? defaultLongDocuments);
    if (!planned.ok) {
      post({ type: 'error', id: request.id, kind: 'invalid-request', message: planned.message, cause: JSON.stringify(request.options) });
      return;
    }
    const encodings = planned.plan.rows;
    const collect = createScoreCollector(planned.plan);
    tokenizeMs = performance.now() - started;
    const batches = planBatches(encodings.map((e) => e.inputIds.length), batchSize);
    let scored = 0;
    for (const batch of batches) {
      await yieldToMessages();
      if (cancelled.has(request.id)) break;
      const rows = batch.indices.map((i) => encodings[i]).filter((e) => e !== undefined);
      const scores = await scoreBatch(encoder, padBatch(rows, encoder.padId));
      batchesRun += 1;
      const finished = collect(batch.indices, scores);
      scored += finished.indices.length;
      if (finished.indices.length > 0) post({ type: 'partial', id: request.id, ...finished, scored, total: request.docs.length });
    }
  } catch (error) {
    post({ type: 'error', id: request.id, ...classifyInferenceError(error) });
    return;
  }
  const wasCancelled = cancelled.delete(request.id);
  post({ type: 'done', id: request.id, inferenceMs: performance.now() - started, tokenizeMs, batches: batchesRun, cancelled: wasCancelled });
}

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'load':
      void handleLoad(request);
      break;
    case 'rerank':
      void handleRerank(request);
      break;
    case 'cancel':
      cancelled.add(request.id);
      break;
  }
};
