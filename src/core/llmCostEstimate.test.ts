import { describe, expect, it } from 'vitest';
import { downloadSeconds, formatDuration, WASM_FLOPS_MEASURED, wasmSecondsPerDocument } from './llmCostEstimate';

describe('the LLM cost estimate', () => {
  it('derives the WASM speed from the bench: 2 x 10.6M weights x 200 tokens x 15.0 pairs/s = 63.6 GFLOP/s', () => {
    expect(WASM_FLOPS_MEASURED).toBeCloseTo(63.6e9, -6);
  });

  it('scales the time per document as 2 N T: Qwen3-0.6B (440M) at 300 tokens', () => {
    // 2 x 440e6 x 300 = 264e9 FLOP; / 63.6e9 FLOP/s = 4.1509 s.
    expect(wasmSecondsPerDocument({ computeParametersM: 440, tokensPerDocument: 300 })).toBeCloseTo(4.1509, 3);
    // MiniLM-L6 at 200 tokens gives back the measured 1/15 s.
    expect(wasmSecondsPerDocument({ computeParametersM: 10.6, tokensPerDocument: 200 })).toBeCloseTo(1 / 15, 9);
  });

  it('times a download: 1,220 MB at 50 Mbit/s is 9,760 Mbit / 50 = 195.2 s', () => {
    expect(downloadSeconds(1220, 50)).toBeCloseTo(195.2, 9);
    expect(downloadSeconds(1220, 10)).toBeCloseTo(976, 9);
  });

  it('rounds durations as estimates', () => {
    expect(formatDuration(0.4)).toBe('under 1 s');
    expect(formatDuration(4.15)).toBe('4 s');
    expect(formatDuration(89)).toBe('89 s');
    expect(formatDuration(195.2)).toBe('3 min'); // 3.25 min
    expect(formatDuration(976)).toBe('16 min'); // 16.27 min
    expect(formatDuration(5400)).toBe('1.5 h');
    expect(formatDuration(Number.NaN)).toBe('unknown');
  });
});
