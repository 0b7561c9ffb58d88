import { afterEach, describe, expect, it, vi } from 'vitest';
import { rankingsCsv } from '../../core/export/rankingsCsv';

afterEach(() => vi.unstubAllGlobals());

async function freshApp() {
  vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => {}, removeItem: () => {} });
  vi.resetModules();
  const { useAppStore } = await import('../../store');
  const { PASTE_KEY } = await import('../../store/activeQuery');
  const { idleRun } = await import('../../store/columns');
  const { comparisonInputOf, exportBaseName } = await import('./comparisonExport');
  return { store: useAppStore, PASTE_KEY, idleRun, comparisonInputOf, exportBaseName };
}

describe('the exports of the query on screen', () => {
  it('read the first stage, each column (by id) and its run from the store', async () => {
    const app = await freshApp();
    const s = app.store.getState();
    s.setQuery('what is a prototype?');
    // Retriever scores: __proto__ 3 (1), constructor 2 (2), toString 1 (3). Top 2 go to the reranker.
    s.setDocumentsText(JSON.stringify([{ id: '__proto__', text: 'p', score: 3 }, { id: 'constructor', text: 'c', score: 2 }, { id: 'toString', text: 't', score: 1 }]));
    s.setFirstStage('supplied');
    s.setTopN(2);
    s.addColumn({ kind: 'bm25' });
    // The local column reranks constructor above __proto__; the BM25 column has not run.
    s.putRuns([{ columnId: 'col_1', queryKey: app.PASTE_KEY, run: { ...app.idleRun, status: 'done', ids: ['__proto__', 'constructor'], scores: new Map([['__proto__', -1], ['constructor', 4]]), truncated: ['constructor'] } }]);

    const input = app.comparisonInputOf(app.store.getState());
    expect(input.firstStageTitle).toBe('First stage: retriever scores');
    expect(input.columns.map((c) => c.title)).toEqual(['Reranked: Xenova/ms-marco-MiniLM-L-6-v2', 'Reranked: BM25 over the top N']);
    expect(input.columns[0]?.truncated).toEqual(new Set(['constructor']));
    expect(input.texts.get('__proto__')).toBe('p');
    const local = rankingsCsv(input)
      .split('\r\n')
      .filter((line) => line.includes('Reranked: Xenova'))
      .map((line) => line.split(',').slice(3).join(','));
    // constructor 2 -> 1 (▲1), __proto__ 1 -> 2 (▼1), toString below the cut with its retriever score.
    expect(local).toEqual(['1,constructor,4,raw logit,▲1,2', '2,__proto__,-1,raw logit,▼1,1', '3,toString,1,retriever score,not reranked,3']);
    expect(rankingsCsv(input)).not.toContain('BM25 over the top N');
    expect(app.exportBaseName(app.store.getState())).toBe('what_is_a_prototype');
  });
});
