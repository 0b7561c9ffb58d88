import { afterEach, describe, expect, it, vi } from 'vitest';
import type { QuerySet } from '../core/sets/types';

// A fake bi-encoder with vectors chosen by hand. Query "q" = (1, 0); the corpus, with cosines to it:
//   __proto__ "alpha" (0, 1): 0       constructor "beta" (1, 1): 1/√2 = 0.70711
//   toString "gamma" (2, 0.5): 0.97014  far "delta" (-1, 0): -1    near "eps" (3, 0): 1
// Dense top 2 over the corpus: near (1), toString (0.97014). BM25 at import kept constructor and __proto__.
const vectorOf = new Map<string, number[]>([
  ['q', [1, 0]],
  ['alpha', [0, 1]],
  ['beta', [1, 1]],
  ['gamma', [2, 0.5]],
  ['delta', [-1, 0]],
  ['eps', [3, 0]],
]);
const calls: string[][] = [];

vi.mock('../rerankers/dense/client', () => ({
  DenseEmbedder: class {
    embed(texts: readonly string[]) {
      calls.push([...texts]);
      const vectors = texts.map((t) => Float32Array.from(vectorOf.get(t) ?? [0, 1]));
      return Promise.resolve({ ok: true, value: { vectors, dims: 2, timings: { loadMs: 1, inferenceMs: 2, totalMs: 3 }, truncated: texts.map(() => false), device: 'wasm', dtype: 'fp32', notes: [] } });
    }
  },
}));

const documents = new Map([
  ['__proto__', 'alpha'],
  ['constructor', 'beta'],
  ['toString', 'gamma'],
  ['far', 'delta'],
  ['near', 'eps'],
]);
const bm25Candidates = [
  { docId: 'constructor', score: 2 },
  { docId: '__proto__', score: 1 },
];

function corpusSet(scoreKind: QuerySet['scoreKind']): QuerySet {
  return { name: 'mini', queries: [{ id: '__proto__', text: 'q', candidates: bm25Candidates, judgments: new Map() }], documents, scoreKind };
}

async function freshStore() {
  vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => {}, removeItem: () => {} });
  vi.resetModules();
  calls.length = 0;
  const { useAppStore } = await import('./index');
  const selectors = await import('./selectors');
  const actions = await import('./denseActions');
  return { store: useAppStore, ...selectors, ...actions };
}

const ids = (r: { entries: { id: string }[] }) => r.entries.map((e) => e.id);

describe('dense retrieval over a corpus set', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('embeds the whole corpus once, and each query gets BM25 top K plus dense top K over the corpus', async () => {
    const { store, runDenseFirstStage, selectDenseMissing, selectFirstStage, selectCorpusRetrievalStale } = await freshStore();
    store.getState().showSet(corpusSet('BM25'), null);
    store.setState({ firstStage: 'dense', corpusTopK: 2 });
    // 5 documents + 1 query, although the query's candidates are only 2.
    expect(selectDenseMissing(store.getState())).toBe(6);
    expect(selectCorpusRetrievalStale(store.getState())).toBe(true);
    await runDenseFirstStage();
    expect(calls.map((c) => [...c].sort())).toEqual([['alpha', 'beta', 'delta', 'eps', 'gamma', 'q']]);
    const set = store.getState().querySet;
    expect(set?.queries[0]?.candidates).toEqual([{ docId: 'constructor', score: 2 }, { docId: '__proto__', score: 1 }, { docId: 'near' }, { docId: 'toString' }]);
    // Dense ranks its own top 2 first: near 1, toString 0.97014, then constructor 0.70711, __proto__ 0.
    expect(ids(selectFirstStage(store.getState()).ranking)).toEqual(['near', 'toString', 'constructor', '__proto__']);
    expect(store.getState().denseRun.status).toBe('done');
    expect(selectCorpusRetrievalStale(store.getState())).toBe(false);

    // A second Embed sends nothing and starts again from BM25's list: the union does not grow.
    store.setState({ corpusTopK: 1 });
    expect(selectCorpusRetrievalStale(store.getState())).toBe(true);
    await runDenseFirstStage();
    expect(selectCorpusRetrievalStale(store.getState())).toBe(false);
    expect(calls).toHaveLength(1);
    expect(store.getState().querySet?.queries[0]?.candidates.map((c) => c.docId)).toEqual(['constructor', '__proto__', 'near']);
  });

  it("fuses, for Hybrid, the import's corpus BM25 scores with the dense order over the pool", async () => {
    const { store, runDenseFirstStage, selectFirstStage } = await freshStore();
    store.getState().showSet(corpusSet('BM25'), null);
    store.setState({ firstStage: 'hybrid', corpusTopK: 2 });
    await runDenseFirstStage();
    // BM25's list is the import's: constructor (2), __proto__ (1); near and toString have no BM25 score (out of it).
    // Dense over the pool: near, toString, constructor, __proto__. RRF, k 60:
    //   constructor 1/61 + 1/63 = 0.032266, __proto__ 1/62 + 1/64 = 0.031754, near 1/61 = 0.016393, toString 1/62 = 0.016129.
    // (BM25 recomputed over the pool would match nothing: "q" is in no document, and the order would be dense's.)
    const ranking = selectFirstStage(store.getState()).ranking;
    expect(ids(ranking)).toEqual(['constructor', '__proto__', 'near', 'toString']);
    expect(ranking.entries[0]?.score).toBeCloseTo(0.032266, 6);
    expect(ranking.entries[3]?.score).toBeCloseTo(0.016129, 6);
  });

  it('leaves a set that came with a run alone: only its own candidates are embedded', async () => {
    const { store, runDenseFirstStage, selectCorpusRetrievalStale } = await freshStore();
    const withRun = corpusSet('retriever score');
    store.getState().showSet(withRun, null);
    store.setState({ firstStage: 'dense', corpusTopK: 2 });
    await runDenseFirstStage();
    expect(calls.map((c) => [...c].sort())).toEqual([['alpha', 'beta', 'q']]);
    expect(store.getState().querySet).toBe(withRun);
    expect(selectCorpusRetrievalStale(store.getState())).toBe(false);
  });
});

describe('retrieveOverCorpus', () => {
  it('needs every vector, and stops when cancelled', async () => {
    vi.resetModules();
    const { retrieveOverCorpus } = await import('./denseCorpus');
    const { storeVectors, resolveDense } = await import('./denseVectors');
    const { defaultDenseFirstStage: defaultDense } = await import('../core/denseSettings');
    const set = corpusSet('BM25');
    expect(await retrieveOverCorpus(set, defaultDense, 2)).toEqual({ ok: false, reason: 'missing vectors' });
    const texts = ['alpha', 'beta', 'gamma', 'delta', 'eps', 'q'];
    storeVectors(resolveDense(defaultDense).key, texts, texts.map((t) => Float32Array.from(vectorOf.get(t) ?? [])));
    const aborted = new AbortController();
    aborted.abort();
    expect(await retrieveOverCorpus(set, defaultDense, 2, aborted.signal)).toEqual({ ok: false, reason: 'cancelled' });
    const done = await retrieveOverCorpus(set, defaultDense, 1);
    // Dense top 1: near (cosine 1).
    expect(done.ok && done.set.queries[0]?.candidates.map((c) => c.docId)).toEqual(['constructor', '__proto__', 'near']);
  });
});
