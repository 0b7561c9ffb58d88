// The real bert-base-uncased tokenizer (fixtures/) through transformers.js in Node, as the worker uses it.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AutoTokenizer, env, type PreTrainedTokenizer } from '@huggingface/transformers';
import { pairTemplateOf } from './crossEncoder';
import { createScoreCollector, planRerank, tokenizeByWord } from './longDocuments';
import type { PairTemplate } from '../../core/pairEncoding';

let tokenizer: PreTrainedTokenizer;
let template: PairTemplate;

beforeAll(async () => {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = path.resolve('fixtures') + path.sep;
  tokenizer = await AutoTokenizer.from_pretrained('bert-base-uncased-tokenizer');
  template = pairTemplateOf(tokenizer);
});

// "a b c d e f berlin": a..f are ids 1037..1042, berlin 4068; the words start at characters 0, 2, 4, 6, 8, 10, 12.
const LONG = 'a b c d e f berlin';
// maxLength 7 = [CLS] + 1 query token + [SEP] + 3 document tokens + [SEP]: each window holds 3 document tokens.
const MAX = 7;

describe('tokenizeByWord', () => {
  it('gives the same ids as the whole text for WordPiece, with each word at its characters', () => {
    const text = "Hello,  world! It's   fine.\n";
    const { ids, chunks } = tokenizeByWord(tokenizer, text);
    expect(ids).toEqual(tokenizer.encode(text, { add_special_tokens: false }));
    expect(chunks.map((c) => text.slice(c.charStart, c.charEnd))).toEqual(['Hello,', 'world!', "It's", 'fine.']);
    // "hello ," is 2 tokens, "world !" 2, "it ' s" 3, "fine ." 2
    expect(chunks.map((c) => c.tokens)).toEqual([2, 2, 3, 2]);
  });
});

describe('planRerank in split mode', () => {
  it('cuts windows of 3 tokens with an overlap of 1 and maps them to characters', () => {
    const planned = planRerank(tokenizer, template, 'berlin', [LONG], MAX, { mode: 'split', stride: 1, aggregate: 'max' });
    if (!planned.ok) throw new Error(planned.message);
    // step 3 - 1 = 2: token windows [0,3) a b c, [2,5) c d e, [4,7) e f berlin
    expect(planned.plan.rows.map((r) => r.inputIds)).toEqual([
      [101, 4068, 102, 1037, 1038, 1039, 102],
      [101, 4068, 102, 1039, 1040, 1041, 102],
      [101, 4068, 102, 1041, 1042, 4068, 102],
    ]);
    expect(planned.plan.documents[0]?.spans).toEqual([
      { charStart: 0, charEnd: 5 },
      { charStart: 4, charEnd: 9 },
      { charStart: 8, charEnd: 18 },
    ]);
    expect(planned.plan.notSameAsWhole).toBe(0);
  });

  it('scores a document once all its windows are in, by the chosen aggregate', () => {
    const planned = planRerank(tokenizer, template, 'berlin', [LONG, 'berlin'], MAX, { mode: 'split', stride: 1, aggregate: 'max' });
    if (!planned.ok) throw new Error(planned.message);
    const collect = createScoreCollector(planned.plan);
    // rows 0..2 are the long document's windows, row 3 the short one (a single window over all of it)
    const first = collect([3, 2, 0], [0.5, 5, 1]);
    expect(first.indices).toEqual([1]);
    expect(first.details[0]).toEqual({ budget: { queryTokens: 1, docTokensKept: 1, docTokensTotal: 1 }, windows: [{ charStart: 0, charEnd: 6, score: 0.5 }], winner: 0, aggregate: 'max' });
    const second = collect([1], [2]);
    // max of [1, 2, 5] = 5, in window 2
    expect(second.indices).toEqual([0]);
    expect(second.scores).toEqual([5]);
    expect(second.details[0]?.winner).toBe(2);
    expect(second.details[0]?.windows?.map((w) => w.score)).toEqual([1, 2, 5]);
    expect(second.details[0]?.budget).toEqual({ queryTokens: 1, docTokensKept: 7, docTokensTotal: 7 });
    expect(second.truncated).toEqual([false]);
  });

  it('refuses a stride that leaves the windows no room to move', () => {
    const planned = planRerank(tokenizer, template, 'berlin', [LONG], MAX, { mode: 'split', stride: 3, aggregate: 'max' });
    expect(planned.ok).toBe(false);
    if (!planned.ok) expect(planned.message).toContain('Lower the stride below 3');
  });
});

describe('planRerank in truncate mode', () => {
  it('keeps one pair per document and reports its token budget', () => {
    const planned = planRerank(tokenizer, template, 'berlin', [LONG], MAX, { mode: 'truncate' });
    if (!planned.ok) throw new Error(planned.message);
    // budget 7 - 3 = 4: the 1-token query stays, the document keeps 3 of its 7 tokens
    expect(planned.plan.rows.map((r) => r.inputIds)).toEqual([[101, 4068, 102, 1037, 1038, 1039, 102]]);
    const done = createScoreCollector(planned.plan)([0], [-1.5]);
    expect(done).toEqual({ indices: [0], scores: [-1.5], truncated: [true], details: [{ budget: { queryTokens: 1, docTokensKept: 3, docTokensTotal: 7 } }] });
  });
});
