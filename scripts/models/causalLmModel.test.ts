/**
 * The tiny causal-LM graph run in onnxruntime-node, logits checked by hand against its formula (see
 * CAUSAL_FORMULA): "no" = 0, every other non-"yes" token 2, "yes" = d(t).
 * Ids: <|endoftext|> 0, <|im_start|> 1, <|im_end|> 2, <think> 3, </think> 4, <Instruct>: 5, <Query>: 6,
 * <Document>: 7, <unk> 8, yes 9, no 10, then the words from 11: apple 11, banana 12, bank 13, berlin 14, cat 15,
 * code 16, dog 17, drug 18, discovery 19, fish 20.
 */
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { buildCausalLmModel, causalYesMinusNo, VOCAB } from './causalLmModel.mjs';

const V = 35; // 8 template tokens + <unk>, yes, no + 24 words

function int64(rows: number[][]): ort.Tensor {
  const width = rows[0]?.length ?? 0;
  return new ort.Tensor('int64', BigInt64Array.from(rows.flat().map((v) => BigInt(v))), [rows.length, width]);
}

async function run(ids: number[][], mask: number[][]): Promise<{ data: Float32Array; dims: readonly number[] }> {
  const session = await ort.InferenceSession.create(buildCausalLmModel());
  const positions = mask.map((row) => row.map((m, t) => (m === 1 ? row.slice(0, t + 1).filter((x) => x === 1).length - 1 : 1)));
  const { logits } = await session.run({ input_ids: int64(ids), attention_mask: int64(mask), position_ids: int64(positions) });
  if (!logits) throw new Error('no logits output');
  return { data: logits.data as Float32Array, dims: logits.dims };
}

describe('the tiny causal-LM graph', () => {
  it('has the vocabulary the ids above assume', () => {
    expect(VOCAB).toHaveLength(V);
    expect([VOCAB[6], VOCAB[7], VOCAB[9], VOCAB[10], VOCAB[15], VOCAB[17], VOCAB[20]]).toEqual(['<Query>:', '<Document>:', 'yes', 'no', 'cat', 'dog', 'fish']);
  });

  it('gives yes − no at every position as worked by hand, left padding included', async () => {
    // Row 0: [pad] <Query>: cat dog <Document>: cat cat fish <|im_end|> </think>
    //   d: pad 0; before </think> -4 everywhere; at </think>: 2 (cat, cat in the document; fish is not in the query).
    // Row 1: <Query>: cat <Document>: dog <|im_end|> </think> [pad x4]: 0 matches; right-pad positions 0.
    const ids = [
      [0, 6, 15, 17, 7, 15, 15, 20, 2, 4],
      [6, 15, 7, 17, 2, 4, 0, 0, 0, 0],
    ];
    const mask = [
      [0, 1, 1, 1, 1, 1, 1, 1, 1, 1],
      [1, 1, 1, 1, 1, 1, 0, 0, 0, 0],
    ];
    const { data, dims } = await run(ids, mask);
    expect(dims).toEqual([2, 10, V]);
    const yesMinusNo = (b: number, t: number): number => (data[(b * 10 + t) * V + 9] ?? NaN) - (data[(b * 10 + t) * V + 10] ?? NaN);
    expect(Array.from({ length: 10 }, (_, t) => yesMinusNo(0, t))).toEqual([0, -4, -4, -4, -4, -4, -4, -4, -4, 2]);
    expect(Array.from({ length: 10 }, (_, t) => yesMinusNo(1, t))).toEqual([-4, -4, -4, -4, -4, 0, 0, 0, 0, 0]);
    // "no" is 0 and every other token 2 at the last position of row 0; "yes" is 2 there.
    const last = Array.from(data.slice(9 * V, 10 * V));
    expect(last[10]).toBe(0);
    expect(last[9]).toBe(2);
    expect(last.filter((_, i) => i !== 9 && i !== 10).every((x) => x === 2)).toBe(true);
    // The plain-JS formula agrees.
    expect(causalYesMinusNo(ids[0], mask[0])).toEqual([0, -4, -4, -4, -4, -4, -4, -4, -4, 2]);
  });

  it('counts only document words after "<Document>:" and before the next "<|im_end|>"', async () => {
    // <Query>: cat <Document>: fish <|im_end|> cat cat </think>: the cats after <|im_end|> are not document words, 0.
    // A "</think>" before the document's end does not count as the suffix: the first row's d stays -4 until the real one.
    const ids = [
      [6, 15, 7, 20, 2, 15, 15, 4],
      [6, 15, 7, 4, 15, 2, 1, 4],
    ];
    const mask = [Array(8).fill(1) as number[], Array(8).fill(1) as number[]];
    const { data } = await run(ids, mask);
    const lastYesMinusNo = (b: number): number => (data[(b * 8 + 7) * V + 9] ?? NaN) - (data[(b * 8 + 7) * V + 10] ?? NaN);
    expect(lastYesMinusNo(0)).toBe(0);
    // Row 1: <Query>: cat <Document>: </think> cat <|im_end|> <|im_start|> </think>: 1 match, the suffix is the last </think>.
    expect(lastYesMinusNo(1)).toBe(1);
    expect((data[(8 + 3) * V + 9] ?? NaN) - (data[(8 + 3) * V + 10] ?? NaN)).toBe(-4); // the early </think>
  });
});
