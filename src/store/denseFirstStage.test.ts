import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QuerySet } from '../core/sets/types';

// A fake bi-encoder: each text has a vector chosen by hand, so every cosine below is worked by hand.
// Query "q" = (1, 0).
//   "alpha" (0, 1): cos 0.  "beta" (1, 1): 1/√2 = 0.7071067811865475.  "gamma" (2, 0.5): 2/√4.25 = 0.9701425001453319.
const vectorOf = new Map<string, number[]>([
  ['q', [1, 0]],
  ['alpha', [0, 1]],
  ['beta', [1, 1]],
  ['gamma', [2, 0.5]],
  ['query: q', [1, 0]],
  ['passage: alpha', [1, 0]],
  ['passage: beta', [0, 1]],
  ['passage: gamma', [0, 1]],
]);
const calls: { texts: string[]; model: string }[] = [];
let answer: 'vectors' | 'cancelled' = 'vectors';

vi.mock('../rerankers/dense/client', () => ({
  DenseEmbedder: class {
    embed(texts: readonly string[], settings: { model: string }, options?: { onProgress?: (p: { done: number; total: number }) => void }) {
      calls.push({ texts: [...texts], model: settings.model });
      if (answer === 'cancelled') return Promise.resolve({ ok: false, error: { message: 'Embedding was cancelled.', cancelled: true } });
      options?.onProgress?.({ done: texts.length, total: texts.length });
      const vectors = texts.map((t) => Float32Array.from(vectorOf.get(t) ?? [0.5, 0.5]));
      return Promise.resolve({ ok: true, value: { vectors, dims: 2, timings: { loadMs: 1, inferenceMs: 2, totalMs: 3 }, truncated: texts.map(() => false), device: 'wasm', dtype: 'fp32', notes: [] } });
    }
  },
}));

const documentsText = JSON.stringify([
  { id: '__proto__', text: 'alpha' },
  { id: 'constructor', text: 'beta' },
  { id: 'toString', text: 'gamma' },
]);

async function freshStore() {
  vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => {}, removeItem: () => {} });
  vi.resetModules();
  calls.length = 0;
  answer = 'vectors';
  const { useAppStore } = await import('./index');
  const selectors = await import('./selectors');
  const actions = await import('./denseActions');
  const { selectSetRows } = await import('./setSelectors');
  useAppStore.setState({ query: 'q', documentsText, format: 'json', firstStage: 'dense' });
  return { store: useAppStore, ...selectors, ...actions, selectSetRows };
}

const ids = (r: { entries: { id: string }[] }) => r.entries.map((e) => e.id);

