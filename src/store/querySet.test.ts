import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { QuerySet } from '../core/sets/types';

// Two queries, worked by hand (BM25 k1 1.2, b 0.75, no stemming or stopwords; linear nDCG@10):
// q1 "cat": a "cat cat dog" (supplied 1), b "dog" (3), c "cat" (2); a is relevant.
//   First stage b, c, a: a at rank 3, nDCG = (1/log2 4) / 1 = 0.5.
//   BM25 over q1's candidates: idf(cat) = ln(1 + 1.5/2.5) = ln 1.6; avgdl 5/3.
//   a: tf 2, |d| 3: 2·2.2 / (2 + 1.2·(0.25 + 0.75·1.8)) = 4.4 / 3.92 = 1.1224 -> 0.5277
//   c: tf 1, |d| 1: 2.2 / (1 + 1.2·(0.25 + 0.75·0.6)) = 2.2 / 1.84 = 1.1957 -> 0.5622; b: 0.
//   BM25 order c, a, b: a at rank 2, nDCG = 1/log2 3 = 0.6309. A win (+0.1309).
// q2 "dog": x "dog" (2), y "cat" (1); y is relevant. BM25 keeps x, y: nDCG 0.6309 on both sides, a tie.
const set: QuerySet = {
  name: 'two queries',
  scoreKind: 'retriever score',
  documents: new Map([
    ['a', 'cat cat dog'],
    ['b', 'dog'],
    ['c', 'cat'],
    ['x', 'dog'],
    ['y', 'cat'],
  ]),
  queries: [
    { id: 'q1', text: 'cat', candidates: [{ docId: 'a', score: 1 }, { docId: 'b', score: 3 }, { docId: 'c', score: 2 }], judgments: new Map([['a', 1]]) },
    { id: 'q2', text: 'dog', candidates: [{ docId: 'x', score: 2 }, { docId: 'y', score: 1 }], judgments: new Map([['y', 1]]) },
  ],
};

async function freshStore() {
  vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => {}, removeItem: () => {} });
  vi.resetModules();
  const { useAppStore } = await import('./index');
  const { selectSetRows } = await import('./setSelectors');
  const { selectSetAggregate } = await import('./setSummary');
  const { pendingJobs } = await import('./rerankAll');
  const store = useAppStore;
  const first = store.getState().columns[0];
  if (!first) throw new Error('the store starts with one column');
  // A BM25 column needs no worker: the whole loop runs here.
  store.getState().addColumn({ kind: 'bm25' });
  store.getState().removeColumn(first.id);
  store.getState().showSet(set, null);
  return { store, selectSetRows, selectSetAggregate, pendingJobs };
}

describe('a query set in the store', () => {
  beforeEach(() => vi.unstubAllGlobals());

  it('lists every query with its first stage, and opens the first', async () => {
    const { store, selectSetRows } = await freshStore();
    const rows = selectSetRows(store.getState());
    expect(rows.map((r) => r.query.id)).toEqual(['q1', 'q2']);
    expect(rows[0]?.firstStage?.ranking.entries.map((e) => e.id)).toEqual(['b', 'c', 'a']);
    expect(rows[0]?.results[0]?.values?.ndcg).toBeCloseTo(0.5, 10);
    expect(rows[0]?.results[1]?.ranking).toBeNull();
    expect(store.getState().activeQueryId).toBe('q1');
  });

  it('reranks all queries, gives the hand-worked metrics, and a second run has nothing left to do', async () => {
    const { store, selectSetRows, selectSetAggregate, pendingJobs } = await freshStore();
    expect(pendingJobs(store.getState()).jobs).toHaveLength(2);
    await store.getState().rerankAllQueries();
    expect(store.getState().rerankAll).toMatchObject({ status: 'done', queriesDone: 2, queriesTotal: 2, pairsDone: 5, pairsTotal: 5 });
    const rows = selectSetRows(store.getState());
    expect(rows[0]?.results[1]?.ranking?.entries.map((e) => e.id)).toEqual(['c', 'a', 'b']);
    expect(rows[0]?.results[1]?.values?.ndcg).toBeCloseTo(1 / Math.log2(3), 10);
    expect(rows[1]?.results[1]?.values?.ndcg).toBeCloseTo(1 / Math.log2(3), 10);
    const aggregate = selectSetAggregate(store.getState());
    expect(aggregate.rankers[0]?.summary.means.ndcg).toBeCloseTo((0.5 + 1 / Math.log2(3)) / 2, 10);
    expect(aggregate.rankers[1]?.vsFirstStage).toMatchObject({ wins: 1, ties: 1, losses: 0, n: 2 });
    // d = [0.1309, 0]: all 4 sign patterns give |mean| = 0.0655, as large as observed, so p = 4/4.
    expect(aggregate.rankers[1]?.vsFirstStage?.randomization).toMatchObject({ exact: true, pValue: 1 });
    expect(pendingJobs(store.getState()).jobs).toHaveLength(0);
  });

  it('a changed top N makes every result out of date, and rerank all redoes them', async () => {
    const { store, selectSetRows, pendingJobs } = await freshStore();
    await store.getState().rerankAllQueries();
    store.getState().setTopN(1);
    expect(selectSetRows(store.getState())[0]?.results[1]?.stale).toBe(true);
    expect(pendingJobs(store.getState()).jobs).toHaveLength(2);
    await store.getState().rerankAllQueries();
    expect(selectSetRows(store.getState())[0]?.results[1]?.stale).toBe(false);
  });

  it('a judgment on the open query changes only that query, and Next wraps around', async () => {
    const { store, selectSetRows } = await freshStore();
    const before = selectSetRows(store.getState());
    store.getState().setJudgment('b', 2);
    const after = selectSetRows(store.getState());
    expect(after[1]).toBe(before[1]);
    // b (grade 2) at rank 1, a (1) at rank 3: DCG 2 + 0.5 = 2.5; ideal 2, 1: 2 + 0.6309 = 2.6309.
    expect(after[0]?.results[0]?.values?.ndcg).toBeCloseTo(2.5 / (2 + 1 / Math.log2(3)), 10);
    store.getState().stepQuery(1, ['q1', 'q2']);
    store.getState().stepQuery(1, ['q1', 'q2']);
    expect(store.getState().activeQueryId).toBe('q1');
    store.getState().stepQuery(-1, ['q1', 'q2']);
    expect(store.getState().activeQueryId).toBe('q2');
  });

  it('closing the set goes back to the paste, whose query was kept', async () => {
    const { store } = await freshStore();
    const pasted = store.getState().query;
    store.getState().closeSet();
    expect(store.getState().querySet).toBeNull();
    expect(store.getState().query).toBe(pasted);
  });
});
