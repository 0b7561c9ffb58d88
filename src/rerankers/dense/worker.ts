/// <reference lib="webworker" />
/**
 * The bi-encoder worker. One model at a time, loaded lazily per (model, device, dtype); a failed load is not
 * cached. Embed requests run one after another (one onnxruntime session), and a cancel is read between batches.
 * The client terminates this worker after any failure, as the cross-encoder's client does.
 */
import { planBatches } from '../../core/batching';
import { configureEnvironment, configureWasmThreads, UnsupportedModelError, wasmThreadCount } from '../local/crossEncoder';
import { classifyInferenceError, classifyLoadError, describeCause, modelIdError } from '../local/errors';
import { embedBatch, encodeTexts, loadBiEncoder, type BiEncoder } from './biEncoder';
import type { DenseLoadRequest, DenseWorkerReply, DenseWorkerRequest, EmbedRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
configureEnvironment(new URL(import.meta.env.BASE_URL, scope.location.origin).href);
configureWasmThreads(scope.crossOriginIsolated, scope.navigator.hardwareConcurrency);

let current: { key: string; encoder: Promise<BiEncoder> } | undefined;
const cancelled = new Set<number>();
let queue: Promise<void> = Promise.resolve();

function post(reply: DenseWorkerReply, transfer: Transferable[] = []): void {
  scope.postMessage(reply, transfer);
}

/** Lets queued messages (a cancel) in between batches. */
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function handleLoad(request: DenseLoadRequest): Promise<void> {
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
    const encoder = loadBiEncoder(request.model, request.device, request.dtype, (event) => post({ type: 'progress', id: request.id, event }));
    current = { key, encoder };
    encoder.catch(() => {
      if (current?.encoder === encoder) current = undefined;
    });
    previous?.encoder.then((old) => old.model.dispose()).catch(() => undefined);
  }
  try {
    await current?.encoder;
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
    loadMs: reused ? 0 : performance.now() - started,
    runtime: { crossOriginIsolated: scope.crossOriginIsolated, wasmThreads: wasmThreadCount() },
  });
}

async function handleEmbed(request: EmbedRequest): Promise<void> {
  const { maxLength, batchSize, pooling, normalize } = request.options;
  if (!current) {
    post({ type: 'error', id: request.id, kind: 'invalid-request', message: 'No model is loaded. Load a model, then embed.', cause: 'embed before load' });
    return;
  }
  if (!Number.isInteger(maxLength) || maxLength < 8 || !Number.isInteger(batchSize) || batchSize < 1) {
    post({ type: 'error', id: request.id, kind: 'invalid-request', message: 'Max length must be at least 8 tokens and batch size at least 1.', cause: JSON.stringify(request.options) });
    return;
  }
  let encoder: BiEncoder;
  try {
    encoder = await current.encoder;
  } catch (error) {
    post({ type: 'error', id: request.id, ...classifyLoadError('the model', error) });
    return;
  }
  const started = performance.now();
  let batchesRun = 0;
  try {
    const encodings = encodeTexts(encoder, request.texts, maxLength);
    let embedded = 0;
    for (const batch of planBatches(encodings.map((e) => e.inputIds.length), batchSize)) {
      await yieldToMessages();
      if (cancelled.has(request.id)) break;
      const rows = batch.indices.map((i) => encodings[i]).filter((e) => e !== undefined);
      const vectors = await embedBatch(encoder, rows, pooling, normalize);
      embedded += rows.length;
      batchesRun += 1;
      const reply = { type: 'partial' as const, id: request.id, indices: batch.indices, vectors, truncated: rows.map((r) => r.truncated), embedded, total: request.texts.length };
      post(reply, vectors.map((v) => v.buffer));
    }
  } catch (error) {
    const classified =
      error instanceof UnsupportedModelError
        ? { kind: 'unsupported-model' as const, message: error.message, cause: describeCause(error) }
        : { ...classifyInferenceError(error), message: 'The model failed while embedding the texts. Try fewer or shorter texts, a smaller batch size, or the WASM device.' };
    post({ type: 'error', id: request.id, ...classified });
    return;
  }
  const wasCancelled = cancelled.delete(request.id);
  post({ type: 'done', id: request.id, inferenceMs: performance.now() - started, batches: batchesRun, cancelled: wasCancelled });
}

scope.onmessage = (event: MessageEvent<DenseWorkerRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'load':
      queue = queue.then(() => handleLoad(request));
      break;
    case 'embed':
      queue = queue.then(() => handleEmbed(request));
      break;
    case 'cancel':
      cancelled.add(request.id);
      break;
  }
};
