/** The thin transformers.js part of the local reranker: load a tokenizer and model, score padded batches. */
import {
  AutoConfig,
  AutoModelForSequenceClassification,
  AutoTokenizer,
  Tensor,
  env,
  type PreTrainedModel,
  type PreTrainedTokenizer,
  type ProgressInfo,
} from '@huggingface/transformers';
import { bertPairTemplate, derivePairTemplate, encodePair, type PairEncoding, type PairTemplate, type PaddedBatch } from '../../core/pairEncoding';
import type { ModelDtype } from '../catalog';
import { fetchLocalBodiesLazily, isUnderModelsPath, type FetchLike } from './localModelFetch';
import type { LibraryProgressEvent, LocalDevice } from './protocol';
import { wasmThreads } from './threads';

export interface CrossEncoder {
  tokenizer: PreTrainedTokenizer;
  model: PreTrainedModel;
  template: PairTemplate;
  padId: number;
}

/** An error we raise ourselves with a message fit for a person (the worker forwards it as is). */
export class UnsupportedModelError extends Error {}

/** transformers.js' own fetch, kept so that configuring twice does not wrap it twice. */
const originalFetch = env.fetch;
const libraryFetch: FetchLike = (input, init) => originalFetch(input, init) as Promise<Response>;

/**
 * Points transformers.js at the app's own files: models under `<base>models/`, the onnxruntime-web runtime
 * under `<base>ort/` (copied there by scripts/copy-ort-assets.mjs), so nothing comes from a CDN.
 */
export function configureEnvironment(appBaseUrl: string): void {
  env.allowLocalModels = true;
  // A path, not a full URL: transformers.js only tries the local folder for paths (an http URL is taken as remote).
  env.localModelPath = new URL('models/', appBaseUrl).pathname;
  env.allowRemoteModels = true; // real Hub ids that are not self-hosted
  env.useBrowserCache = true;
  // Each self-hosted file crosses the wire once (see localModelFetch.ts); Hub requests are untouched.
  const modelsPath = env.localModelPath;
  env.fetch = fetchLocalBodiesLazily(libraryFetch, (input) => isUnderModelsPath(input, appBaseUrl, modelsPath));
  const wasm = env.backends.onnx.wasm;
  if (wasm) {
    // The asyncify build is what transformers.js 4.3.1 picks for both WASM and WebGPU.
    wasm.wasmPaths = {
      mjs: new URL('ort/ort-wasm-simd-threaded.asyncify.mjs', appBaseUrl).href,
      wasm: new URL('ort/ort-wasm-simd-threaded.asyncify.wasm', appBaseUrl).href,
    };
  }
}

/**
 * The thread rule is threads.ts' wasmThreads. onnxruntime-web reads numThreads once, when the first session
 * initialises the runtime, so call this before any load.
 */
export function configureWasmThreads(crossOriginIsolated: boolean, hardwareConcurrency: number | undefined): void {
  const wasm = env.backends.onnx.wasm;
  if (wasm) wasm.numThreads = wasmThreads({ cores: hardwareConcurrency, crossOriginIsolated });
}

/** The thread count onnxruntime-web really uses: after the first load it holds the value the runtime settled on. */
export function wasmThreadCount(): number {
  return env.backends.onnx.wasm?.numThreads ?? 1;
}

function numberOfLabels(config: { id2label?: Record<string, string>; num_labels?: number }): number {
  if (config.id2label) return Object.keys(config.id2label).length;
  return config.num_labels ?? 1;
}

export async function loadCrossEncoder(
  modelId: string,
  device: LocalDevice,
  dtype: ModelDtype,
  onProgress: (event: LibraryProgressEvent) => void,
): Promise<CrossEncoder> {
  const progress_callback = (info: ProgressInfo): void => onProgress({ ...info });
  // The config is tiny: check the label count before downloading the weights.
  const config = await AutoConfig.from_pretrained(modelId, { progress_callback });
  const labels = numberOfLabels(config as { id2label?: Record<string, string>; num_labels?: number });
  if (labels !== 1) {
    throw new UnsupportedModelError(
      `"${modelId}" has ${labels} output labels, so it is a classifier, not a reranker. Choose a cross-encoder with a single relevance logit.`,
    );
  }
  const tokenizer = await AutoTokenizer.from_pretrained(modelId, { progress_callback });
  const model = await AutoModelForSequenceClassification.from_pretrained(modelId, { config, device, dtype, progress_callback });
  return { tokenizer, model, template: pairTemplateOf(tokenizer), padId: tokenizer.pad_token_id ?? 0 };
}

/** Learns where the tokenizer puts its special tokens around a pair (BERT, XLM-R, DeBERTa differ). */
export function pairTemplateOf(tokenizer: PreTrainedTokenizer): PairTemplate {
  const query = tokenizer.encode('a', { add_special_tokens: false });
  const doc = tokenizer.encode('b', { add_special_tokens: false });
  const pair = tokenizer('a', { text_pair: 'b', return_tensor: false, return_token_type_ids: true }) as {
    input_ids: number[];
    token_type_ids?: number[];
  };
  const derived = derivePairTemplate(pair.input_ids, pair.token_type_ids, query, doc);
  if (derived) return derived;
  if (tokenizer.sep_token_id === undefined) throw new UnsupportedModelError('This model\'s tokenizer has no separator token, so it cannot encode query-document pairs.');
  const [clsId] = tokenizer.encode('', { add_special_tokens: true });
  return bertPairTemplate(clsId ?? tokenizer.sep_token_id, tokenizer.sep_token_id);
}

/** Tokenizes without special tokens, then builds each pair with encodePair (document cut, final separator kept). */
export function encodePairs(encoder: Pick<CrossEncoder, 'tokenizer' | 'template'>, query: string, docs: readonly string[], maxLength: number): PairEncoding[] {
  const queryIds = encoder.tokenizer.encode(query, { add_special_tokens: false });
  return docs.map((doc) => encodePair(queryIds, encoder.tokenizer.encode(doc, { add_special_tokens: false }), encoder.template, maxLength));
}

/** Runs one padded batch and returns one raw logit per row. */
export async function scoreBatch(encoder: CrossEncoder, batch: PaddedBatch): Promise<number[]> {
  const feeds: Record<string, Tensor> = {
    input_ids: new Tensor('int64', batch.inputIds, batch.dims),
    attention_mask: new Tensor('int64', batch.attentionMask, batch.dims),
  };
  // Models without segment ids (XLM-R) do not take token_type_ids; transformers.js fills zeros where needed.
  if (encoder.template.documentTypeId !== encoder.template.queryTypeId) {
    feeds.token_type_ids = new Tensor('int64', batch.tokenTypeIds, batch.dims);
  }
  const output = (await encoder.model(feeds)) as { logits: Tensor };
  const logits = output.logits.data as Float32Array;
  return Array.from(logits);
}
