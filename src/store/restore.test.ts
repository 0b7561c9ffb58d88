import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QuerySet } from '../core/sets/types';

/** localStorage as a Map, so a test can write what another tab saved and read what this one wrote. */
function memoryStorage(initial: ReadonlyMap<string, string> = new Map()) {
  const items = new Map(initial);
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

async function freshStore(initial?: ReadonlyMap<string, string>) {
  const storage = memoryStorage(initial);
  vi.stubGlobal('localStorage', storage);
  vi.resetModules();
  const { useAppStore, STORAGE_KEY } = await import('./index');
  const { setQueryKey, PASTE_KEY } = await import('./activeQuery');
  return { store: useAppStore, storage, STORAGE_KEY, setQueryKey, PASTE_KEY };
}

// Ids that break a plain-object dictionary; they must survive as data.
const set: QuerySet = {
  name: 'tricky ids',
  scoreKind: 'retriever score',
  documents: new Map([
    ['__proto__', 'a cat'],
    ['toString', 'a dog'],
  ]),
  queries: [{ id: 'constructor', text: 'cat', candidates: [{ docId: '__proto__', score: 2 }, { docId: 'toString', score: 1 }], judgments: new Map() }],
};

/** Writes this tab's own debounced save (persistStorage.ts, 400 ms), as happens before another tab saves. */
const flushOwnSave = () => vi.advanceTimersByTime(400);

/** Another tab's save, as it writes it: only what `persistedPart` keeps, so never a `set:` key. */
const otherTabSave = (key: string, state: Record<string, unknown>) => [key, JSON.stringify({ state, version: 2 })] as const;

describe('reading back another tab\'s save', () => {
  beforeEach(() => {
    vi.unstubAllGlobals();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('keeps the open set\'s judgments, which that save never holds, and takes its paste judgments', async () => {
    // The bug: restore() replaced the whole map, so a Top N change in tab A emptied tab B's set marks
    // (and setSync then wrote the empty marks to IndexedDB for both tabs).
    const { store, storage, STORAGE_KEY, setQueryKey, PASTE_KEY } = await freshStore();
    store.getState().showSet(set, null);
    store.setState({
      judgmentsByQuery: new Map([
        [setQueryKey('constructor'), new Map<string, number | null>([['__proto__', 3], ['toString', null]])],
        [PASTE_KEY, new Map<string, number | null>([['old', 1]])],
      ]),
    });
    flushOwnSave();
    storage.setItem(...otherTabSave(STORAGE_KEY, { topN: 7, judgmentsByQuery: [[PASTE_KEY, [['__proto__', 2]]]] }));
    await store.persist.rehydrate();
    const state = store.getState();
    expect(state.topN).toBe(7);
    expect([...(state.judgmentsByQuery.get(setQueryKey('constructor')) ?? [])]).toEqual([['__proto__', 3], ['toString', null]]);
    expect([...(state.judgmentsByQuery.get(PASTE_KEY) ?? [])]).toEqual([['__proto__', 2]]);
    expect(state.restoreWarning).toBeNull();
  });

  it('ignores set judgments found in a save (hand-edited): the set\'s own copy is in IndexedDB', async () => {
    const { store, storage, STORAGE_KEY, setQueryKey } = await freshStore();
    store.setState({ judgmentsByQuery: new Map([[setQueryKey('constructor'), new Map<string, number | null>([['toString', 1]])]]) });
    flushOwnSave();
    storage.setItem(...otherTabSave(STORAGE_KEY, { judgmentsByQuery: [[setQueryKey('constructor'), [['toString', 0]]]] }));
    await store.persist.rehydrate();
    expect([...(store.getState().judgmentsByQuery.get(setQueryKey('constructor')) ?? [])]).toEqual([['toString', 1]]);
  });

  it('keeps this tab\'s large documents when the save holds only their placeholder', async () => {
    // The bug: the save holds documentsText '' (the text is in IndexedDB), and the restore put '' on screen.
    const { store, storage, STORAGE_KEY } = await freshStore();
    const large = 'doc\n'.repeat(250_000); // 4 × 250,000 = 1,000,000 characters: just large
    store.getState().setDocumentsText(large);
    flushOwnSave();
    storage.setItem(...otherTabSave(STORAGE_KEY, { documentsText: '', largeDocumentsSaved: true, topN: 3 }));
    await store.persist.rehydrate();
    expect(store.getState().documentsText).toBe(large);
    expect(store.getState().largeDocumentsSaved).toBe(true);
    expect(store.getState().topN).toBe(3);
  });

  it('in a tab with no large text, saves the placeholder back until the text is read, never "no documents"', async () => {
    // Else a save made meanwhile (any change) told the other tab its documents were '', and it showed none.
    const { store, storage, STORAGE_KEY } = await freshStore();
    store.getState().setDocumentsText('small here');
    flushOwnSave();
    storage.setItem(...otherTabSave(STORAGE_KEY, { documentsText: '', largeDocumentsSaved: true }));
    await store.persist.rehydrate();
    expect(store.getState().documentsText).toBe('');
    store.getState().setTopN(12);
    flushOwnSave();
    expect(JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}')).toMatchObject({ state: { documentsText: '', largeDocumentsSaved: true, topN: 12 } });
  });

  it('takes a small text from the save, or an empty one the save really holds', async () => {
    const { store, storage, STORAGE_KEY } = await freshStore();
    store.getState().setDocumentsText('doc\n'.repeat(250_000));
    flushOwnSave();
    storage.setItem(...otherTabSave(STORAGE_KEY, { documentsText: 'one\ntwo', largeDocumentsSaved: false }));
    await store.persist.rehydrate();
    expect(store.getState().documentsText).toBe('one\ntwo');
    flushOwnSave();
    storage.setItem(...otherTabSave(STORAGE_KEY, { documentsText: '', largeDocumentsSaved: false }));
    await store.persist.rehydrate();
    expect(store.getState().documentsText).toBe('');
  });

  it('at start-up, shows the placeholder so largeInputSync loads the text from IndexedDB', async () => {
    const { store } = await freshStore(new Map([otherTabSave('rerank-playground', { documentsText: '', largeDocumentsSaved: true })]));
    expect(store.getState().documentsText).toBe('');
    expect(store.getState().largeDocumentsSaved).toBe(true);
  });

  it('keeps this tab\'s results of a column the save still has', async () => {
    const { store, storage, STORAGE_KEY, PASTE_KEY } = await freshStore();
    const { idleRun } = await import('./columns');
    const column = store.getState().columns[0];
    if (!column) throw new Error('the store starts with one column');
    store.getState().patchRun(column.id, PASTE_KEY, { ...idleRun, status: 'done', ids: ['toString'], scores: new Map([['toString', 1]]) });
    flushOwnSave();
    storage.setItem(...otherTabSave(STORAGE_KEY, { columns: [{ id: column.id, config: column.config }] }));
    await store.persist.rehydrate();
    expect(store.getState().columns[0]?.runs.get(PASTE_KEY)?.status).toBe('done');
  });
});

describe('a damaged save (issue 12, point 2)', () => {
  beforeEach(() => vi.unstubAllGlobals());

  it('with a wrong type does not throw: the field is reset, named, and the original is copied', async () => {
    // The bug was "e.trim is not a function" on every reload, with a blank page.
    const saved = '{"state":{"query":5},"version":1}';
    const { store, storage } = await freshStore(new Map([['rerank-playground', saved]]));
    const { initialInput } = await import('./inputSlice');
    expect(store.getState().query).toBe(initialInput.query);
    expect(typeof store.getState().query).toBe('string');
    // Only the query was in the save: the message names it and nothing else.
    expect(store.getState().restoreWarning).toBe(
      'Part of your saved work could not be read and was reset: the query. Everything else was restored, and the original was copied to "rerank-playground:unreadable-backup".',
    );
    expect(JSON.parse(storage.items.get('rerank-playground:unreadable-backup') ?? 'null')).toEqual({ state: { query: 5 }, version: 2 });
  });

  it('keeps the valid part of the same save', async () => {
    const { store } = await freshStore(new Map([['rerank-playground', '{"state":{"query":5,"topN":7,"gain":"exponential"},"version":1}']]));
    expect(store.getState().topN).toBe(7);
    expect(store.getState().gain).toBe('exponential');
    expect(store.getState().restoreWarning).toContain('was reset: the query.');
  });
});
