import { describe, expect, it } from 'vitest';
import {
  buildPrompt,
  fitPrompt,
  formatBody,
  promptPieces,
  QWEN3_DEFAULT_INSTRUCTION,
  QWEN3_RERANKER_PREFIX,
  QWEN3_RERANKER_SUFFIX,
  yesNoScore,
} from './llmRerankPrompt';

// Typed from the model card's Transformers example (QwenLM/Qwen3-Embedding README.md), not from the code under test.
const CARD_PREFIX =
  '<|im_start|>system\nJudge whether the Document meets the requirements based on the Query and the Instruct provided. Note that the answer can only be "yes" or "no".<|im_end|>\n<|im_start|>user\n';
const CARD_SUFFIX = '<|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\n';

describe('the Qwen3-Reranker prompt', () => {
  it('has the card prefix, suffix and default instruction, character for character', () => {
    expect(QWEN3_RERANKER_PREFIX).toBe(CARD_PREFIX);
    expect(QWEN3_RERANKER_SUFFIX).toBe(CARD_SUFFIX);
    expect(QWEN3_DEFAULT_INSTRUCTION).toBe('Given a web search query, retrieve relevant passages that answer the query');
    // The empty think block: exactly two newlines after <think> and two after </think>, nothing after.
    expect(QWEN3_RERANKER_SUFFIX.endsWith('<think>\n\n</think>\n\n')).toBe(true);
  });

  it("builds the card's example pair exactly", () => {
    expect(buildPrompt({ query: 'What is the capital of China?', document: 'The capital of China is Beijing.' })).toBe(
      '<|im_start|>system\nJudge whether the Document meets the requirements based on the Query and the Instruct provided. ' +
        'Note that the answer can only be "yes" or "no".<|im_end|>\n<|im_start|>user\n' +
        '<Instruct>: Given a web search query, retrieve relevant passages that answer the query\n' +
        '<Query>: What is the capital of China?\n' +
        '<Document>: The capital of China is Beijing.' +
        '<|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\n',
    );
  });

  it('uses a given instruction, and the default for a blank one', () => {
    expect(formatBody({ instruction: 'Find code that fixes the bug', query: 'q', document: 'd' })).toBe(
      '<Instruct>: Find code that fixes the bug\n<Query>: q\n<Document>: d',
    );
    expect(formatBody({ instruction: '   ', query: 'q', document: 'd' })).toBe(
      '<Instruct>: Given a web search query, retrieve relevant passages that answer the query\n<Query>: q\n<Document>: d',
    );
  });

  it('splits into pieces that join back into the prompt', () => {
    const input = { query: '__proto__', document: 'constructor toString' };
    const p = promptPieces(input);
    expect([p.prefix, p.head, p.query, p.middle, p.document, p.suffix]).toEqual([
      CARD_PREFIX,
      '<Instruct>: Given a web search query, retrieve relevant passages that answer the query\n<Query>:',
      ' __proto__',
      '\n<Document>:',
      ' constructor toString',
      CARD_SUFFIX,
    ]);
    expect(p.prefix + p.head + p.query + p.middle + p.document + p.suffix).toBe(buildPrompt(input));
  });
});

