import { describe, expect, it } from 'vitest';
import { MAX_WASM_THREADS, wasmThreads } from './threads';

describe('wasmThreads', () => {
  it('uses one thread without cross-origin isolation, however many cores', () => {
    expect(wasmThreads({ cores: 8, crossOriginIsolated: false })).toBe(1);
    expect(wasmThreads({ cores: 2, crossOriginIsolated: false })).toBe(1);
  });
  it('uses every core up to 4 when isolated', () => {
    expect(wasmThreads({ cores: 1, crossOriginIsolated: true })).toBe(1);
    // 2 cores: 2 threads (onnxruntime-web's own default, ceil(2 / 2) = 1, would leave a core idle).
    expect(wasmThreads({ cores: 2, crossOriginIsolated: true })).toBe(2);
    expect(wasmThreads({ cores: 3, crossOriginIsolated: true })).toBe(3);
    expect(wasmThreads({ cores: 4, crossOriginIsolated: true })).toBe(4);
  });
  it('never goes above 4 threads', () => {
    expect(MAX_WASM_THREADS).toBe(4);
    expect(wasmThreads({ cores: 16, crossOriginIsolated: true })).toBe(4);
  });
  it('takes unknown or nonsense core counts as one core', () => {
    expect(wasmThreads({ cores: undefined, crossOriginIsolated: true })).toBe(1);
    expect(wasmThreads({ cores: 0, crossOriginIsolated: true })).toBe(1);
    expect(wasmThreads({ cores: -2, crossOriginIsolated: true })).toBe(1);
    expect(wasmThreads({ cores: 2.5, crossOriginIsolated: true })).toBe(1);
    expect(wasmThreads({ cores: Number.NaN, crossOriginIsolated: true })).toBe(1);
  });
});
