/**
 * Qwen3-Reranker's prompt, its suffix-preserving truncation, and its P(yes) score.
 *
 * Qwen3-Reranker is a causal LM asked a yes/no question; the relevance score is P("yes") against "no" at the
 * last position. Without this exact template the scores are close to random (vLLM PR #19260: "without
 * template, the results are almost as random"), and a tokenizer's own truncation cuts the template's suffix,
 * the part that asks for the answer (sentence-transformers PR #3787). So the template is built here, and
 * truncation cuts the document, never the suffix.
 *
 * Source, checked character by character: the "Transformers Usage" example of the Qwen3-Reranker model card,
 * https://huggingface.co/Qwen/Qwen3-Reranker-0.6B, as published in https://github.com/QwenLM/Qwen3-Embedding
 * README.md (commit f4ad0c434c0e3534494e26a4a6bdfd8ab1431968):
 *   prefix = "<|im_start|>system\nJudge whether the Document meets the requirements based on the Query and the
 *             Instruct provided. Note that the answer can only be \"yes\" or \"no\".<|im_end|>\n<|im_start|>user\n"
 *   suffix = "<|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\n"
 *   format_instruction: "<Instruct>: {instruction}\n<Query>: {query}\n<Document>: {doc}"
 *   default instruction: 'Given a web search query, retrieve relevant passages that answer the query'
 * (The prefix is one line in the source; it is wrapped above only for reading.)
 * A variant exists: the card's vLLM example, the evaluation script in the same repository
 * (evaluation/qwen3_reranker_model.py) and the onnx-community/Qwen3-Reranker-0.6B-ONNX card put "\n\n"
 * between the sections ("<Instruct>: …\n\n<Query>: …\n\n<Document>: …"), the first two through the chat
 * template. This file follows the Transformers example, the one that spells out prefix, body and suffix.
 */

export const QWEN3_RERANKER_PREFIX =
  '<|im_start|>system\nJudge whether the Document meets the requirements based on the Query and the Instruct provided. Note that the answer can only be "yes" or "no".<|im_end|>\n<|im_start|>user\n';

export const QWEN3_RERANKER_SUFFIX = '<|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\n';

export const QWEN3_DEFAULT_INSTRUCTION = 'Given a web search query, retrieve relevant passages that answer the query';

/** The answer tokens whose logits are compared (the card: convert_tokens_to_ids("yes") and ("no")). */
export const QWEN3_ANSWER_TOKENS = { yes: 'yes', no: 'no' } as const;

export interface PromptInput {
  /** The task; absent or blank means the card's default. */
  readonly instruction?: string;
  readonly query: string;
  readonly document: string;
}

/** The prompt as text pieces, in order; joined they are `buildPrompt`'s result. */
export interface PromptPieces {
  readonly prefix: string;
  /** "<Instruct>: {instruction}\n<Query>:" */
  readonly head: string;
  /** " {query}": the space goes with the query, as the BPE pre-tokenizer groups it with the first word. */
  readonly query: string;
  /** "\n<Document>:" */
  readonly middle: string;
  /** " {document}" */
  readonly document: string;
  readonly suffix: string;
}

export function instructionOrDefault(instruction: string | undefined): string {
  return instruction === undefined || instruction.trim() === '' ? QWEN3_DEFAULT_INSTRUCTION : instruction;
}

/**
 * The pieces to tokenize one by one when the prompt may need cutting (see `fitPrompt`). Token boundaries
 * between pieces can differ slightly from tokenizing the whole body at once (e.g. "?\n" may be one token
 * there), so a caller that finds the whole prompt fits should tokenize `buildPrompt`'s text in one go: that
 * is exactly what the card does (prefix, body and suffix encoded separately, no special tokens added).
 */
export function promptPieces({ instruction, query, document }: PromptInput): PromptPieces {
  return {
    prefix: QWEN3_RERANKER_PREFIX,
    head: `<Instruct>: ${instructionOrDefault(instruction)}\n<Query>:`,
    query: ` ${query}`,
    middle: '\n<Document>:',
    document: ` ${document}`,
    suffix: QWEN3_RERANKER_SUFFIX,
  };
}

