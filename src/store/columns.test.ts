import { describe, expect, it } from 'vitest';
import { defaultCohereSettings } from '../rerankers/cohere/settings';
import { configSignature, defaultLocalConfig, runSignature, scorerSignature, scorerSignatureOf, type ColumnConfig, type LocalColumnConfig } from './columns';
import { defaultBm25, type Bm25Settings } from './settingsSlice';

const ids = ['__proto__', 'constructor', 'toString'];
const sig = (config: ColumnConfig, bm25: Bm25Settings = defaultBm25, query = 'q', top: readonly string[] = ids) => runSignature(config, bm25, query, top);

const local: LocalColumnConfig = defaultLocalConfig;
const cohere: ColumnConfig = { kind: 'cohere', settings: defaultCohereSettings };
const cohereWith = (patch: Partial<typeof defaultCohereSettings>): ColumnConfig => ({ kind: 'cohere', settings: { ...defaultCohereSettings, ...patch } });
const bm25: ColumnConfig = { kind: 'bm25' };

describe('a run signature changes with every setting that changes the scores', () => {
  const split: LocalColumnConfig = { ...local, longDocuments: { mode: 'split', stride: 128, aggregate: 'max' } };
  it.each<[string, LocalColumnConfig, LocalColumnConfig]>([
    ['the model', local, { ...local, model: 'Xenova/bge-reranker-base' }],
    ['the device', local, { ...local, device: 'wasm' }],
    ['the dtype', local, { ...local, dtype: 'fp32' }],
    ['max tokens', local, { ...local, maxLength: 256 }],
    ['split mode', local, split],
    ['the split stride', split, { ...split, longDocuments: { mode: 'split', stride: 64, aggregate: 'max' } }],
    ['the split aggregate', split, { ...split, longDocuments: { mode: 'split', stride: 128, aggregate: 'mean' } }],
  ])('local: %s', (_, base, changed) => {
    expect(sig(changed)).not.toBe(sig(base));
  });

  it('cohere: not with the concurrency of rerank all', () => {
    expect(sig(cohereWith({ concurrency: 1 }))).toBe(sig(cohere));
  });

  it('local: not with the batch size, spaces around the id, or truncate spelled out (older saves have no setting)', () => {
    expect(sig({ ...local, batchSize: 1 })).toBe(sig(local));
    expect(sig({ ...local, model: ` ${local.model} ` })).toBe(sig(local));
    expect(sig({ ...local, longDocuments: { mode: 'truncate' } })).toBe(sig(local));
  });

  it.each<[string, ColumnConfig]>([
    ['the model', cohereWith({ model: 'rerank-english-v3.0' })],
    ['the provider', cohereWith({ provider: 'custom' })],
    ['the base URL', cohereWith({ baseUrl: 'http://localhost:8080' })],
    ['max tokens per document', cohereWith({ maxTokensPerDoc: 512 })],
  ])('cohere: %s', (_, changed) => {
    expect(sig(changed)).not.toBe(sig(cohere));
  });

  it('cohere: not with the timeout, which changes when an answer comes, not what it says', () => {
    expect(sig(cohereWith({ timeoutMs: defaultCohereSettings.timeoutMs + 1000 }))).toBe(sig(cohere));
  });

  it.each<[string, Bm25Settings]>([
    ['k1', { ...defaultBm25, k1: 0.9 }],
    ['b', { ...defaultBm25, b: 0.4 }],
    ['stemming', { ...defaultBm25, stem: !defaultBm25.stem }],
    ['stopwords', { ...defaultBm25, stopwords: !defaultBm25.stopwords }],
  ])('bm25: %s', (_, settings) => {
    expect(sig(bm25, settings)).not.toBe(sig(bm25));
  });

  it('bm25: a local or Cohere column does not change with the page’s BM25 settings', () => {
    const other: Bm25Settings = { k1: 0, b: 0, stem: true, stopwords: true };
    expect(sig(local, other)).toBe(sig(local));
    expect(sig(cohere, other)).toBe(sig(cohere));
    // The BM25 column's config has no settings of its own: the cache key stays the kind.
    expect(configSignature(bm25)).toBe('bm25');
  });

  it('changes with the query and with the candidates sent, ids like __proto__ included, and their order', () => {
    expect(sig(local, defaultBm25, 'another query')).not.toBe(sig(local));
    expect(sig(local, defaultBm25, 'q', ['__proto__', 'constructor'])).not.toBe(sig(local));
    expect(sig(local, defaultBm25, 'q', ['constructor', '__proto__', 'toString'])).not.toBe(sig(local));
  });

  it('no two column kinds share a signature', () => {
    const all = [sig(local), sig(cohere), sig(bm25)];
    expect(new Set(all).size).toBe(3);
  });
});

describe('scorerSignatureOf', () => {
  it('reads back the scorer part of a run signature, even with U+0000 in the model id or the query', () => {
    const odd = { ...local, model: 'a\u0000b' };
    expect(scorerSignatureOf({ signature: sig(odd, defaultBm25, 'x\u0000y') })).toBe(scorerSignature(odd, defaultBm25));
    expect(scorerSignatureOf({ signature: sig(bm25, { ...defaultBm25, k1: 2 }) })).toBe('["bm25",2,0.75,false,false]');
  });

  it('reads a signature saved before BM25 settings were in it as the bare kind, which matches no current one', () => {
    const old = 'bm25\u0000q\u0000d1';
    expect(scorerSignatureOf({ signature: old })).toBe('bm25');
    expect(scorerSignature(bm25, defaultBm25)).not.toBe('bm25');
  });
});
