import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { cosine, poolBatch } from '../../src/rerankers/dense/pooling';
import { biEncoderTokenVectors, buildBiEncoderModel, HIDDEN_SIZE } from './biEncoderModel.mjs';

// bert-base-uncased ids: [CLS] 101, [SEP] 102, [PAD] 0, cat 4937 (1 + 4937 mod 7 = 1 + 2 = bucket 3),
// dog 3899 (1 + 3899 mod 7 = 1 + 0 = bucket 1), moon 4231 (1 + 4231 mod 7 = 1 + 3 = bucket 4).
const CAT_CAT_DOG = [101, 4937, 4937, 3899, 102];
const CAT_DOG = [101, 4937, 3899, 102, 0]; // padded to the batch's 5
const DOG_MOON_MOON = [101, 3899, 4231, 4231, 102];
const rows = [CAT_CAT_DOG, CAT_DOG, DOG_MOON_MOON];
const masks = [
  [1, 1, 1, 1, 1],
  [1, 1, 1, 1, 0],
  [1, 1, 1, 1, 1],
];

async function runModel() {
  const session = await ort.InferenceSession.create(buildBiEncoderModel());
  const int64 = (values: number[][]) => new ort.Tensor('int64', BigInt64Array.from(values.flat().map(BigInt)), [values.length, 5]);
  const { last_hidden_state: hidden } = await session.run({ input_ids: int64(rows), attention_mask: int64(masks) });
  if (!hidden) throw new Error('no last_hidden_state');
  return { data: hidden.data as Float32Array, dims: [rows.length, 5, HIDDEN_SIZE] as const, attentionMask: masks.flat() };
}

const e = (entries: Record<number, number>) => Array.from({ length: HIDDEN_SIZE }, (_, k) => entries[k] ?? 0);

describe('test/bi-encoder in onnxruntime-node', () => {
  it('gives [CLS] the presence vector, content tokens their bucket, [SEP] zeros, padding dimension 0', async () => {
    const { data } = await runModel();
    const row1 = Array.from(data.slice(5 * HIDDEN_SIZE, 10 * HIDDEN_SIZE));
    // "cat dog": [CLS] -> e1 + e3, cat -> e3, dog -> e1, [SEP] -> 0, [PAD] -> e0.
    expect(row1).toEqual([...e({ 1: 1, 3: 1 }), ...e({ 3: 1 }), ...e({ 1: 1 }), ...e({}), ...e({ 0: 1 })]);
    expect(biEncoderTokenVectors(CAT_DOG, masks[1]).flat()).toEqual(row1);
  });

  it('mean-pools "cat cat dog" to (2 e1 + 3 e3) / 5, normalized (2 e1 + 3 e3) / sqrt(13)', async () => {
    const tokens = await runModel();
    // L = 5 attended tokens; sum = presence (e1 + e3) + counts (e1 + 2 e3) = 2 e1 + 3 e3.
    expect(Array.from(poolBatch(tokens, 'mean', false)[0] ?? [])).toEqual(e({ 1: 2 / 5, 3: 3 / 5 }).map(Math.fround));
    const [catCatDog, catDog, dogMoonMoon] = poolBatch(tokens, 'mean', true);
    const s13 = Math.sqrt(13);
    e({ 1: 2 / s13, 3: 3 / s13 }).forEach((value, k) => expect(catCatDog?.[k]).toBeCloseTo(value, 6));
    // "cat dog": sum (e1 + e3) + (e1 + e3) over L = 4 (its pad excluded) -> (e1 + e3) / sqrt(2); no e0.
    expect(catDog?.[0]).toBe(0);
    expect(catDog?.[1]).toBeCloseTo(Math.SQRT1_2, 6);
    // cos("cat cat dog", "cat dog") = (2 + 3) / (sqrt(13) sqrt(2)) = 5 / sqrt(26) = 0.980581
    expect(cosine(catCatDog ?? [], catDog ?? [])).toBeCloseTo(5 / Math.sqrt(26), 6);
    // "dog moon moon" -> 2 e1 + 3 e4; cos with "cat cat dog" = (2 * 2) / 13 = 0.307692
    expect(cosine(catCatDog ?? [], dogMoonMoon ?? [])).toBeCloseTo(4 / 13, 6);
  });

  it('CLS-pools to the presence vector: "cat cat dog" and "cat dog" both (e1 + e3) / sqrt(2), cosine 1', async () => {
    const [catCatDog, catDog, dogMoonMoon] = poolBatch(await runModel(), 'cls', true);
    expect(catCatDog?.[3]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(cosine(catCatDog ?? [], catDog ?? [])).toBeCloseTo(1, 6);
    // presence e1 + e4 vs e1 + e3: 1 / 2
    expect(cosine(catCatDog ?? [], dogMoonMoon ?? [])).toBeCloseTo(0.5, 6);
  });
});
