import { describe, expect, it } from 'vitest';
import { deriveSingleTemplate, encodeSingle } from './encoding';

// bert-base-uncased: [CLS] 101, [SEP] 102, "a" 1037, "cat" 4937, "dog" 3899.
const bert = { prefix: [101], suffix: [102] };

describe('deriveSingleTemplate', () => {
  it('finds BERT-style [CLS] x [SEP] and XLM-R-style <s> x </s>', () => {
    expect(deriveSingleTemplate([101, 1037, 102], [1037])).toEqual(bert);
    expect(deriveSingleTemplate([0, 10, 2], [10])).toEqual({ prefix: [0], suffix: [2] });
  });

  it('gives an empty template to a tokenizer that adds nothing, and null when the ids do not line up', () => {
    expect(deriveSingleTemplate([1037], [1037])).toEqual({ prefix: [], suffix: [] });
    expect(deriveSingleTemplate([101, 5, 102], [1037])).toBeNull();
  });
});

describe('encodeSingle', () => {
  it('wraps a text that fits and marks it not truncated', () => {
    expect(encodeSingle([4937, 3899], bert, 8)).toEqual({ inputIds: [101, 4937, 3899, 102], attentionMask: [1, 1, 1, 1], truncated: false });
  });

  it('cuts the text, never the special tokens: maxLength 8 keeps 8 - 2 = 6 of 9 tokens and the final [SEP]', () => {
    const nine = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => 1000 + k);
    const encoded = encodeSingle(nine, bert, 8);
    expect(encoded.inputIds).toEqual([101, 1001, 1002, 1003, 1004, 1005, 1006, 102]);
    expect(encoded.truncated).toBe(true);
  });

  it('is not truncated at exactly maxLength', () => {
    expect(encodeSingle([1, 2, 3, 4, 5, 6], bert, 8).truncated).toBe(false);
  });
});
