import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Reranker } from '../rerankers/types';

/**
 * A word-overlap scorer like test/overlap-reranker, on whitespace words: (query words found in the text) minus
 * 0.001 per text word. It records what it was sent, and can wait for a signal to be aborted.
 */
function overlapReranker(options: { waitForAbort?: boolean } = {}) {
  const sent: string[][] = [];
  const reranker: Reranker = {
    rank: async (query, docs, { signal, onProgress } = {}) => {
      sent.push([...docs]);
      if (options.waitForAbort) {
        onProgress?.({ scored: 1, total: docs.length });
        await new Promise((resolve) => signal?.addEventListener('abort', resolve, { once: true }));
        return { ok: false, error: { message: 'Reranking was cancelled.', cause: 'AbortSignal', cancelled: true } };
      }
      const words = (text: string) => text.toLowerCase().split(/[^a-z_]+/).filter(Boolean);
      const scores = docs.map((doc) => {
        const found = new Set(words(doc));
        return words(query).filter((w) => found.has(w)).length - 0.001 * words(doc).length;
      });
      onProgress?.({ scored: docs.length, total: docs.length });
      return { ok: true, value: { scores, timings: { totalMs: 1, inferenceMs: 1 }, truncated: docs.map(() => false), notes: [] } };
    },
  };
  return { reranker, sent };
}

async function freshApp() {
  vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => {}, removeItem: () => {} });
  vi.resetModules();
  const { useAppStore } = await import('./index');
  const why = await import('./whyActions');
  const { useWhyStore, whyKey } = await import('./whyStore');
  const { PASTE_KEY } = await import('./activeQuery');
  const store = useAppStore;
  store.getState().setQuery('cheap flights');
  store.getState().setDocumentsText(
    JSON.stringify([
      { id: '__proto__', text: 'cheap flights today' },
      { id: 'constructor', text: 'cheap cheap trains' },
    ]),
  );
  const columnId = store.getState().columns[0]?.id ?? '';
  const runOf = (docId: string) => useWhyStore.getState().runs.get(whyKey(columnId, PASTE_KEY, docId));
  return { store, why, runOf, columnId };
}

describe('explainScore', () => {
  beforeEach(() => vi.unstubAllGlobals());

  it('scores the original and one variant per word, and stores the effects', async () => {
    const { store, why, runOf, columnId } = await freshApp();
    const { reranker, sent } = overlapReranker();
    await why.explainScore(columnId, '__proto__', { get: store.getState, rerankerOf: async () => reranker });
    expect(sent).toEqual([['cheap flights today', 'flights today', 'cheap today', 'cheap flights ']]);
    // base 2 - 0.003 = 1.997; without cheap 1 - 0.002 = 0.998 -> +0.999; the same for flights;
    // without today 2 - 0.002 = 1.998 -> -0.001.
    const run = runOf('__proto__');
    expect(run?.status).toBe('done');
    expect(run?.result?.base).toBeCloseTo(1.997, 9);
    expect(run?.result?.effects.map((e) => [e.text, Number(e.effect.toFixed(9))])).toEqual([
      ['cheap', 0.999],
      ['flights', 0.999],
      ['today', -0.001],
    ]);
    expect(run?.progress).toEqual({ scored: 4, total: 4 });
  });

  it('gives a repeated word no credit for either copy: the other copy still matches', async () => {
    const { store, why, runOf, columnId } = await freshApp();
    const { reranker } = overlapReranker();
    await why.explainScore(columnId, 'constructor', { get: store.getState, rerankerOf: async () => reranker });
    // base: cheap found = 1 - 0.003 = 0.997; without either cheap still 1 - 0.002 = 0.998 -> -0.001 each.
    expect(runOf('constructor')?.result?.effects.map((e) => Number(e.effect.toFixed(9)))).toEqual([-0.001, -0.001, -0.001]);
  });

  it('is cancelled by cancelWhy, and says so', async () => {
    const { store, why, runOf, columnId } = await freshApp();
    const { reranker } = overlapReranker({ waitForAbort: true });
    const done = why.explainScore(columnId, '__proto__', { get: store.getState, rerankerOf: async () => reranker });
    await vi.waitFor(() => expect(runOf('__proto__')?.progress.scored).toBe(1));
    expect(why.runningWhyKey()).not.toBeNull();
    why.cancelWhy();
    await done;
    expect(runOf('__proto__')).toMatchObject({ status: 'cancelled', message: 'Cancelled.', result: null });
    expect(why.runningWhyKey()).toBeNull();
  });

  it('refuses politely while the column is reranking, without calling the model', async () => {
    const { store, why, runOf, columnId } = await freshApp();
    const { reranker, sent } = overlapReranker();
    store.setState({ running: true });
    await why.explainScore(columnId, '__proto__', { get: store.getState, rerankerOf: async () => reranker });
    expect(sent).toEqual([]);
    expect(runOf('__proto__')?.status).toBe('error');
    expect(runOf('__proto__')?.message).toMatch(/reranking now.*Ask again/);
  });

  it('refuses a column that is not a local model, and a document that is gone', async () => {
    const { store, why, runOf, columnId } = await freshApp();
    const { reranker, sent } = overlapReranker();
    await why.explainScore(columnId, 'toString', { get: store.getState, rerankerOf: async () => reranker });
    expect(runOf('toString')?.message).toMatch(/Document toString is not among/);
    store.getState().updateColumn(columnId, { kind: 'bm25' });
    await why.explainScore(columnId, '__proto__', { get: store.getState, rerankerOf: async () => reranker });
    expect(runOf('__proto__')?.message).toMatch(/needs a local model/);
    expect(sent).toEqual([]);
  });
});
