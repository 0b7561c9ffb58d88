/**
 * The LLM reranker in the worker (Qwen3-Reranker and other causal LMs asked a yes/no question): load the
 * tokenizer and AutoModelForCausalLM, build the model card's prompt with the document cut so the template's
 * suffix survives (core/llmRerankPrompt.ts), run left-padded batches and read P(yes) at the last position.
 */
import { AutoConfig, AutoModelForCausalLM, AutoTokenizer, Tensor, type PreTrainedModel, type PreTrainedTokenizer, type ProgressInfo } from '@huggingface/transformers';
import { planBatches } from '../../core/batching';
import { QWEN3_ANSWER_TOKENS } from '../../core/llmRerankPrompt';
import type { ModelDtype } from '../catalog';
import { answerTokenId, encodePrompts, isCausalLmConfig, leftPad, rowsPerBatch, yesProbabilitiesAtLastPosition, type EncodedPrompt } from './causalLmBatch';
import { loadCrossEncoder, UnsupportedModelError, type CrossEncoder } from './crossEncoder';
import { classifyInferenceError } from './errors';
import type { LibraryProgressEvent, LocalDevice, RerankRequest, WorkerReply } from './protocol';

export interface CausalLm {
  tokenizer: PreTrainedTokenizer;
  model: PreTrainedModel;
  yesId: number;
  noId: number;
  padId: number;
  /** Bytes of logits per prompt token: 0 when the export keeps only the last position (num_logits_to_keep). */
  logitBytesPerToken: number;
}

/** What the worker holds: a cross-encoder or a causal LM, decided by the model's config.json. */
export type LocalModel = { kind: 'cross-encoder'; encoder: CrossEncoder } | { kind: 'causal-lm'; lm: CausalLm };

export function disposeLocalModel(loaded: LocalModel): Promise<unknown> {
  return loaded.kind === 'causal-lm' ? loaded.lm.model.dispose() : loaded.encoder.model.dispose();
}

/** Reads config.json (tiny) first: an `...ForCausalLM` architecture loads as an LLM reranker. */
export async function loadLocalModel(modelId: string, device: LocalDevice, dtype: ModelDtype, onProgress: (event: LibraryProgressEvent) => void): Promise<LocalModel> {
  const progress_callback = (info: ProgressInfo): void => onProgress({ ...info });
  const config = await AutoConfig.from_pretrained(modelId, { progress_callback });
  if (!isCausalLmConfig(config as { architectures?: string[] })) return { kind: 'cross-encoder', encoder: await loadCrossEncoder(modelId, device, dtype, onProgress) };
  const tokenizer = await AutoTokenizer.from_pretrained(modelId, { progress_callback });
  // Checked before the weights: a tokenizer without whole "yes" and "no" tokens cannot give P(yes).
  let yesId: number;
  let noId: number;
  try {
    yesId = answerTokenId(QWEN3_ANSWER_TOKENS.yes, tokenizer.convert_tokens_to_ids(QWEN3_ANSWER_TOKENS.yes));
    noId = answerTokenId(QWEN3_ANSWER_TOKENS.no, tokenizer.convert_tokens_to_ids(QWEN3_ANSWER_TOKENS.no));
  } catch (error) {
    throw new UnsupportedModelError(`"${modelId}": ${error instanceof Error ? error.message : String(error)}`);
  }
  const model = await AutoModelForCausalLM.from_pretrained(modelId, { config, device, dtype, progress_callback });
  const padId = tokenizer.pad_token_id ?? tokenizer.eos_token_id ?? 0;
  const inputNames = (model.sessions.model as { inputNames?: string[] } | undefined)?.inputNames ?? [];
  const vocabulary = (config as { vocab_size?: number }).vocab_size ?? 0;
  const logitBytesPerToken = inputNames.includes('num_logits_to_keep') ? 0 : vocabulary * Float32Array.BYTES_PER_ELEMENT;
  return { kind: 'causal-lm', lm: { tokenizer, model, yesId, noId, padId, logitBytesPerToken } };
}

/** Runs one batch (left-padded) and returns P(yes) per row. Asks for the last position's logits only where the export allows. */
export async function scoreCausalBatch(lm: CausalLm, rows: readonly (readonly number[])[]): Promise<number[]> {
  const batch = leftPad(rows, lm.padId);
  const output = (await lm.model({
    input_ids: new Tensor('int64', BigInt64Array.from(batch.inputIds), batch.dims),
    attention_mask: new Tensor('int64', BigInt64Array.from(batch.attentionMask), batch.dims),
    // Dropped by transformers.js when the graph has no such input; where it has, the vocabulary-wide logits
    // of every other position (151k floats each for Qwen3) are never computed.
    num_logits_to_keep: new Tensor('int64', BigInt64Array.from([1n]), []),
  })) as { logits: Tensor };
  return yesProbabilitiesAtLastPosition(output.logits.data as Float32Array, output.logits.dims, lm.yesId, lm.noId);
}

export interface RerankIo {
  post: (reply: WorkerReply) => void;
  isCancelled: () => boolean;
  /** Lets a queued cancel in between batches. */
  yieldToMessages: () => Promise<void>;
  /** Called once when the run ends (done or error): forgets its cancel flag and says whether it was set. */
  finished: () => boolean;
}

/** The worker's rerank for a causal LM: partial replies per batch with P(yes), then done (or one error). */
export async function runCausalRerank(lm: CausalLm, request: RerankRequest, io: RerankIo): Promise<void> {
  const { maxLength, batchSize } = request.options;
  if (request.options.longDocuments?.mode === 'split') {
    io.finished();
    const message = 'Split mode (windows) is for cross-encoders. An LLM reranker reads one prompt per document, cut so the template stays whole: set Long documents to Truncate.';
    io.post({ type: 'error', id: request.id, kind: 'invalid-request', message, cause: JSON.stringify(request.options) });
    return;
  }
  const started = performance.now();
  let prompts: EncodedPrompt[];
  try {
    prompts = encodePrompts((text) => lm.tokenizer.encode(text, { add_special_tokens: false }), request.query, request.docs, maxLength);
  } catch (error) {
    io.finished();
    const message = error instanceof Error ? error.message : String(error);
    io.post({ type: 'error', id: request.id, kind: 'invalid-request', message, cause: JSON.stringify(request.options) });
    return;
  }
  const tokenizeMs = performance.now() - started;
  let batchesRun = 0;
  let scored = 0;
  try {
    const lengths = prompts.map((p) => p.ids.length);
    for (const batch of planBatches(lengths, rowsPerBatch(batchSize, Math.max(0, ...lengths), lm.logitBytesPerToken))) {
      await io.yieldToMessages();
      if (io.isCancelled()) break;
      const rows = batch.indices.map((i) => prompts[i]).filter((p) => p !== undefined);
      const scores = await scoreCausalBatch(lm, rows.map((p) => p.ids));
      batchesRun += 1;
      scored += rows.length;
      io.post({ type: 'partial', id: request.id, indices: batch.indices, scores, truncated: rows.map((p) => p.truncated), details: rows.map((p) => p.details), scored, total: request.docs.length });
    }
  } catch (error) {
    io.finished();
    io.post({ type: 'error', id: request.id, ...classifyInferenceError(error) });
    return;
  }
  const cancelled = io.finished();
  io.post({ type: 'done', id: request.id, inferenceMs: performance.now() - started, tokenizeMs, batches: batchesRun, cancelled });
}
