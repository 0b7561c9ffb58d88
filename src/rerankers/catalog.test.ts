import { describe, expect, it } from 'vitest';
import {
  CATALOG,
  DEFAULT_MODEL_ID,
  findCatalogModel,
  maxTokensFor,
  rerankerKind,
  RUNNABLE_CATALOG,
  UNKNOWN_MODEL_MAX_TOKENS,
  type CatalogModel,
} from './catalog';

const byId = (id: string): CatalogModel => {
  const model = findCatalogModel(id);
  if (!model) throw new Error(`${id} is missing from the catalog`);
  return model;
};

describe('the reranker catalog', () => {
  it('keeps the ids other code and saved settings use', () => {
    for (const id of [
      'Xenova/ms-marco-TinyBERT-L-2-v2',
      'Xenova/ms-marco-MiniLM-L-6-v2',
      'Xenova/ms-marco-MiniLM-L-12-v2',
      'mixedbread-ai/mxbai-rerank-xsmall-v1',
      'jinaai/jina-reranker-v1-tiny-en',
      'Xenova/bge-reranker-base',
      'test/overlap-reranker',
      'test/minilm-l6-random',
    ]) {
      expect(findCatalogModel(id)?.id).toBe(id);
    }
  });

  it('has distinct ids and one default, which it can run', () => {
    const ids = CATALOG.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(CATALOG.filter((m) => m.default).map((m) => m.id)).toEqual([DEFAULT_MODEL_ID]);
    expect(RUNNABLE_CATALOG.map((m) => m.id)).toContain(DEFAULT_MODEL_ID);
  });

  it('adds GTE ModernBERT as a cross-encoder with an 8k context and its ONNX file sizes', () => {
    const gte = byId('Alibaba-NLP/gte-reranker-modernbert-base');
    expect(rerankerKind(gte)).toBe('cross-encoder');
    expect(gte.maxLength).toBe(8192);
    expect(gte.approxSizeMB).toEqual({ fp32: 599, fp16: 300, q8: 151 });
    expect(maxTokensFor('Alibaba-NLP/gte-reranker-modernbert-base')).toBe(8192);
  });

  it('offers Qwen3-Reranker as a runnable causal LM (an LLM reranker), int8 only, with its 32k context', () => {
    const qwen = byId('onnx-community/Qwen3-Reranker-0.6B-ONNX');
    expect(rerankerKind(qwen)).toBe('causal-lm');
    expect(qwen.available).toBeUndefined();
    expect(RUNNABLE_CATALOG.some((m) => m.id === qwen.id)).toBe(true);
    expect(qwen.maxLength).toBe(32768); // "Sequence Length 32K" in Qwen's model list
    expect(maxTokensFor(qwen.id)).toBe(32768);
    // int8 only (the card has no fp32/fp16 file for the web). 440 MB of int8 layer weights + 156 MB int8 lm_head
    // (151,936 x 1,024 = 155.6M) + the fp32 embedding table (155.6M x 4 B = 622 MB) = 1,218, about 1,220 MB.
    expect(qwen.approxSizeMB).toEqual({ q8: 1220 });
    expect(qwen.computeParametersM).toBe(440);
    expect(qwen.note).toMatch(/WebGPU recommended/);
  });

  it('has the tiny causal test model as a causal LM', () => {
    const tiny = byId('test/tiny-causal-reranker');
    expect(rerankerKind(tiny)).toBe('causal-lm');
    expect(tiny.test).toBe(true);
    expect(RUNNABLE_CATALOG.some((m) => m.id === 'test/tiny-causal-reranker')).toBe(true);
  });

  it('runs every catalogued model: the causal LMs are Qwen3-Reranker and the test model, the rest cross-encoders', () => {
    expect(RUNNABLE_CATALOG.length).toBe(CATALOG.length);
    expect(CATALOG.filter((m) => rerankerKind(m) === 'causal-lm').map((m) => m.id)).toEqual([
      'onnx-community/Qwen3-Reranker-0.6B-ONNX',
      'test/tiny-causal-reranker',
    ]);
  });

  it('gives every real model one published figure with an https source, and the test models none', () => {
    for (const model of CATALOG) {
      if (model.test) {
        expect(model.quality).toBeUndefined();
        continue;
      }
      expect(model.quality?.source).toMatch(/^https:\/\//);
      expect(model.languages.length).toBeGreaterThan(0);
      expect(model.licence.length).toBeGreaterThan(0);
      expect(model.maxLength).toBeGreaterThanOrEqual(512);
    }
  });

  it('states the figures as the sources publish them', () => {
    // cross-encoder/ms-marco-* Performance table; Jina, Mixedbread, Alibaba, BAAI and Qwen tables.
    expect(CATALOG.filter((m) => m.quality).map((m) => [m.id, m.quality?.figure])).toEqual([
      ['Xenova/ms-marco-TinyBERT-L-2-v2', 'TREC DL 2019 nDCG@10 69.84'],
      ['Xenova/ms-marco-MiniLM-L-6-v2', 'TREC DL 2019 nDCG@10 74.30'],
      ['Xenova/ms-marco-MiniLM-L-12-v2', 'TREC DL 2019 nDCG@10 74.31'],
      ['mixedbread-ai/mxbai-rerank-xsmall-v1', 'BEIR (11-dataset subset, reranking the top 100 of lexical search) nDCG@10 43.9'],
      ['jinaai/jina-reranker-v1-tiny-en', 'BEIR (17 datasets) nDCG@10 48.54'],
      ['Alibaba-NLP/gte-reranker-modernbert-base', 'BEIR average 56.19 (model card table)'],
      ['Xenova/bge-reranker-base', 'C-MTEB reranking average (6 tasks) 65.42'],
      ['onnx-community/Qwen3-Reranker-0.6B-ONNX', 'MTEB-R 65.80 (MTEB English v2 retrieval, reranking the top 100 of Qwen3-Embedding-0.6B)'],
    ]);
  });
});

describe('maxTokensFor and findCatalogModel', () => {
  it('bounds an unknown model by the longest cross-encoder input, 8192', () => {
    const longestCrossEncoder = Math.max(...CATALOG.filter((m) => rerankerKind(m) === 'cross-encoder').map((m) => m.maxLength));
    expect(UNKNOWN_MODEL_MAX_TOKENS).toBe(longestCrossEncoder);
    expect(maxTokensFor('someone/unknown-model')).toBe(8192);
  });

  it('treats ids like __proto__ and constructor as unknown models', () => {
    expect(findCatalogModel('__proto__')).toBeUndefined();
    expect(findCatalogModel('constructor')).toBeUndefined();
    expect(maxTokensFor('toString')).toBe(8192);
  });
});
