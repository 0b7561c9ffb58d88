import { describe, expect, it } from 'vitest';
import { validateSavedFields } from './persistedSchema';

const dense = { model: 'Xenova/bge-small-en-v1.5', device: 'wasm', dtype: 'q8', pooling: null, queryPrefix: '', documentPrefix: null, maxLength: 512, batchSize: 8 };

describe('saved dense and hybrid first-stage settings', () => {
  it('are read back when valid, with a dense or hybrid first stage', () => {
    const { values, dropped } = validateSavedFields({ firstStage: 'hybrid', dense, hybrid: { method: 'rrf', k: 10, weight: 0.25 } });
    expect(dropped).toEqual([]);
    expect(values).toEqual({ firstStage: 'hybrid', dense, hybrid: { method: 'rrf', k: 10, weight: 0.25 } });
  });

  it('are reset and named when broken, and an older save without them keeps its other fields', () => {
    const broken = validateSavedFields({ dense: { ...dense, pooling: 'max' }, hybrid: { method: 'rrf', k: 60, weight: 2 }, topN: 7 });
    expect(broken.dropped).toEqual(['the dense first-stage settings', 'the hybrid first-stage settings']);
    expect(broken.values).toEqual({ topN: 7 });
    expect(validateSavedFields({ firstStage: 'bm25', topN: 7 })).toEqual({ values: { firstStage: 'bm25', topN: 7 }, dropped: [] });
  });
});