/** The card's body: "<Instruct>: {instruction}\n<Query>: {query}\n<Document>: {doc}". */
export function formatBody(input: PromptInput): string {
  const p = promptPieces(input);
  return p.head + p.query + p.middle + p.document;
}

/** The whole prompt: prefix + body + suffix. */
export function buildPrompt(input: PromptInput): string {
  return QWEN3_RERANKER_PREFIX + formatBody(input) + QWEN3_RERANKER_SUFFIX;
}

/** Token ids of the body pieces, tokenized separately (no special tokens added). */
export interface BodyTokenIds {
  readonly head: readonly number[];
  readonly query: readonly number[];
  readonly middle: readonly number[];
  readonly document: readonly number[];
}

export interface FittedPrompt {
  /** prefix + head + query + middle + document + suffix, at most maxLength ids. */
  readonly ids: number[];
  /** Tokens cut from the end of the document (to tell the user). */
  readonly documentTokensCut: number;
  /** Tokens cut from the end of the query: only once the whole document is gone. */
  readonly queryTokensCut: number;
}

/**
 * Fits the prompt into maxLength tokens by cutting the end of the document first, then the end of the query,
 * and never the prefix, the instruction, the "<Document>:" marker or the suffix. (The card instead truncates
 * the whole body at maxLength − prefix − suffix, which can eat the "<Document>:" marker for a long query.)
 * Throws when even an empty document and a one-token query do not fit: the Max tokens setting is too small.
 */
export function fitPrompt(
  prefixIds: readonly number[],
  body: BodyTokenIds,
  suffixIds: readonly number[],
  maxLength: number,
): FittedPrompt {
  if (!Number.isInteger(maxLength) || maxLength < 1) {
    throw new RangeError(`Max tokens must be a whole number of 1 or more (got ${String(maxLength)}).`);
  }
  const fixed = prefixIds.length + body.head.length + body.middle.length + suffixIds.length;
  const minimum = fixed + Math.min(1, body.query.length);
  if (minimum > maxLength) {
    throw new RangeError(
      `Max tokens is ${maxLength}, but the Qwen3-Reranker prompt needs ${minimum} tokens before any document text ` +
        `(template and instruction). Raise Max tokens to at least ${minimum}, or shorten the instruction.`,
    );
  }
  const room = maxLength - fixed;
  const queryKept = Math.min(body.query.length, room);
  const documentKept = Math.min(body.document.length, room - queryKept);
  return {
    ids: [
      ...prefixIds,
      ...body.head,
      ...body.query.slice(0, queryKept),
      ...body.middle,
      ...body.document.slice(0, documentKept),
      ...suffixIds,
    ],
    documentTokensCut: body.document.length - documentKept,
    queryTokensCut: body.query.length - queryKept,
  };
}

/**
 * P(yes) = softmax([logitYes, logitNo])[0], the card's compute_logits (log_softmax over [no, yes], then exp).
 * Log-sum-exp form, shifted by m = max(yes, no) so that no exponent is positive and nothing overflows:
 *   log P(yes) = (yes − m) − log(e^(yes−m) + e^(no−m)) = (yes − m) − log1p(e^(−|yes − no|))
 * (one of the two terms is e^0 = 1). m is not added back, which would lose digits for large logits.
 * Throws for a logit that is not finite: that is a broken model output, not a score.
 */
export function yesNoScore(logitYes: number, logitNo: number): number {
  if (!Number.isFinite(logitYes) || !Number.isFinite(logitNo)) {
    throw new RangeError(`yes/no logits must be finite numbers (got yes ${String(logitYes)}, no ${String(logitNo)}).`);
  }
  const m = Math.max(logitYes, logitNo);
  const logSumExpShifted = Math.log1p(Math.exp(-Math.abs(logitYes - logitNo)));
  return Math.exp(logitYes - m - logSumExpShifted);
}
