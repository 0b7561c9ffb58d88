import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QuerySet } from '../core/sets/types';

const paste = vi.hoisted(() => ({ saved: null as string | null, forgotten: 0 }));
vi.mock('../compute/pasteStore', () => ({
  loadPasteText: () => Promise.resolve(paste.saved),
  savePasteText: () => Promise.resolve(undefined),
  forgetPasteText: () => {
    paste.forgotten += 1;
    return Promise.resolve();
  },
}));
// The worker is not needed here: a parse that never answers.
vi.mock('../compute/client', () => ({ computeClient: () => ({ parseDocuments: () => new Promise(() => {}), bm25ForParsed: () => new Promise(() => {}) }) }));

describe('mergeSaves (base: the save both tabs saw; mine: this tab\'s unsaved one; theirs: the other tab\'s)', () => {
  let mergeSaves: typeof import('./tabSync').mergeSaves;
  beforeAll(async () => {
    vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => {}, removeItem: () => {} });
    ({ mergeSaves } = await import('./tabSync'));
  });
  const base = { query: 'cat', topN: 10, bm25: { k1: 1.2, b: 0.75 }, judgmentsByQuery: [['paste', [['__proto__', 1], ['constructor', 2]]]] };

  it('takes what the other tab changed, and keeps what this one changed', () => {
    expect(mergeSaves(base, { ...base, query: 'dog' }, { ...base, topN: 5 })).toEqual({ ...base, query: 'dog', topN: 5 });
  });

  it('keeps this tab\'s edit where both changed the same field', () => {
    expect(mergeSaves(base, { ...base, topN: 3 }, { ...base, topN: 5 }).topN).toBe(3);
  });

  it('does not take the same settings with their keys in another order for an edit', () => {
    const merged = mergeSaves(base, { ...base, bm25: { b: 0.75, k1: 1.2 } }, { ...base, bm25: { k1: 2, b: 0.75 } });
    expect(merged.bm25).toEqual({ k1: 2, b: 0.75 });
  });

  it('merges judgments per document: both tabs\' new marks and this tab\'s cleared mark survive', () => {
    const mine = { ...base, judgmentsByQuery: [['paste', [['__proto__', 3]]]] }; // '__proto__' regraded, 'constructor' cleared
    const theirs = { ...base, judgmentsByQuery: [['paste', [['__proto__', 1], ['constructor', 2], ['toString', 0]]], ['other', [['x', 1]]]] };
    expect(mergeSaves(base, mine, theirs).judgmentsByQuery).toEqual([
      ['paste', [['__proto__', 3], ['toString', 0]]],
      ['other', [['x', 1]]],
    ]);
  });

  it('merges a query both tabs judged for the first time', () => {
    const empty = { judgmentsByQuery: [] };
    const merged = mergeSaves(empty, { judgmentsByQuery: [['paste', [['a', 1]]]] }, { judgmentsByQuery: [['paste', [['b', 2]]]] });
    expect(merged.judgmentsByQuery).toEqual([['paste', [['b', 2], ['a', 1]]]]);
  });
});

/** localStorage as a Map, and a window that can dispatch another tab's storage event. */
async function twoTabs(initial: ReadonlyMap<string, string> = new Map()) {
  const items = new Map(initial);
  vi.stubGlobal('localStorage', { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) });
  vi.stubGlobal('window', new EventTarget());
  vi.stubGlobal('BroadcastChannel', undefined);
  vi.resetModules();
  const { useAppStore, STORAGE_KEY } = await import('./index');
  const { startTabSync } = await import('./tabSync');
  const { startLargeInputSync } = await import('./largeInputSync');
  const { PASTE_KEY, setQueryKey } = await import('./activeQuery');
  startTabSync();
  const flushOwnSave = () => vi.advanceTimersByTime(400);
  /** What the other tab does: writes its save (this tab's own last save plus `change`) and fires the event here. */
  const otherTabSaves = (change: Record<string, unknown>) => {
    const oldValue = items.get(STORAGE_KEY) ?? null;
    const before = oldValue === null ? {} : (JSON.parse(oldValue) as { state: Record<string, unknown> }).state;
    const newValue = JSON.stringify({ state: { ...before, ...change }, version: 2 });
    items.set(STORAGE_KEY, newValue);
    window.dispatchEvent(Object.assign(new Event('storage'), { key: STORAGE_KEY, oldValue, newValue }));
  };
  const saved = () => (JSON.parse(items.get(STORAGE_KEY) ?? '{}') as { state: Record<string, unknown> }).state;
  return { store: useAppStore, otherTabSaves, flushOwnSave, saved, startLargeInputSync, PASTE_KEY, setQueryKey };
}

