import { afterEach, describe, expect, it, vi } from 'vitest';
import type { QuerySet } from '../core/sets/types';
import { defaultLocalConfig, idleRun, noRuns, type Column, type RunState } from './columns';
import { runStart } from './runScorer';
import { defaultBm25 } from './settingsSlice';

afterEach(() => vi.unstubAllGlobals());

/** A fresh store (nothing saved), with the export's reading of it. */
async function freshApp() {
  vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => {}, removeItem: () => {} });
  vi.resetModules();
  const { useAppStore } = await import('./index');
  const { PASTE_KEY } = await import('./activeQuery');
  const { selectScoredColumnRankings } = await import('./rankingSelectors');
  const { comparisonInputOf } = await import('../features/export/comparisonExport');
  const store = useAppStore;
  const s = store.getState();
  s.setQuery('what is a prototype?');
  // Retriever scores put __proto__ first, then constructor, then toString; all three go to the reranker.
  s.setDocumentsText(JSON.stringify([{ id: '__proto__', text: 'a prototype chain', score: 3 }, { id: 'constructor', text: 'what is a constructor', score: 2 }, { id: 'toString', text: 'text', score: 1 }]));
  s.setFirstStage('supplied');
  const run = (columnId: string): RunState | undefined => store.getState().columns.find((c) => c.id === columnId)?.runs.get(PASTE_KEY);
  const metricsNames = () => selectScoredColumnRankings(store.getState()).map((c) => `Reranked: ${c.title}`);
  const exportTitles = () => comparisonInputOf(store.getState()).columns.map((c) => c.title);
  return { store, PASTE_KEY, run, metricsNames, exportTitles };
}

const minilm = 'Xenova/ms-marco-MiniLM-L-6-v2';
const bge = 'Xenova/bge-reranker-base';

describe('a run keeps the name of what scored it', () => {
  it('a BM25 column run for real: its title and settings are kept, and a changed k1 marks it out of date by name', async () => {
    const app = await freshApp();
    app.store.getState().removeColumn('col_1'); // no model to load here
    app.store.getState().addColumn({ kind: 'bm25' });
    const id = app.store.getState().columns[0]?.id ?? '';
    await app.store.getState().rerank();
    expect(app.run(id)?.status).toBe('done');
    expect(app.run(id)?.title).toBe('BM25 over the top N');
    expect(app.run(id)?.settings).toEqual(['k1 1.2', 'b 0.75', 'stemming off', 'stopwords kept']);
    expect(app.exportTitles()).toEqual(['Reranked: BM25 over the top N']);

    app.store.getState().setBm25({ k1: 2 });
    expect(app.run(id)?.title).toBe('BM25 over the top N');
    expect(app.metricsNames()).toEqual(['Reranked: BM25 over the top N (earlier settings: k1 1.2)']);
    expect(app.exportTitles()).toEqual(['Reranked: BM25 over the top N (earlier settings: k1 1.2) (out of date)']);

    // Rerank again: the new settings' run is current, and named plainly.
    await app.store.getState().rerank();
    expect(app.run(id)?.settings).toContain('k1 2');
    expect(app.metricsNames()).toEqual(['Reranked: BM25 over the top N']);
  });

  it('a switched local model: metrics and exports name the model that gave the scores, the column its new model', async () => {
    const app = await freshApp();
    const ids = ['__proto__', 'constructor', 'toString'];
    const finished: RunState = { ...idleRun, ...runStart(defaultLocalConfig, defaultBm25, 'what is a prototype?', ids), status: 'done', ids, scores: new Map([['__proto__', -1], ['constructor', 4], ['toString', 0]]) };
    app.store.getState().putRuns([{ columnId: 'col_1', queryKey: app.PASTE_KEY, run: finished }]);
    expect(app.metricsNames()).toEqual([`Reranked: ${minilm}`]);
    expect(app.exportTitles()).toEqual([`Reranked: ${minilm}`]);

    app.store.getState().updateColumn('col_1', { ...defaultLocalConfig, model: bge });
    expect(app.store.getState().columns[0]?.config).toMatchObject({ model: bge });
    expect(app.run('col_1')?.title).toBe(minilm);
    expect(app.metricsNames()).toEqual([`Reranked: ${minilm}`]);
    expect(app.exportTitles()).toEqual([`Reranked: ${minilm} (out of date)`]);
  });
});

describe('setColumnName: a column over a query set', () => {
  const set: QuerySet = {
    name: 'Tricky ids',
    scoreKind: null,
    documents: new Map([['d', 'doc']]),
    queries: ['__proto__', 'constructor', 'toString'].map((id) => ({ id, text: `query ${id}`, candidates: [{ docId: 'd' }], judgments: new Map() })),
  };
  const runOf = (model: string): RunState => ({ ...idleRun, ...runStart({ ...defaultLocalConfig, model }, defaultBm25, 'q', ['d']), status: 'done', ids: ['d'], scores: new Map([['d', 1]]) });
  const columnWith = async (byQuery: [string, RunState][]): Promise<Column> => {
    const { setQueryKey } = await import('./activeQuery');
    return { id: 'col_1', config: { ...defaultLocalConfig, model: bge }, runs: byQuery.length ? new Map(byQuery.map(([q, r]) => [setQueryKey(q), r])) : noRuns };
  };

  it('is the current model with no runs, or when every scored query has its scores', async () => {
    const { setColumnName } = await import('./setSelectors');
    expect(setColumnName(await columnWith([]), set, defaultBm25)).toBe(`Reranked: ${bge}`);
    expect(setColumnName(await columnWith([['__proto__', runOf(bge)]]), set, defaultBm25)).toBe(`Reranked: ${bge}`);
  });

  it('names the old model when all scores are its, and both when queries were scored by each', async () => {
    const { setColumnName } = await import('./setSelectors');
    expect(setColumnName(await columnWith([['__proto__', runOf(minilm)], ['constructor', runOf(minilm)]]), set, defaultBm25)).toBe(`Reranked: ${minilm}`);
    expect(setColumnName(await columnWith([['__proto__', runOf(minilm)], ['toString', runOf(bge)]]), set, defaultBm25)).toBe(`Reranked: ${bge}; some queries scored by ${minilm}`);
  });
});

describe('saved runs keep their title', () => {
  it('round-trips title and settings, and reads a record saved before them, which falls back to the column title', async () => {
    const { recordOf, runStateOf, parseStoredRun } = await import('./runPersistence');
    const run: RunState = { ...savedRun(), title: minilm, settings: ['max 512 tokens'] };
    const record = recordOf('col_1', '__proto__', run);
    expect(runStateOf(record)).toMatchObject({ title: minilm, settings: ['max 512 tokens'] });
    // A record written before titles were kept has no such keys at all (JSON drops the undefined ones).
    const older: unknown = JSON.parse(JSON.stringify({ ...record, title: undefined, settings: undefined }));
    expect(older).not.toHaveProperty('title');
    const parsed = parseStoredRun(['col_1', '__proto__'], older);
    expect(parsed).not.toBeNull();
    expect(parsed && runStateOf(parsed).title).toBeUndefined();
    expect(parseStoredRun(['col_1', '__proto__'], { ...record, title: 5 })).toBeNull();
  });
});

function savedRun(): RunState {
  return { ...idleRun, status: 'done', signature: 's', ids: ['__proto__'], scores: new Map([['__proto__', 1]]) };
}