describe('the dense first stage', () => {
  beforeEach(() => vi.useRealTimers());
  afterEach(() => vi.unstubAllGlobals());

  it('waits in input order for embeddings, then ranks by cosine', async () => {
    const { store, selectFirstStage, selectDenseMissing, runDenseFirstStage, denseMissingNotice } = await freshStore();
    const before = selectFirstStage(store.getState());
    expect(ids(before.ranking)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(before.notice).toBe(denseMissingNotice);
    expect(selectDenseMissing(store.getState())).toBe(4);
    await runDenseFirstStage();
    const after = selectFirstStage(store.getState());
    expect(after.notice).toBeNull();
    expect(after.ranking.scoreKind).toBe('cosine');
    expect(ids(after.ranking)).toEqual(['toString', 'constructor', '__proto__']);
    expect(after.ranking.entries.map((e) => e.score)).toEqual([
      expect.closeTo(0.9701425001453319, 6),
      expect.closeTo(0.7071067811865475, 6),
      expect.closeTo(0, 6),
    ]);
    expect(selectDenseMissing(store.getState())).toBe(0);
    expect(store.getState().denseRun).toMatchObject({ status: 'done', done: 4, total: 4, ranOn: 'WASM · fp32' });
  });

  it('is out of date when the model, the query or a document changes, and embeds only what is missing', async () => {
    const { store, selectFirstStage, runDenseFirstStage, denseMissingNotice } = await freshStore();
    await runDenseFirstStage();
    store.getState().setDense({ model: 'someone/other-model' });
    expect(selectFirstStage(store.getState()).notice).toBe(denseMissingNotice);
    store.getState().setDense({ model: 'Xenova/all-MiniLM-L6-v2' });
    // Back to the first model: its vectors are still cached, no new call.
    expect(selectFirstStage(store.getState()).notice).toBeNull();
    store.setState({ query: 'a new query' });
    expect(selectFirstStage(store.getState()).notice).toBe(denseMissingNotice);
    await runDenseFirstStage();
    expect(calls.at(-1)?.texts).toEqual(['a new query']);
  });

  it("applies the model's prefixes: E5 gets \"query: \" and \"passage: \"", async () => {
    const { store, selectFirstStage, runDenseFirstStage } = await freshStore();
    store.getState().setDense({ model: 'Xenova/e5-small-v2' });
    await runDenseFirstStage();
    expect(calls[0]?.texts).toEqual(['query: q', 'passage: alpha', 'passage: beta', 'passage: gamma']);
    // query (1,0): alpha (1,0) → 1, beta and gamma (0,1) → 0, tie in input order.
    expect(ids(selectFirstStage(store.getState()).ranking)).toEqual(['__proto__', 'constructor', 'toString']);
    // An override of an empty prefix is a real one.
    store.getState().setDense({ queryPrefix: '' });
    await runDenseFirstStage();
    expect(calls[1]?.texts).toEqual(['q']);
  });

  it('says so when cancelled, and keeps the list waiting', async () => {
    const { store, selectFirstStage, runDenseFirstStage, denseMissingNotice } = await freshStore();
    answer = 'cancelled';
    await runDenseFirstStage();
    expect(store.getState().denseRun.status).toBe('cancelled');
    expect(selectFirstStage(store.getState()).notice).toBe(denseMissingNotice);
  });
});

describe('the hybrid first stage', () => {
  it('fuses BM25 and cosine by a weighted sum of min-max scores', async () => {
    // Query "beta gamma" over alpha / beta / gamma: BM25 gives alpha 0 and beta = gamma (one term each, same idf and length).
    // The fake embeds an unknown text as (0.5, 0.5): cos alpha (0,1) 0.7071, beta (1,1) 1,
    //   gamma (2,0.5): (1 + 0.25) / (√0.5 · √4.25) = 1.25 / 1.457738 = 0.857493.
    // Weighted, w = 0.9. norm BM25: alpha 0, beta 1, gamma 1. norm cos (min 0.7071, max 1): alpha 0, beta 1,
    //   gamma (0.857493 − 0.707107) / 0.292893 = 0.513453. Fused: beta 1, gamma 0.9 + 0.0513453 = 0.951345, alpha 0.
    const { store, selectFirstStage, runDenseFirstStage } = await freshStore();
    store.setState({ query: 'beta gamma', firstStage: 'hybrid' });
    await runDenseFirstStage();
    store.getState().setHybrid({ method: 'weighted', weight: 0.9 });
    const fused = selectFirstStage(store.getState()).ranking;
    expect(fused.scoreKind).toBe('weighted sum');
    expect(ids(fused)).toEqual(['constructor', 'toString', '__proto__']);
    expect(fused.entries[1]?.score).toBeCloseTo(0.9 + 0.1 * ((0.857492925712544 - 0.7071067811865475) / (1 - 0.7071067811865475)), 5);
  });

  it('the weight slider reorders: BM25-heavy against dense-heavy', async () => {
    // Query "alpha alpha" (each distinct term counts once): BM25 alpha > 0, beta = gamma = 0. The fake has no
    // vector for that text, so the query is (0.5, 0.5):
    // cos alpha 0.7071, beta 1, gamma 0.8575.
    // w = 1 → alpha, beta, gamma (BM25, tie in input order). w = 0 → beta, gamma, alpha (dense).
    const { store, selectFirstStage, runDenseFirstStage } = await freshStore();
    store.setState({ query: 'alpha alpha', firstStage: 'hybrid' });
    await runDenseFirstStage();
    store.getState().setHybrid({ method: 'weighted', weight: 1 });
    expect(ids(selectFirstStage(store.getState()).ranking)).toEqual(['__proto__', 'constructor', 'toString']);
    store.getState().setHybrid({ weight: 0 });
    expect(ids(selectFirstStage(store.getState()).ranking)).toEqual(['constructor', 'toString', '__proto__']);
    // RRF, k = 60: BM25 lists alpha only (the others match no term). Dense ranks beta 1, gamma 2, alpha 3.
    // alpha 1/61 + 1/63 = 0.032266; beta 1/61 = 0.016393; gamma 1/62 = 0.016129 → alpha, beta, gamma
    store.getState().setHybrid({ method: 'rrf' });
    const rrf = selectFirstStage(store.getState()).ranking;
    expect(ids(rrf)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(rrf.entries[0]?.score).toBeCloseTo(1 / 61 + 1 / 63, 12);
    expect(rrf.entries[1]?.score).toBeCloseTo(1 / 61, 12);
  });
});

describe('dense over a query set', () => {
  const set: QuerySet = {
    name: 'two queries',
    scoreKind: null,
    documents: new Map([
      ['__proto__', 'alpha'],
      ['b', 'beta'],
      ['g', 'gamma'],
    ]),
    queries: [
      { id: 'q1', text: 'q', candidates: [{ docId: '__proto__' }, { docId: 'b' }, { docId: 'g' }], judgments: new Map([['g', 1]]) },
      { id: 'constructor', text: 'alpha', candidates: [{ docId: 'b' }, { docId: '__proto__' }], judgments: new Map([['b', 1]]) },
    ],
  };

  it('embeds every query with its own candidates, and ranks each query on its own', async () => {
    const { store, runDenseFirstStage, selectSetRows } = await freshStore();
    store.getState().showSet(set, null);
    expect(selectSetRows(store.getState()).map((r) => r.firstStage)).toEqual([null, null]);
    await runDenseFirstStage();
    // One call, each text once: the queries "q" and "alpha", and the documents alpha, beta, gamma.
    expect(calls[0]?.texts.sort()).toEqual(['alpha', 'beta', 'gamma', 'q']);
    const rows = selectSetRows(store.getState());
    // q1, query (1,0): g 0.9701, b 0.7071, __proto__ 0.
    expect(rows[0]?.firstStage && ids(rows[0].firstStage.ranking)).toEqual(['g', 'b', '__proto__']);
    // "alpha" has vector (0,1): b (1,1) → 0.7071, __proto__ (0,1) → 1.
    expect(rows[1]?.firstStage && ids(rows[1].firstStage.ranking)).toEqual(['__proto__', 'b']);
  });
});
