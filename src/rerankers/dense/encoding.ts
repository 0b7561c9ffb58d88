/**
 * Tokens of one text for a bi-encoder, cut the way sentence-transformers cuts them: the text's own tokens are
 * truncated, and the special tokens around them ([CLS] ... [SEP], <s> ... </s>) are always kept. (Truncating the
 * whole encoded sequence, as transformers.js' `truncation: true` does, would drop the final [SEP].)
 */

/** The special tokens a tokenizer puts around a single text, e.g. BERT's [CLS] before and [SEP] after. */
export interface SingleTemplate {
  prefix: readonly number[];
  suffix: readonly number[];
}

export interface TextEncoding {
  inputIds: number[];
  attentionMask: number[];
  /** True when any of the text's own tokens were cut. */
  truncated: boolean;
}

/**
 * Learns the template from one text encoded with and without special tokens: what comes before the bare ids is
 * the prefix, what comes after is the suffix. Null when the bare ids are not inside the full encoding.
 */
export function deriveSingleTemplate(withSpecials: readonly number[], bare: readonly number[]): SingleTemplate | null {
  for (let start = 0; start + bare.length <= withSpecials.length; start++) {
    if (bare.every((id, i) => withSpecials[start + i] === id)) {
      return { prefix: withSpecials.slice(0, start), suffix: withSpecials.slice(start + bare.length) };
    }
  }
  return null;
}

/** Wraps the bare ids in the template, keeping at most maxLength - (special tokens) of them. */
export function encodeSingle(bare: readonly number[], template: SingleTemplate, maxLength: number): TextEncoding {
  const budget = Math.max(0, maxLength - template.prefix.length - template.suffix.length);
  const kept = bare.length > budget ? bare.slice(0, budget) : bare;
  const inputIds = [...template.prefix, ...kept, ...template.suffix];
  return { inputIds, attentionMask: inputIds.map(() => 1), truncated: kept.length < bare.length };
}
