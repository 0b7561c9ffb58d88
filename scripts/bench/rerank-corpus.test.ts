import path from 'node:path';
import { AutoTokenizer, env } from '@huggingface/transformers';
import { describe, expect, it } from 'vitest';
import { benchQuery, defaultCorpus, makeCorpus, plannedTokenCounts } from './rerank-corpus';

describe('the cross-encoder bench corpus', () => {
  it('is the same every time', () => {
    expect(makeCorpus()).toEqual(makeCorpus());
    expect(makeCorpus()).toHaveLength(defaultCorpus.docs);
  });

  it('has the planned token count per document with the real bert-base-uncased tokenizer, 200 on average', async () => {
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = path.resolve('fixtures') + path.sep;
    const tokenizer = await AutoTokenizer.from_pretrained('bert-base-uncased-tokenizer');
    const counts = makeCorpus().map((doc) => tokenizer.encode(doc, { add_special_tokens: false }).length);
    expect(counts).toEqual(plannedTokenCounts());
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    expect(mean).toBeGreaterThan(190);
    expect(mean).toBeLessThan(210);
    // The query is short, so every pair fits in 512 tokens and nothing is cut.
    expect(tokenizer.encode(benchQuery, { add_special_tokens: false }).length).toBeLessThan(20);
  });
});
