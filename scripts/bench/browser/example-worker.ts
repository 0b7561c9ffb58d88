/**
 * Bench worker: the transformers.js cross-encoder example's approach (huggingface/transformers.js-examples,
 * cross-encoder/src/worker.js): the tokenizer pads all pairs into one batch, one model call, and onnxruntime-web's
 * default thread count (min(4, ceil(cores / 2))). Only the file locations differ: the app's /ort/ and /models/,
 * since the bench runs offline.
 */
import { AutoModelForSequenceClassification, AutoTokenizer, env, type PreTrainedModel, type PreTrainedTokenizer, type Tensor } from '@huggingface/transformers';
import type { ExampleReply, ExampleRequest } from './protocol';

interface WorkerScope {
  postMessage(message: ExampleReply): void;
  onmessage: ((event: MessageEvent<ExampleRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;
let loaded: { tokenizer: PreTrainedTokenizer; model: PreTrainedModel } | undefined;

async function handle(request: ExampleRequest): Promise<ExampleReply> {
  if (request.type === 'load') {
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = request.modelsPath;
    const wasm = env.backends.onnx.wasm;
    if (wasm) wasm.wasmPaths = request.files;
    const tokenizer = await AutoTokenizer.from_pretrained(request.model);
    const model = await AutoModelForSequenceClassification.from_pretrained(request.model, { device: 'wasm', dtype: request.dtype });
    loaded = { tokenizer, model };
    return { type: 'loaded', id: request.id, numThreads: env.backends.onnx.wasm?.numThreads ?? 1 };
  }
  if (!loaded) throw new Error('rerank before load');
  const started = performance.now();
  const inputs = loaded.tokenizer(new Array<string>(request.docs.length).fill(request.query), { text_pair: request.docs, padding: true, truncation: true });
  const tokenizeMs = performance.now() - started;
  const { logits } = (await loaded.model(inputs)) as { logits: Tensor };
  const ms = performance.now() - started;
  const dims = (inputs as { input_ids: Tensor }).input_ids.dims;
  return { type: 'reranked', id: request.id, ms, tokenizeMs, paddedTokens: (dims[0] ?? 0) * (dims[1] ?? 0), scores: Array.from(logits.data as Float32Array) };
}

scope.onmessage = (event) => {
  handle(event.data).then(
    (reply) => scope.postMessage(reply),
    (error: unknown) => scope.postMessage({ type: 'error', id: event.data.id, message: error instanceof Error ? error.message : String(error) }),
  );
};
