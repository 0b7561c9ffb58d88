import { describe, expect, it } from 'vitest';
import { autoDtype } from './rerankerRegistry';

describe('autoDtype', () => {
  it('keeps the device default when the model has it (or is not in the catalog)', () => {
    expect(autoDtype('Xenova/ms-marco-MiniLM-L-6-v2', 'webgpu')).toBe('fp32');
    expect(autoDtype('Xenova/ms-marco-MiniLM-L-6-v2', 'wasm')).toBe('q8');
    expect(autoDtype('someone/unknown-model', 'webgpu')).toBe('fp32');
  });

  it('picks a precision the model ships when the default is missing: Qwen3-Reranker has no fp32 file', () => {
    expect(autoDtype('onnx-community/Qwen3-Reranker-0.6B-ONNX', 'webgpu')).toBe('q8');
    expect(autoDtype('onnx-community/Qwen3-Reranker-0.6B-ONNX', 'wasm')).toBe('q8');
  });
});
