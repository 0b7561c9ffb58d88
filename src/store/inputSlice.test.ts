import { beforeEach, describe, expect, it, vi } from 'vitest';

async function freshStore() {
  vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => {}, removeItem: () => {} });
  vi.resetModules();
  const { useAppStore } = await import('./index');
  const { selectParsed } = await import('./selectors');
  return { store: useAppStore, selectParsed };
}

describe('documents input', () => {
  beforeEach(() => vi.unstubAllGlobals());

  it('forgets a format that came with an uploaded file once the user pastes something else', async () => {
    // The bug: after uploading a .tsv the Format menu stayed on TSV, so a JSON paste was read as TSV.
    const { store, selectParsed } = await freshStore();
    store.getState().loadDocumentsFile('id\ttext\nd1\thello', 'docs.tsv', 'tsv');
    expect(selectParsed(store.getState()).format).toBe('tsv');
    store.getState().setDocumentsText('[{"id": "a", "text": "pasted json"}]');
    expect(store.getState().format).toBe('auto');
    expect(selectParsed(store.getState()).format).toBe('json');
    expect(selectParsed(store.getState()).candidates.map((c) => c.id)).toEqual(['a']);
  });

  it('keeps a format the user chose in the menu across edits', async () => {
    const { store } = await freshStore();
    store.getState().setFormat('text');
    store.getState().setDocumentsText('[1, 2]');
    expect(store.getState().format).toBe('text');
  });

  it('drops the previous example\'s results when another example is picked, instead of showing them as finished', async () => {
    const { store } = await freshStore();
    const { PASTE_KEY } = await import('./activeQuery');
    const { idleRun } = await import('./columns');
    const column = store.getState().columns[0];
    if (!column) throw new Error('the store starts with one column');
    store.getState().patchRun(column.id, PASTE_KEY, { ...idleRun, status: 'done', ids: ['doc_101'], scores: new Map([['doc_101', 1]]) });
    expect(store.getState().columns[0]?.runs.get(PASTE_KEY)?.status).toBe('done');
    store.getState().loadPreset('keyword-stuffing');
    expect(store.getState().columns[0]?.runs.has(PASTE_KEY)).toBe(false);
  });
});
