import { describe, expect, it } from 'vitest';
import { aggregateWindows, charSpanOf, maxStrideFor, planWindows, splitBudget, type TokenizedChunk } from './windows';

function spans(total: number, budget: number, stride: number): [number, number][] {
  const plan = planWindows(total, budget, stride);
  if (!plan.ok) throw new Error(plan.message);
  return plan.windows.map((w) => [w.start, w.end]);
}

describe('planWindows', () => {
  it('steps by budget - stride and ends exactly at the last token', () => {
    // budget 4, stride 1: step 3 -> starts 0, 3, 6; the third ends at 6 + 4 = 10 = total, so it is the last.
    expect(spans(10, 4, 1)).toEqual([[0, 4], [3, 7], [6, 10]]);
  });

  it('makes the final window shorter when the tokens run out', () => {
    // 11 tokens: [6, 10) ends before 11, so one more window starts at 9 and holds only tokens 9 and 10.
    expect(spans(11, 4, 1)).toEqual([[0, 4], [3, 7], [6, 10], [9, 11]]);
  });

  it('does not overlap with stride 0', () => {
    expect(spans(8, 4, 0)).toEqual([[0, 4], [4, 8]]);
  });

  it('gives a document that fits, or an empty one, a single window', () => {
    expect(spans(4, 4, 2)).toEqual([[0, 4]]);
    expect(spans(3, 4, 2)).toEqual([[0, 3]]);
    expect(spans(0, 4, 2)).toEqual([[0, 0]]);
  });

  it('refuses a stride that is not below the window budget, saying what to do', () => {
    const plan = planWindows(100, 4, 4);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.message).toContain('Lower the stride below 4');
    expect(planWindows(100, 4, 9).ok).toBe(false);
    expect(planWindows(100, 4, -1).ok).toBe(false);
    expect(planWindows(100, 0, 0).ok).toBe(false);
  });
});

describe('splitBudget', () => {
  it('keeps a short query whole and gives the document the rest', () => {
    // 512 - 3 special tokens = 509; a 10-token query takes 10, each window 499.
    expect(splitBudget(512, 3, 10)).toEqual({ queryKeep: 10, documentBudget: 499 });
  });

  it('cuts a query that would take over half the room to half', () => {
    // 20 - 3 = 17; 2 * 10 > 17, so the query keeps floor(17 / 2) = 8 and the document 9.
    expect(splitBudget(20, 3, 10)).toEqual({ queryKeep: 8, documentBudget: 9 });
  });
});

describe('aggregateWindows', () => {
  const scores = [1, 3, 2, 3];
  it('max takes the best window, the first of equals', () => {
    expect(aggregateWindows(scores, 'max')).toEqual({ score: 3, winner: 1 });
  });
  it('first takes window 0', () => {
    expect(aggregateWindows(scores, 'first')).toEqual({ score: 1, winner: 0 });
  });
  it('mean averages and points at the best window', () => {
    // (1 + 3 + 2 + 3) / 4 = 9 / 4 = 2.25
    expect(aggregateWindows(scores, 'mean')).toEqual({ score: 2.25, winner: 1 });
  });
  it('handles negative logits and refuses no windows', () => {
    expect(aggregateWindows([-5, -2], 'max')).toEqual({ score: -2, winner: 1 });
    expect(() => aggregateWindows([], 'max')).toThrow(RangeError);
  });
});

describe('charSpanOf', () => {
  // "aa bb cc": "aa" is 1 token, " bb" 2 tokens, " cc" 1 token; the spans start at the word, not the space.
  const chunks: TokenizedChunk[] = [
    { charStart: 0, charEnd: 2, tokens: 1 },
    { charStart: 3, charEnd: 5, tokens: 2 },
    { charStart: 6, charEnd: 8, tokens: 1 },
  ];
  it('maps token spans to the words that hold them', () => {
    expect(charSpanOf({ start: 1, end: 3 }, chunks)).toEqual({ charStart: 3, charEnd: 5 });
    expect(charSpanOf({ start: 0, end: 4 }, chunks)).toEqual({ charStart: 0, charEnd: 8 });
    // token 2 is the second half of "bb", token 3 is "cc"
    expect(charSpanOf({ start: 2, end: 4 }, chunks)).toEqual({ charStart: 3, charEnd: 8 });
  });
  it('skips chunks with no tokens and maps an empty span to an empty one', () => {
    const withEmpty: TokenizedChunk[] = [{ charStart: 0, charEnd: 1, tokens: 0 }, ...chunks];
    expect(charSpanOf({ start: 0, end: 1 }, withEmpty)).toEqual({ charStart: 0, charEnd: 2 });
    expect(charSpanOf({ start: 0, end: 0 }, chunks)).toEqual({ charStart: 0, charEnd: 0 });
  });
});

describe('maxStrideFor', () => {
  it('stays below the smallest window a query can leave', () => {
    // 512 - 4 special tokens = 508; the query takes at most 254, so a window holds at least 254: stride up to 253.
    expect(maxStrideFor(512)).toBe(253);
    expect(planWindows(1000, 254, maxStrideFor(512)).ok).toBe(true);
    // 8 - 4 = 4: windows of at least 2, stride up to 1.
    expect(maxStrideFor(8)).toBe(1);
  });
});