const set: QuerySet = {
  name: 'one query',
  scoreKind: 'retriever score',
  documents: new Map([['toString', 'a cat']]),
  queries: [{ id: '__proto__', text: 'cat', candidates: [{ docId: 'toString', score: 1 }], judgments: new Map() }],
};

describe('another tab\'s save, seen through the storage event', () => {
  beforeEach(() => {
    vi.unstubAllGlobals();
    vi.useFakeTimers();
    paste.saved = null;
    paste.forgotten = 0;
  });
  afterEach(() => vi.useRealTimers());

  it('keeps this tab\'s edit not yet saved, takes the other tab\'s, and saves both', async () => {
    // The bug: the rehydrate read this tab's own pending save (persistStorage.ts) instead of the other tab's,
    // so Top N from the other tab was ignored here, then written over there 400 ms later.
    const { store, otherTabSaves, flushOwnSave, saved } = await twoTabs();
    store.getState().setTopN(20);
    flushOwnSave();
    store.getState().setQuery('edited here');
    otherTabSaves({ topN: 7 });
    expect(store.getState().query).toBe('edited here');
    expect(store.getState().topN).toBe(7);
    flushOwnSave();
    expect(saved()).toMatchObject({ query: 'edited here', topN: 7 });
  });

  it('keeps the open set\'s judgments when the other tab changes Top N', async () => {
    const { store, otherTabSaves, flushOwnSave, setQueryKey } = await twoTabs();
    store.getState().showSet(set, null);
    store.setState({ judgmentsByQuery: new Map([[setQueryKey('__proto__'), new Map<string, number | null>([['toString', 2]])]]) });
    flushOwnSave();
    otherTabSaves({ topN: 4 });
    expect(store.getState().topN).toBe(4);
    expect([...(store.getState().judgmentsByQuery.get(setQueryKey('__proto__')) ?? [])]).toEqual([['toString', 2]]);
  });

  it('keeps this tab\'s large paste and its saved copy when the other tab saves the placeholder', async () => {
    // The bug: documents became '' here, and largeInputSync forgot the IndexedDB copy, so both tabs lost them on reload.
    const { store, otherTabSaves, flushOwnSave, startLargeInputSync } = await twoTabs();
    await startLargeInputSync();
    const large = 'doc\n'.repeat(250_000); // 1,000,000 characters
    store.getState().setDocumentsText(large);
    flushOwnSave();
    otherTabSaves({ topN: 9 });
    expect(store.getState().documentsText).toBe(large);
    expect(store.getState().topN).toBe(9);
    expect(paste.forgotten).toBe(0);
  });

  it('shows the other tab\'s large paste, read from IndexedDB, in a tab that had none', async () => {
    const { store, otherTabSaves, flushOwnSave } = await twoTabs();
    flushOwnSave();
    paste.saved = 'other\n'.repeat(200_000); // 1,200,000 characters
    otherTabSaves({ documentsText: '', largeDocumentsSaved: true });
    await vi.waitFor(() => expect(store.getState().documentsText).toBe(paste.saved));
  });

  it('clearing a large paste here forgets its copy and saves no placeholder', async () => {
    const { store, flushOwnSave, saved, startLargeInputSync } = await twoTabs(new Map([['rerank-playground', JSON.stringify({ state: { documentsText: '', largeDocumentsSaved: true }, version: 2 })]]));
    paste.saved = 'doc\n'.repeat(250_000);
    await startLargeInputSync();
    expect(store.getState().documentsText).toBe(paste.saved);
    store.getState().setDocumentsText('');
    flushOwnSave();
    expect(paste.forgotten).toBe(1);
    expect(saved()).toMatchObject({ documentsText: '', largeDocumentsSaved: false });
  });

  it('at start-up, a placeholder with no saved copy behind it reads as no documents', async () => {
    const { store, flushOwnSave, saved, startLargeInputSync } = await twoTabs(new Map([['rerank-playground', JSON.stringify({ state: { documentsText: '', largeDocumentsSaved: true }, version: 2 })]]));
    await startLargeInputSync();
    flushOwnSave();
    expect(store.getState().documentsText).toBe('');
    expect(saved()).toMatchObject({ documentsText: '', largeDocumentsSaved: false });
  });

  it('takes a small text that replaced the large paste there, without forgetting the copy here', async () => {
    const { store, otherTabSaves, flushOwnSave, startLargeInputSync } = await twoTabs();
    await startLargeInputSync();
    store.getState().setDocumentsText('doc\n'.repeat(250_000));
    flushOwnSave();
    otherTabSaves({ documentsText: 'small', largeDocumentsSaved: false });
    expect(store.getState().documentsText).toBe('small');
    expect(paste.forgotten).toBe(0);
  });
});