describe('fitPrompt', () => {
  // Hand-built ids: prefix 3, head 2, middle 1, suffix 4 = 10 fixed tokens; query 3; document 10 -> 23 in all.
  const prefix = [1, 2, 3];
  const suffix = [90, 91, 92, 93];
  const body = { head: [10, 11], query: [20, 21, 22], middle: [30], document: [40, 41, 42, 43, 44, 45, 46, 47, 48, 49] };

  it('keeps everything when it fits', () => {
    expect(fitPrompt(prefix, body, suffix, 23)).toEqual({
      ids: [1, 2, 3, 10, 11, 20, 21, 22, 30, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 90, 91, 92, 93],
      documentTokensCut: 0,
      queryTokensCut: 0,
    });
  });

  it('cuts the end of a long document and keeps the suffix', () => {
    // 18 - 10 fixed = 8 for query and document: the query's 3, then 5 of the document's 10.
    expect(fitPrompt(prefix, body, suffix, 18)).toEqual({
      ids: [1, 2, 3, 10, 11, 20, 21, 22, 30, 40, 41, 42, 43, 44, 90, 91, 92, 93],
      documentTokensCut: 5,
      queryTokensCut: 0,
    });
  });

  it('cuts the query only once the document is gone', () => {
    // 13 - 10 = 3: all of the query, none of the document.
    expect(fitPrompt(prefix, body, suffix, 13)).toEqual({
      ids: [1, 2, 3, 10, 11, 20, 21, 22, 30, 90, 91, 92, 93],
      documentTokensCut: 10,
      queryTokensCut: 0,
    });
    // 12 - 10 = 2: the query's first 2 tokens.
    expect(fitPrompt(prefix, body, suffix, 12)).toEqual({
      ids: [1, 2, 3, 10, 11, 20, 21, 30, 90, 91, 92, 93],
      documentTokensCut: 10,
      queryTokensCut: 1,
    });
  });

  it('keeps the "<Document>:" marker and the suffix for a very long query', () => {
    const longQuery = Array.from({ length: 100 }, (_, i) => 1000 + i);
    const fitted = fitPrompt(prefix, { ...body, query: longQuery, document: [40, 41] }, suffix, 20);
    // 20 - 10 = 10: the query's first 10 tokens (1000..1009), then the marker and the suffix.
    expect(fitted.ids).toEqual([1, 2, 3, 10, 11, 1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 30, 90, 91, 92, 93]);
    expect(fitted.queryTokensCut).toBe(90);
    expect(fitted.documentTokensCut).toBe(2);
  });

  it('says how many tokens the template needs when Max tokens is too small', () => {
    // 10 fixed + 1 query token = 11 > 10
    expect(() => fitPrompt(prefix, body, suffix, 10)).toThrow(
      'Max tokens is 10, but the Qwen3-Reranker prompt needs 11 tokens before any document text (template and instruction). ' +
        'Raise Max tokens to at least 11, or shorten the instruction.',
    );
    expect(fitPrompt(prefix, body, suffix, 11).ids).toEqual([1, 2, 3, 10, 11, 20, 30, 90, 91, 92, 93]);
    // An empty query needs no room of its own.
    expect(fitPrompt(prefix, { ...body, query: [] }, suffix, 10).ids).toEqual([1, 2, 3, 10, 11, 30, 90, 91, 92, 93]);
  });

  it('refuses a Max tokens that is not a whole number of 1 or more', () => {
    expect(() => fitPrompt(prefix, body, suffix, 0)).toThrow(RangeError);
    expect(() => fitPrompt(prefix, body, suffix, 18.5)).toThrow('Max tokens must be a whole number of 1 or more (got 18.5).');
  });
});

describe('yesNoScore', () => {
  it('is 0.5 when the two logits are equal, at any size', () => {
    expect(yesNoScore(0, 0)).toBe(0.5);
    expect(yesNoScore(3.25, 3.25)).toBe(0.5);
    expect(yesNoScore(1e6, 1e6)).toBe(0.5);
  });

  it('is e^yes / (e^yes + e^no)', () => {
    // yes = ln 3, no = 0: 3 / (3 + 1) = 0.75
    expect(yesNoScore(Math.log(3), 0)).toBeCloseTo(0.75, 15);
    // yes = 2, no = 0: e^2 / (e^2 + 1) = 7.38905609893065 / 8.38905609893065 = 0.8807970779778824
    expect(yesNoScore(2, 0)).toBeCloseTo(0.8807970779778824, 15);
    // the other way round: 1 - 0.8807970779778824 = 0.1192029220221176
    expect(yesNoScore(0, 2)).toBeCloseTo(0.1192029220221176, 15);
  });

  it('does not overflow for large logits, where e^1000 is Infinity', () => {
    // yes = 1000, no = 999: e / (e + 1) = 0.7310585786300049 (the plain formula gives Infinity / Infinity = NaN)
    expect(yesNoScore(1000, 999)).toBeCloseTo(0.7310585786300049, 15);
    // both very negative: the plain formula gives 0 / 0
    expect(yesNoScore(-1000, -1001)).toBeCloseTo(0.7310585786300049, 15);
    expect(yesNoScore(1000, 0)).toBe(1);
    expect(yesNoScore(0, 1000)).toBe(0);
  });

  it('refuses a logit that is not finite', () => {
    expect(() => yesNoScore(Number.NaN, 0)).toThrow('yes/no logits must be finite numbers (got yes NaN, no 0).');
    expect(() => yesNoScore(0, Infinity)).toThrow(RangeError);
  });
});
