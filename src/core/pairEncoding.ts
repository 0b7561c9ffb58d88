/**
 * Builds cross-encoder inputs for a (query, document) pair from token ids that carry no special tokens.
 *
 * Why not the tokenizer's own pair truncation: transformers.js cuts the tail of the encoded pair, so the final
 * [SEP] is lost, and a cross-encoder was trained on `[CLS] query [SEP] document [SEP]`. We cut the query and
 * document as HF's `longest_first` does and keep every special token.
 */

/** Where the special tokens go around the query and the document, e.g. BERT's `[CLS] q [SEP] d [SEP]`. */
export interface PairTemplate {
  prefix: readonly number[];
  middle: readonly number[];
  suffix: readonly number[];
  /** token_type_id of the prefix, the query and the middle. */
  queryTypeId: number;
  /** token_type_id of the document and the suffix (1 for BERT, 0 for models without segment ids). */
  documentTypeId: number;
}

export interface PairEncoding {
  inputIds: number[];
  tokenTypeIds: number[];
  attentionMask: number[];
  /** True when any query or document token was cut. */
  truncated: boolean;
  /** True when the query itself was cut (only happens when the pair does not fit and the query is over half the token budget). */
  queryTruncated: boolean;
}

/** BERT's template: `[CLS] q [SEP]` with token type 0, `d [SEP]` with token type 1. */
export function bertPairTemplate(clsId: number, sepId: number): PairTemplate {
  return { prefix: [clsId], middle: [sepId], suffix: [sepId], queryTypeId: 0, documentTypeId: 1 };
}

export function specialTokenCount(template: PairTemplate): number {
  return template.prefix.length + template.middle.length + template.suffix.length;
}

/**
 * How many query and document tokens to keep within `budget` (maxLength minus the special tokens): the split of
 * Hugging Face tokenizers' `truncation='longest_first'` (Rust `truncate_encodings`, used by the fast tokenizers
 * and so by sentence-transformers' CrossEncoder), cutting from the right.
 * - The pair fits: nothing is cut.
 * - The shorter side takes at most half (2 * short <= budget): it stays whole, the longer keeps budget - short.
 * - Otherwise both are cut: the shorter keeps floor(budget / 2), the longer floor(budget / 2) + budget % 2, so an
 *   odd budget's extra token goes to the longer side. At equal lengths the query counts as the shorter one
 *   (Rust swaps only when the first sequence is strictly longer), so the document gets it.
 * (The Python "slow" tokenizers remove one token at a time from the longer side, the second on a tie; they can
 * differ by one token at equal lengths.)
 */
export function longestFirstKeep(queryLength: number, documentLength: number, budget: number): { queryKeep: number; documentKeep: number } {
  if (queryLength + documentLength <= budget) return { queryKeep: queryLength, documentKeep: documentLength };
  const queryIsLonger = queryLength > documentLength;
  const shorter = queryIsLonger ? documentLength : queryLength;
  let shorterKeep = shorter;
  let longerKeep = budget - shorter;
  if (2 * shorter > budget) {
    shorterKeep = Math.floor(budget / 2);
    longerKeep = shorterKeep + (budget % 2);
  }
  return queryIsLonger ? { queryKeep: longerKeep, documentKeep: shorterKeep } : { queryKeep: shorterKeep, documentKeep: longerKeep };
}

/**
 * Encodes one pair within `maxLength` tokens.
 *
 * Truncation: the split of HF's `longest_first` (see longestFirstKeep), applied to the query and document
 * tokens only. Special tokens, including the final separator, always stay: the stock transformers.js pair
 * truncation instead cuts the tail of the whole encoded pair.
 *
 * @throws RangeError when maxLength leaves no room for one query and one document token.
 */
export function encodePair(
  queryIds: readonly number[],
  documentIds: readonly number[],
  template: PairTemplate,
  maxLength: number,
): PairEncoding {
  const budget = maxLength - specialTokenCount(template);
  if (!Number.isInteger(maxLength) || budget < 2) {
    throw new RangeError(`maxLength ${maxLength} leaves no room for a query and a document token`);
  }
  const { queryKeep, documentKeep } = longestFirstKeep(queryIds.length, documentIds.length, budget);
  const head = [...template.prefix, ...queryIds.slice(0, queryKeep), ...template.middle];
  const tail = [...documentIds.slice(0, documentKeep), ...template.suffix];
  const inputIds = [...head, ...tail];
  return {
    inputIds,
    tokenTypeIds: [...head.map(() => template.queryTypeId), ...tail.map(() => template.documentTypeId)],
    attentionMask: inputIds.map(() => 1),
    truncated: queryKeep < queryIds.length || documentKeep < documentIds.length,
    queryTruncated: queryKeep < queryIds.length,
  };
}

/**
 * Works out a tokenizer's pair template from one pair it encoded with special tokens, given the plain ids
 * of that query and document. Returns undefined when the encoding is not `prefix q middle d suffix`.
 */
export function derivePairTemplate(
  encodedIds: readonly number[],
  encodedTypeIds: readonly number[] | undefined,
  queryIds: readonly number[],
  documentIds: readonly number[],
): PairTemplate | undefined {
  const queryStart = indexOfRun(encodedIds, queryIds, 0);
  if (queryStart < 0) return undefined;
  const documentStart = indexOfRun(encodedIds, documentIds, queryStart + queryIds.length);
  if (documentStart < 0) return undefined;
  const documentEnd = documentStart + documentIds.length;
  const typeAt = (i: number): number => encodedTypeIds?.[i] ?? 0;
  return {
    prefix: encodedIds.slice(0, queryStart),
    middle: encodedIds.slice(queryStart + queryIds.length, documentStart),
    suffix: encodedIds.slice(documentEnd),
    queryTypeId: typeAt(queryStart),
    documentTypeId: typeAt(documentStart),
  };
}

function indexOfRun(haystack: readonly number[], run: readonly number[], from: number): number {
  if (run.length === 0) return -1;
  for (let start = from; start + run.length <= haystack.length; start++) {
    if (run.every((id, k) => haystack[start + k] === id)) return start;
  }
  return -1;
}

/** A padded batch as flat row-major int64 arrays, ready for `new Tensor('int64', data, dims)`. */
export interface PaddedBatch {
  inputIds: BigInt64Array;
  attentionMask: BigInt64Array;
  tokenTypeIds: BigInt64Array;
  /** [batch size, sequence length] */
  dims: [number, number];
}

/** Right-pads every encoding to the longest one: input id `padId`, attention 0, token type 0. */
export function padBatch(encodings: readonly PairEncoding[], padId: number): PaddedBatch {
  const rows = encodings.length;
  const width = encodings.reduce((longest, e) => Math.max(longest, e.inputIds.length), 0);
  const inputIds = new BigInt64Array(rows * width).fill(BigInt(padId));
  const attentionMask = new BigInt64Array(rows * width);
  const tokenTypeIds = new BigInt64Array(rows * width);
  encodings.forEach((encoding, row) => {
    const offset = row * width;
    encoding.inputIds.forEach((id, i) => {
      inputIds[offset + i] = BigInt(id);
      attentionMask[offset + i] = BigInt(encoding.attentionMask[i] ?? 0);
      tokenTypeIds[offset + i] = BigInt(encoding.tokenTypeIds[i] ?? 0);
    });
  });
  return { inputIds, attentionMask, tokenTypeIds, dims: [rows, width] };
}
