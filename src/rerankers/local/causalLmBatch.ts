/**
 * The pure part of the causal-LM (LLM) reranker: which configs are causal LMs, the prompts, left padding, and
 * reading P(yes) from the logits at each prompt's last token. No transformers.js here, so it is tested directly.
 */
import { buildPrompt, fitPrompt, promptPieces, QWEN3_RERANKER_PREFIX, QWEN3_RERANKER_SUFFIX, yesNoScore } from '../../core/llmRerankPrompt';
import type { DocumentDetails } from './protocol';

interface ConfigLike {
  architectures?: readonly string[] | null;
}

/**
 * A model is read as a causal LM when its config.json names an `...ForCausalLM` architecture (Qwen3-Reranker:
 * Qwen3ForCausalLM). This decides for any Hub id, catalogued or not; a cross-encoder names
 * `...ForSequenceClassification`.
 */
export function isCausalLmConfig(config: ConfigLike): boolean {
  return (config.architectures ?? []).some((name) => name.endsWith('ForCausalLM'));
}

export interface LeftPaddedBatch {
  /** Row-major [rows, width]. */
  inputIds: bigint[];
  attentionMask: bigint[];
  dims: [number, number];
}

/**
 * Pads every row on the left to the longest, as the model card does (padding_side='left'): then every row's
 * real last token sits at the last position, the one whose logits are read. (transformers.js builds
 * position_ids from the attention mask, so the padding does not shift the real tokens' positions.)
 */
export function leftPad(rows: readonly (readonly number[])[], padId: number): LeftPaddedBatch {
  const width = Math.max(0, ...rows.map((row) => row.length));
  const inputIds: bigint[] = [];
  const attentionMask: bigint[] = [];
  for (const row of rows) {
    const pad = width - row.length;
    for (let i = 0; i < pad; i++) {
      inputIds.push(BigInt(padId));
      attentionMask.push(0n);
    }
    for (const id of row) {
      inputIds.push(BigInt(id));
      attentionMask.push(1n);
    }
  }
  return { inputIds, attentionMask, dims: [rows.length, width] };
}

/**
 * P(yes) per row from logits of shape [rows, positions, vocab] (all positions, or only the last when the
 * model was asked to keep one): softmax over ["yes", "no"] only, at the last position, which with left
 * padding is every row's real last token.
 */
export function yesProbabilitiesAtLastPosition(
  logits: ArrayLike<number>,
  dims: readonly number[],
  yesId: number,
  noId: number,
): number[] {
  const [rows, positions, vocab] = dims;
  if (dims.length !== 3 || rows === undefined || positions === undefined || vocab === undefined || positions < 1) {
    throw new RangeError(`Expected logits of shape [batch, sequence, vocabulary], got [${dims.join(', ')}].`);
  }
  if (yesId < 0 || noId < 0 || yesId >= vocab || noId >= vocab) {
    throw new RangeError(`The "yes" (${yesId}) or "no" (${noId}) token id is outside the model's ${vocab} logits.`);
  }
  const scores: number[] = [];
  for (let row = 0; row < rows; row++) {
    const last = (row * positions + positions - 1) * vocab;
    scores.push(yesNoScore(Number(logits[last + yesId]), Number(logits[last + noId])));
  }
  return scores;
}

/**
 * The id of a single-token answer word, or an explanation: a tokenizer without "yes" and "no" as whole
 * tokens cannot be scored this way.
 */
export function answerTokenId(word: string, id: number | null | undefined): number {
  if (id === null || id === undefined || !Number.isInteger(id) || id < 0) {
    throw new RangeError(`The tokenizer has no "${word}" token, so this model cannot be read as a yes/no reranker.`);
  }
  return id;
}

export interface EncodedPrompt {
  ids: number[];
  truncated: boolean;
  details: DocumentDetails;
}

export type Encode = (text: string) => number[];

/**
 * One prompt per document, at most maxLength tokens. When nothing needs cutting the whole prompt is
 * tokenized in one go, as the card does; otherwise fitPrompt cuts the end of the document (then the query)
 * and keeps the prefix, "<Document>:" and the suffix.
 * @throws RangeError when maxLength cannot hold the template (fitPrompt's message says what to raise it to).
 */
export function encodePrompts(encode: Encode, query: string, docs: readonly string[], maxLength: number, instruction?: string): EncodedPrompt[] {
  const prefixIds = encode(QWEN3_RERANKER_PREFIX);
  const suffixIds = encode(QWEN3_RERANKER_SUFFIX);
  const fixed = promptPieces({ instruction, query, document: '' });
  const head = encode(fixed.head);
  const queryIds = encode(fixed.query);
  const middle = encode(fixed.middle);
  return docs.map((document) => {
    const documentIds = encode(promptPieces({ instruction, query, document }).document);
    const fitted = fitPrompt(prefixIds, { head, query: queryIds, middle, document: documentIds }, suffixIds, maxLength);
    const cut = fitted.documentTokensCut + fitted.queryTokensCut > 0;
    const whole = cut ? undefined : encode(buildPrompt({ instruction, query, document }));
    const ids = whole !== undefined && whole.length <= maxLength ? whole : fitted.ids;
    const budget = { queryTokens: queryIds.length - fitted.queryTokensCut, docTokensKept: documentIds.length - fitted.documentTokensCut, docTokensTotal: documentIds.length };
    return { ids, truncated: cut, details: { budget } };
  });
}


/** Logits a batch may hold at once when the export computes them at every position (256 MiB). */
export const LOGITS_BUDGET_BYTES = 256 * 1024 * 1024;

/**
 * Rows per batch. An export without a `num_logits_to_keep` input returns float32 logits for every position
 * and the whole vocabulary (Qwen3: 151,669 x 4 B = 607 kB per token, 182 MB for one 300-token prompt), so
 * the batch is shrunk until they fit the budget, never below one row. `logitBytesPerToken` 0: the export
 * keeps only the last position, and the Batch setting stands.
 */
export function rowsPerBatch(batchSize: number, longestPrompt: number, logitBytesPerToken: number, budget = LOGITS_BUDGET_BYTES): number {
  if (logitBytesPerToken <= 0 || longestPrompt <= 0) return batchSize;
  return Math.max(1, Math.min(batchSize, Math.floor(budget / (longestPrompt * logitBytesPerToken))));
}
