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

  describe("matches HF tokenizers' longest_first (Rust truncate_encodings) split", () => {
    // The rule, with budget B = maxLength - 3 special tokens, short/long = the shorter/longer of query and document:
    //   fits (q + d <= B): nothing cut;
    //   2 * short <= B:    short kept whole, long keeps B - short;
    //   otherwise:         short keeps floor(B / 2), long keeps floor(B / 2) + B % 2 (the odd token goes to the
    //                      longer one; at equal lengths the query counts as the shorter, so the document gets it).
    const keeps = (queryLength: number, documentLength: number, maxLength: number): [number, number] => {
      const e = encodePair(range(1000, queryLength), range(2000, documentLength), bert, maxLength);
      const query = e.inputIds.filter((id) => id >= 1000 && id < 2000).length;
      const document = e.inputIds.filter((id) => id >= 2000).length;
      expect(e.inputIds).toHaveLength(Math.min(maxLength, queryLength + documentLength + 3));
      expect(e.inputIds.at(-1)).toBe(102);
      return [query, document];
    };

    it('gives the odd token to a query longer than the document (B = 9: q 6, d 5 -> 5 + 4)', () => {
      // short = d = 5, 2 * 5 = 10 > 9: both cut. d keeps floor(9/2) = 4, q keeps 4 + 9 % 2 = 5.
      expect(keeps(6, 5, 12)).toEqual([5, 4]);
    });

    it('gives the odd token to a document longer than the query (B = 9: q 5, d 6 -> 4 + 5)', () => {
      expect(keeps(5, 6, 12)).toEqual([4, 5]);
    });

    it('gives the odd token to the document when both are as long (B = 9: q 5, d 5 -> 4 + 5)', () => {
      // Rust swaps only when the first is strictly longer, so the query is "n1", the shorter: floor(9/2) = 4.
      expect(keeps(5, 5, 12)).toEqual([4, 5]);
    });

    it('splits an even budget in halves (B = 8: q 6, d 5 -> 4 + 4)', () => {
      expect(keeps(6, 5, 11)).toEqual([4, 4]);
    });

    it('cuts a long query to fit a document of more than half the budget (B = 11: q 20, d 6 -> 6 + 5)', () => {
      // short = d = 6, 2 * 6 = 12 > 11: d keeps floor(11/2) = 5, the longer query keeps 5 + 1 = 6.
      expect(keeps(20, 6, 14)).toEqual([6, 5]);
    });

    it('cuts both when each alone is over the budget (B = 9: q 30, d 20 -> 5 + 4)', () => {
      // short = d = 20 > B: long is set to short, 40 > 9: d keeps 4, the longer query 5.
      expect(keeps(30, 20, 12)).toEqual([5, 4]);
      expect(keeps(20, 30, 12)).toEqual([4, 5]);
    });

    it('keeps a short side whole when it takes at most half (B = 9: q 7, d 3 -> 6 + 3; q 3, d 7 -> 3 + 6)', () => {
      // 2 * 3 = 6 <= 9: the 3-token side stays, the other keeps 9 - 3 = 6.
      expect(keeps(7, 3, 12)).toEqual([6, 3]);
      expect(keeps(3, 7, 12)).toEqual([3, 6]);
      // 2 * 4 = 8 <= 8 (B = 8 even): the 4-token document stays, the query keeps 4.
      expect(keeps(9, 4, 11)).toEqual([4, 4]);
    });

    it('keeps the query whole and cuts only the document when the query fits in half', () => {
      // B = 509 (maxLength 512): q 20, d 600 -> 2 * 20 <= 509: q 20, d 489.
      expect(keeps(20, 600, 512)).toEqual([20, 489]);
    });
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
