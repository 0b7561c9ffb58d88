import { describe, expect, it } from 'vitest';
import { answerTokenId, encodePrompts, isCausalLmConfig, leftPad, rowsPerBatch, yesProbabilitiesAtLastPosition } from './causalLmBatch';

/**
 * A stand-in tokenizer: one token per whitespace-separated word, ids given in order of first sight. Because it
 * splits only on whitespace, "tea<|im_end|>" is one token when the whole prompt is tokenized at once and two
 * when the document and the suffix are tokenized apart: that tells the two paths apart.
 * Counts, by hand:
 *   prefix: "<|im_start|>system" Judge whether the Document meets the requirements based on the Query and the
 *           Instruct provided. Note that the answer can only be "yes" or "no".<|im_end|> "<|im_start|>user" = 27
 *   head:   <Instruct>: Given a web search query, retrieve relevant passages that answer the query <Query>: = 14
 *   middle: <Document>: = 1
 *   suffix: <|im_end|> "<|im_start|>assistant" <think> </think> = 4
 *   fixed = 27 + 14 + 1 + 4 = 46.
 */
function wordTokenizer() {
  const ids = new Map<string, number>();
  const words: string[] = [];
  const encode = (text: string): number[] =>
    text
      .split(/\s+/)
      .filter((w) => w !== '')
      .map((w) => {
        const known = ids.get(w);
        if (known !== undefined) return known;
        ids.set(w, words.length);
        words.push(w);
        return words.length - 1;
      });
  const decode = (tokenIds: readonly number[]): string[] => tokenIds.map((i) => words[i] ?? '?');
  return { encode, decode };
}

const SUFFIX_WORDS = ['<|im_end|>', '<|im_start|>assistant', '<think>', '</think>'];

describe('encodePrompts', () => {
  it('tokenizes the whole prompt in one go when it fits (52 by pieces, 51 whole)', () => {
    const { encode, decode } = wordTokenizer();
    // query "cat dog" = 2, document "fish cat cat tea" = 4: 46 + 2 + 4 = 52 by pieces.
    const [prompt] = encodePrompts(encode, 'cat dog', ['fish cat cat tea'], 52);
    // Whole: "tea<|im_end|>" is one word, so 51 tokens, and the prompt ends with it and the rest of the suffix.
    expect(prompt?.ids).toHaveLength(51);
    expect(decode(prompt?.ids ?? []).slice(-4)).toEqual(['tea<|im_end|>', '<|im_start|>assistant', '<think>', '</think>']);
    expect(decode(prompt?.ids ?? []).slice(0, 2)).toEqual(['<|im_start|>system', 'Judge']);
    expect(prompt?.truncated).toBe(false);
    expect(prompt?.details.budget).toEqual({ queryTokens: 2, docTokensKept: 4, docTokensTotal: 4 });
  });

  it('cuts the end of the document and keeps the suffix whole (maxLength 50: room 4, query 2, document 2)', () => {
    const { encode, decode } = wordTokenizer();
    const [prompt] = encodePrompts(encode, 'cat dog', ['fish cat cat tea'], 50);
    expect(prompt?.ids).toHaveLength(50);
    expect(decode(prompt?.ids ?? []).slice(-7)).toEqual(['<Document>:', 'fish', 'cat', ...SUFFIX_WORDS]);
    expect(prompt?.truncated).toBe(true);
    expect(prompt?.details.budget).toEqual({ queryTokens: 2, docTokensKept: 2, docTokensTotal: 4 });
  });

  it('cuts the query only once the document is gone (maxLength 47: room 1)', () => {
    const { encode, decode } = wordTokenizer();
    const [prompt] = encodePrompts(encode, 'cat dog', ['fish cat cat tea'], 47);
    expect(decode(prompt?.ids ?? []).slice(-7)).toEqual(['<Query>:', 'cat', '<Document>:', ...SUFFIX_WORDS]);
    expect(prompt?.details.budget).toEqual({ queryTokens: 1, docTokensKept: 0, docTokensTotal: 4 });
  });

  it('refuses a maxLength below the template (46 + one query token = 47), saying what to raise it to', () => {
    const { encode } = wordTokenizer();
    expect(() => encodePrompts(encode, 'cat dog', ['fish'], 46)).toThrow(/at least 47/);
  });

  it('encodes each document, ids-like words included, with the same query', () => {
    const { encode, decode } = wordTokenizer();
    const prompts = encodePrompts(encode, '__proto__', ['constructor toString', 'hasOwnProperty'], 512);
    expect(prompts.map((p) => p.details.budget)).toEqual([
      { queryTokens: 1, docTokensKept: 2, docTokensTotal: 2 },
      { queryTokens: 1, docTokensKept: 1, docTokensTotal: 1 },
    ]);
    expect(decode(prompts[0]?.ids ?? [])).toContain('__proto__');
    expect(decode(prompts[1]?.ids ?? [])).toContain('hasOwnProperty<|im_end|>');
  });
});

