// The real bert-base-uncased tokenizer (fixtures/) through transformers.js in Node: the ids the model gets.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AutoTokenizer, env, type PreTrainedTokenizer } from '@huggingface/transformers';
import { encodePairs, pairTemplateOf } from './crossEncoder';

let tokenizer: PreTrainedTokenizer;

beforeAll(async () => {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = path.resolve('fixtures') + path.sep;
  tokenizer = await AutoTokenizer.from_pretrained('bert-base-uncased-tokenizer');
});

describe('pairs with the real tokenizer', () => {
  it('tokenizes the reference sentence as documented in fixtures/PROVENANCE.md', () => {
    expect(tokenizer.encode('how many people live in berlin?')).toEqual([101, 2129, 2116, 2111, 2444, 1999, 4068, 1029, 102]);
  });

  it('finds the BERT pair template from the tokenizer itself', () => {
    expect(pairTemplateOf(tokenizer)).toEqual({ prefix: [101], middle: [102], suffix: [102], queryTypeId: 0, documentTypeId: 1 });
  });

  it('cuts a long query to what a short document leaves (maxLength 12: budget 9, document 4 <= 9/2 stays, query keeps 9 - 4 = 5)', () => {
    const [pair] = encodePairs({ tokenizer, template: pairTemplateOf(tokenizer) }, 'how many people live in berlin?', ['Berlin is big.'], 12);
    expect(pair?.inputIds).toEqual([101, 2129, 2116, 2111, 2444, 1999, 102, 4068, 2003, 2502, 1012, 102]);
    expect(pair?.queryTruncated).toBe(true);
  });

  it('splits an odd budget as HF longest_first does: the longer side gets the odd token', () => {
    // Query 7 tokens (how many people live in berlin ?), document 6 (berlin is big . it has:
    // 4068 2003 2502 1012 2009 2038). maxLength 14: budget 11; 2 * 6 = 12 > 11, so both are cut:
    // the shorter document keeps floor(11/2) = 5, the longer query keeps 5 + 1 = 6.
    const [pair] = encodePairs({ tokenizer, template: pairTemplateOf(tokenizer) }, 'how many people live in berlin?', ['Berlin is big. It has'], 14);
    expect(pair?.inputIds).toEqual([101, 2129, 2116, 2111, 2444, 1999, 4068, 102, 4068, 2003, 2502, 1012, 2009, 102]);
    expect(pair?.tokenTypeIds).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
    expect(pair?.queryTruncated).toBe(true);
  });

  it('builds [CLS] query [SEP] document [SEP] with types 0 / 1', () => {
    const [pair] = encodePairs({ tokenizer, template: pairTemplateOf(tokenizer) }, 'how many people live in berlin?', ['Berlin is big.'], 512);
    // berlin 4068, is 2003, big 2502, . 1012
    expect(pair?.inputIds).toEqual([101, 2129, 2116, 2111, 2444, 1999, 4068, 1029, 102, 4068, 2003, 2502, 1012, 102]);
    expect(pair?.tokenTypeIds).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    expect(pair?.truncated).toBe(false);
  });

  it('cuts the document and keeps the final [SEP], unlike the tokenizer\'s own pair truncation', () => {
    // budget 18 - 3 = 15: the 7 query tokens stay, the 9 document tokens are cut to 8.
    const doc = 'Berlin is big. It has many parks.'; // 4068 2003 2502 1012 2009 2038 2116 6328 1012
    const [pair] = encodePairs({ tokenizer, template: pairTemplateOf(tokenizer) }, 'how many people live in berlin?', [doc], 18);
    expect(pair?.inputIds).toEqual([101, 2129, 2116, 2111, 2444, 1999, 4068, 1029, 102, 4068, 2003, 2502, 1012, 2009, 2038, 2116, 6328, 102]);
    expect(pair?.truncated).toBe(true);
    expect(pair?.queryTruncated).toBe(false);
    // The stock tokenizer, for contrast, loses the final separator.
    const stock = tokenizer('how many people live in berlin?', { text_pair: doc, truncation: true, max_length: 18, return_tensor: false }) as { input_ids: number[] };
    expect(stock.input_ids.at(-1)).not.toBe(102);
  });
});
