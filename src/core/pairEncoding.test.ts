import { describe, expect, it } from 'vitest';
import { bertPairTemplate, derivePairTemplate, encodePair, padBatch, type PairTemplate } from './pairEncoding';

const bert = bertPairTemplate(101, 102);
const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, i) => from + i);

describe('encodePair', () => {
  it('lays out [CLS] q [SEP] d [SEP] with token types 0 then 1', () => {
    const e = encodePair([1, 2], [3, 4, 5], bert, 512);
    expect(e.inputIds).toEqual([101, 1, 2, 102, 3, 4, 5, 102]);
    expect(e.tokenTypeIds).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    expect(e.attentionMask).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(e.truncated).toBe(false);
  });

  it('fits exactly at maxLength without truncating', () => {
    const e = encodePair([1, 2], [3, 4, 5], bert, 8);
    expect(e.inputIds).toHaveLength(8);
    expect(e.truncated).toBe(false);
  });

  it('cuts the document, not the query, and keeps the final [SEP]', () => {
    const e = encodePair([1, 2], [3, 4, 5], bert, 7);
    expect(e.inputIds).toEqual([101, 1, 2, 102, 3, 4, 102]);
    expect(e.tokenTypeIds).toEqual([0, 0, 0, 0, 1, 1, 1]);
    expect(e.truncated).toBe(true);
    expect(e.queryTruncated).toBe(false);
  });

  it('cuts a long query to half the budget when the document needs the room', () => {
    // budget = 11 - 3 = 8: query keeps 4, document keeps 4.
    const e = encodePair(range(11, 10), range(31, 10), bert, 11);
    expect(e.inputIds).toEqual([101, 11, 12, 13, 14, 102, 31, 32, 33, 34, 102]);
    expect(e.queryTruncated).toBe(true);
  });

  it('lets a long query use what a short document leaves', () => {
    // budget 8, document 1 token: query keeps 7.
    const e = encodePair(range(11, 10), [31], bert, 11);
    expect(e.inputIds).toEqual([101, 11, 12, 13, 14, 15, 16, 17, 102, 31, 102]);
    expect(e.truncated).toBe(true);
  });

  it('handles an XLM-R style template: <s> q </s></s> d </s>, all type 0', () => {
    const xlmr: PairTemplate = { prefix: [0], middle: [2, 2], suffix: [2], queryTypeId: 0, documentTypeId: 0 };
    const e = encodePair([7], [8, 9, 10], xlmr, 7);
    expect(e.inputIds).toEqual([0, 7, 2, 2, 8, 9, 2]);
    expect(e.tokenTypeIds).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('refuses a maxLength with no room for one query and one document token', () => {
    expect(() => encodePair([1], [2], bert, 4)).toThrow(RangeError);
    expect(encodePair([1], [2], bert, 5).inputIds).toEqual([101, 1, 102, 2, 102]);
  });
});

describe('derivePairTemplate', () => {
  it('finds the BERT template', () => {
    expect(derivePairTemplate([101, 7, 102, 8, 102], [0, 0, 0, 1, 1], [7], [8])).toEqual(bert);
  });
  it('finds the XLM-R template without token types', () => {
    expect(derivePairTemplate([0, 7, 2, 2, 8, 2], undefined, [7], [8])).toEqual({
      prefix: [0], middle: [2, 2], suffix: [2], queryTypeId: 0, documentTypeId: 0,
    });
  });
  it('gives up when the texts are not in order', () => {
    expect(derivePairTemplate([101, 8, 102, 7, 102], undefined, [7], [8])).toBeUndefined();
  });
});

describe('padBatch', () => {
  it('right-pads to the longest row with attention 0 and type 0', () => {
    const short = encodePair([1], [2], bert, 512); // 101 1 102 2 102
    const long = encodePair([1, 2], [3, 4], bert, 512); // 101 1 2 102 3 4 102
    const batch = padBatch([short, long], 0);
    expect(batch.dims).toEqual([2, 7]);
    expect(Array.from(batch.inputIds, Number)).toEqual([101, 1, 102, 2, 102, 0, 0, 101, 1, 2, 102, 3, 4, 102]);
    expect(Array.from(batch.attentionMask, Number)).toEqual([1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1]);
    expect(Array.from(batch.tokenTypeIds, Number)).toEqual([0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
  });
});
