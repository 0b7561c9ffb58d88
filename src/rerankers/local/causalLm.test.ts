/**
 * The LLM reranker's worker code run for real in Node: transformers.js loads the generated tiny causal LM
 * (scripts/models/causalLmModel.mjs) from a temporary folder, as Qwen3ForCausalLM, on onnxruntime-node.
 * Its formula (test-models/README.md): at the prompt's last token, yes − no = the number of document words that
 * also occur in the query, once the "</think>" of the suffix has been read (before it: −4); "no" = 0, every
 * other token 2. So P(yes) = 1 / (1 + e^−matches), worked by hand below.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { env } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs build script without types
import { causalLmModelFiles } from '../../../scripts/models/causalLmModel.mjs';
// @ts-expect-error -- a plain .mjs build script without types
import { writeModel } from '../../../scripts/models/modelFiles.mjs';
import { encodePrompts } from './causalLmBatch';
import { loadLocalModel, runCausalRerank, scoreCausalBatch, type CausalLm, type RerankIo } from './causalLm';
import type { LocalDevice, RerankRequest, WorkerReply } from './protocol';

/** In Node, transformers.js runs onnxruntime-node, whose device is called 'cpu' (the browser's is 'wasm'). */
const NODE_CPU = 'cpu' as unknown as LocalDevice;

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
let folder = '';
let lm: CausalLm;

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'causal-lm-'));
  (writeModel as (dir: string, files: unknown) => void)(path.join(folder, 'test', 'tiny-causal-reranker'), (causalLmModelFiles as () => unknown)());
  env.allowLocalModels = true;
  env.allowRemoteModels = false;
  env.localModelPath = `${folder}/`;
  const loaded = await loadLocalModel('test/tiny-causal-reranker', NODE_CPU, 'q8', () => undefined);
  if (loaded.kind !== 'causal-lm') throw new Error(`expected a causal LM, got ${loaded.kind}`);
  lm = loaded.lm;
}, 30_000);

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

const encode = (text: string): number[] => lm.tokenizer.encode(text, { add_special_tokens: false });

describe('the tiny causal LM through loadLocalModel and scoreCausalBatch', () => {
  it('is read as a causal LM from its config, with the vocabulary ids of "yes" (9) and "no" (10)', () => {
    expect([lm.yesId, lm.noId, lm.padId]).toEqual([9, 10, 0]);
    // Its graph has no num_logits_to_keep input, so it returns logits at every position: 35 tokens x 4 B = 140 B per token.
    expect(lm.logitBytesPerToken).toBe(140);
  });

  it('scores a left-padded batch of prompts of different lengths by hand', async () => {
    const docs = [
      'the cat saw a cat and a fish', // cat, cat: 2 -> 1 / (1 + e^-2) = 0.8807970780
      'tea and water', // 0 -> 1/2
      'Dog dog DOG cat', // lower-cased: dog x3 + cat = 4 -> 1 / (1 + e^-4) = 0.9820137900
    ];
    const prompts = encodePrompts(encode, 'cat dog', docs, 512);
    expect(prompts.map((p) => p.truncated)).toEqual([false, false, false]);
    const scores = await scoreCausalBatch(lm, prompts.map((p) => p.ids));
    expect(scores[0]).toBeCloseTo(0.880797078, 6);
    expect(scores[1]).toBeCloseTo(0.5, 6);
    expect(scores[2]).toBeCloseTo(0.98201379, 6);
    expect(sigmoid(2)).toBeCloseTo(0.880797078, 9); // the working above
  });

  it('keeps the suffix of a cut document: the kept part decides the score', async () => {
    // "cat" + 30 x "filler" + "cat cat": 33 document tokens, 3 of them query words (sigmoid 3 = 0.9526 if whole).
    const long = `cat ${'filler '.repeat(30)}cat cat`;
    const [whole] = encodePrompts(encode, 'cat', [long], 512);
    const fullLength = whole?.ids.length ?? 0;
    // 20 tokens fewer: the document keeps 13 (cat + 12 fillers), so 1 match: 1 / (1 + e^-1) = 0.7310585786.
    const [cut] = encodePrompts(encode, 'cat', [long], fullLength - 20);
    expect(cut?.truncated).toBe(true);
    expect(cut?.details.budget).toEqual({ queryTokens: 1, docTokensKept: 13, docTokensTotal: 33 });
    const [wholeScore, cutScore] = await scoreCausalBatch(lm, [whole?.ids ?? [], cut?.ids ?? []]);
    expect(wholeScore).toBeCloseTo(0.952574127, 6);
    expect(cutScore).toBeCloseTo(0.731058579, 6);
    // Cutting the end of the whole prompt instead (the suffix lost) leaves yes − no = −4: 1 / (1 + e^4) = 0.0179862100.
    const [naive] = await scoreCausalBatch(lm, [(whole?.ids ?? []).slice(0, fullLength - 20)]);
    expect(naive).toBeCloseTo(0.01798621, 6);
  });
});

describe('runCausalRerank', () => {
  const request = (options: RerankRequest['options']): RerankRequest => ({ type: 'rerank', id: 7, query: 'cat', docs: ['cat cat', 'tea'], options });
  const io = (cancelled: boolean): { replies: WorkerReply[]; io: RerankIo } => {
    const replies: WorkerReply[] = [];
    return { replies, io: { post: (r) => replies.push(r), isCancelled: () => cancelled, yieldToMessages: () => Promise.resolve(), finished: () => cancelled } };
  };

  it('posts P(yes) per batch, then done: "cat cat" 2 matches (0.8808), "tea" none (0.5)', async () => {
    const run = io(false);
    await runCausalRerank(lm, request({ maxLength: 512, batchSize: 1 }), run.io);
    const partials = run.replies.filter((r) => r.type === 'partial');
    // Shortest first: "tea" (1 token) before "cat cat" (2).
    expect(partials.map((p) => p.indices)).toEqual([[1], [0]]);
    expect(partials[0]?.scores[0]).toBeCloseTo(0.5, 6);
    expect(partials[1]?.scores[0]).toBeCloseTo(0.880797078, 6);
    expect(run.replies.at(-1)).toMatchObject({ type: 'done', id: 7, batches: 2, cancelled: false });
  });

  it('stops at a cancel and says so', async () => {
    const run = io(true);
    await runCausalRerank(lm, request({ maxLength: 512, batchSize: 1 }), run.io);
    expect(run.replies).toHaveLength(1);
    expect(run.replies[0]).toMatchObject({ type: 'done', batches: 0, cancelled: true });
  });

  it('refuses split mode and a Max tokens below the template, as invalid requests', async () => {
    const split = io(false);
    await runCausalRerank(lm, request({ maxLength: 512, batchSize: 1, longDocuments: { mode: 'split', stride: 128, aggregate: 'max' } }), split.io);
    expect(split.replies[0]).toMatchObject({ type: 'error', kind: 'invalid-request', message: expect.stringMatching(/set Long documents to Truncate/) });
    const short = io(false);
    await runCausalRerank(lm, request({ maxLength: 8, batchSize: 1 }), short.io);
    expect(short.replies[0]).toMatchObject({ type: 'error', kind: 'invalid-request', message: expect.stringMatching(/Raise Max tokens to at least/) });
  });
});
