import { describe, expect, it } from 'vitest';
import { modelFileOf, offlineInventory } from './cachedModels';

const APP = 'http://localhost:4173/';

describe('modelFileOf', () => {
  it('reads a self-hosted model file under the app base', () => {
    expect(modelFileOf('http://localhost:4173/models/test/overlap-reranker/onnx/model.onnx', APP)).toEqual({
      id: 'test/overlap-reranker',
      source: 'self-hosted',
      file: 'onnx/model.onnx',
    });
  });

  it('resolves a path key (transformers.js caches local files under their path) against the app', () => {
    expect(modelFileOf('/models/Xenova/bge-small-en-v1.5/config.json', APP)?.id).toBe('Xenova/bge-small-en-v1.5');
  });

  it('honours an app served under a sub-path', () => {
    const base = 'https://example.org/playground/';
    expect(modelFileOf('https://example.org/playground/models/a/b/tokenizer.json', base)?.file).toBe('tokenizer.json');
    expect(modelFileOf('https://example.org/models/a/b/tokenizer.json', base)).toBeNull();
  });

  it('reads a Hub file with its revision', () => {
    expect(modelFileOf('https://huggingface.co/Xenova/ms-marco-MiniLM-L-6-v2/resolve/main/onnx/model_quantized.onnx', APP)).toEqual({
      id: 'Xenova/ms-marco-MiniLM-L-6-v2',
      source: 'hub',
      file: 'onnx/model_quantized.onnx',
    });
  });

  it('ignores the runtime, other origins, and paths too short to name a model', () => {
    expect(modelFileOf('http://localhost:4173/ort/ort-wasm-simd-threaded.asyncify.wasm', APP)).toBeNull();
    expect(modelFileOf('https://evil.example/models/a/b/config.json', APP)).toBeNull();
    expect(modelFileOf('http://localhost:4173/models/a/', APP)).toBeNull();
    expect(modelFileOf('https://huggingface.co/a/b/blob/main/x', APP)).toBeNull();
    expect(modelFileOf('not a url ::', 'also not a url')).toBeNull();
  });
});

describe('offlineInventory', () => {
  it('counts a model as ready only with its config and an ONNX file, and lists its dtypes', () => {
    const inventory = offlineInventory(
      [
        'http://localhost:4173/ort/ort-wasm-simd-threaded.asyncify.wasm',
        '/models/test/minilm-l6-random/config.json',
        '/models/test/minilm-l6-random/tokenizer.json',
        '/models/test/minilm-l6-random/onnx/model_quantized.onnx',
        '/models/test/minilm-l6-random/onnx/model.onnx',
        // Config only: the download stopped before the weights.
        'https://huggingface.co/Xenova/ms-marco-TinyBERT-L-2-v2/resolve/main/config.json',
      ],
      APP,
    );
    expect(inventory.runtimeCached).toBe(true);
    expect(inventory.models).toEqual([
      { id: 'test/minilm-l6-random', source: 'self-hosted', dtypes: ['fp32', 'q8'], complete: true },
      { id: 'Xenova/ms-marco-TinyBERT-L-2-v2', source: 'hub', dtypes: [], complete: false },
    ]);
  });

  it('keeps ids that are also object-prototype names apart', () => {
    const inventory = offlineInventory(['/models/__proto__/constructor/config.json', '/models/__proto__/constructor/onnx/model.onnx', '/models/toString/x/config.json'], APP);
    expect(inventory.models.map((m) => [m.id, m.complete])).toEqual([
      ['__proto__/constructor', true],
      ['toString/x', false],
    ]);
    expect(inventory.runtimeCached).toBe(false);
  });

  it('is empty for an empty cache', () => {
    expect(offlineInventory([], APP)).toEqual({ runtimeCached: false, models: [] });
  });
});