describe('leftPad', () => {
  it('pads on the left so that every real last token is at the last position', () => {
    expect(leftPad([[5, 6, 7], [8]], 0)).toEqual({ inputIds: [5n, 6n, 7n, 0n, 0n, 8n], attentionMask: [1n, 1n, 1n, 0n, 0n, 1n], dims: [2, 3] });
  });

  it('pads with the given id', () => {
    expect(leftPad([[1], [2, 3]], 151643).inputIds).toEqual([151643n, 1n, 2n, 3n]);
  });
});

describe('yesProbabilitiesAtLastPosition', () => {
  // vocab 3: id 0 another token, 1 "yes", 2 "no". Position 0 holds decoys (9s) that must not be read.
  it('reads softmax over [yes, no] at the last position of each row', () => {
    const logits = [9, 9, 9, 0, 2, 0, /* row 1 */ 9, 9, 9, 5, 0, Math.log(3)];
    const [first, second] = yesProbabilitiesAtLastPosition(logits, [2, 2, 3], 1, 2);
    // Row 0: yes 2, no 0: 1 / (1 + e^-2) = 1 / 1.1353352832 = 0.8807970780. The 0 of the other token is ignored.
    expect(first).toBeCloseTo(0.880797078, 9);
    // Row 1: yes 0, no ln 3: e^0 / (e^0 + 3) = 1/4, though the other token's logit 5 is the largest.
    expect(second).toBeCloseTo(0.25, 12);
  });

  it('reads a single kept position ([rows, 1, vocab], num_logits_to_keep = 1)', () => {
    // yes = no: 1/2.
    expect(yesProbabilitiesAtLastPosition([7, 1.5, 1.5], [1, 1, 3], 1, 2)).toEqual([0.5]);
  });

  it('refuses logits that are not [batch, sequence, vocabulary], or answer ids outside them', () => {
    expect(() => yesProbabilitiesAtLastPosition([0, 1], [1, 2], 0, 1)).toThrow(/batch, sequence, vocabulary/);
    expect(() => yesProbabilitiesAtLastPosition([0, 1, 2], [1, 1, 3], 3, 1)).toThrow(/outside the model's 3 logits/);
  });
});

describe('isCausalLmConfig and answerTokenId', () => {
  it('reads a ...ForCausalLM architecture as a causal LM, anything else as a cross-encoder', () => {
    expect(isCausalLmConfig({ architectures: ['Qwen3ForCausalLM'] })).toBe(true);
    expect(isCausalLmConfig({ architectures: ['BertForSequenceClassification'] })).toBe(false);
    expect(isCausalLmConfig({})).toBe(false);
    expect(isCausalLmConfig({ architectures: null })).toBe(false);
  });

  it('needs whole "yes" and "no" tokens', () => {
    expect(answerTokenId('yes', 9693)).toBe(9693);
    expect(answerTokenId('yes', 0)).toBe(0);
    expect(() => answerTokenId('no', undefined)).toThrow(/has no "no" token/);
    expect(() => answerTokenId('no', null)).toThrow(/has no "no" token/);
  });
});

describe('rowsPerBatch', () => {
  it('keeps the Batch setting when the export keeps only the last position', () => {
    expect(rowsPerBatch(8, 300, 0)).toBe(8);
  });

  it('shrinks the batch so that all-position logits fit the budget', () => {
    // Qwen3: 151,669 x 4 = 606,676 B per token; x 300 tokens = 182,002,800 B per row; 268,435,456 / that = 1.47: 1 row.
    expect(rowsPerBatch(8, 300, 151_669 * 4)).toBe(1);
    // A budget of 1,000 B, 10 tokens of 20 B: 200 B per row, 5 rows; the Batch setting 3 is smaller and stands.
    expect(rowsPerBatch(8, 10, 20, 1000)).toBe(5);
    expect(rowsPerBatch(3, 10, 20, 1000)).toBe(3);
    // Never below one row, even when one row is over the budget.
    expect(rowsPerBatch(8, 10_000, 151_669 * 4)).toBe(1);
  });
});
