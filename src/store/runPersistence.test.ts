import 'fake-indexeddb/auto';
import { createStore, entries, set as idbSet } from 'idb-keyval';
import type { UseStore } from 'idb-keyval';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { QuerySet } from '../core/sets/types';
import type { RunState } from './columns';

let dbCount = 0;
const freshDb = (): UseStore => createStore(`run-persistence-test-${++dbCount}`, 'runs');

const set: QuerySet = {
  name: 'Tricky ids',
  scoreKind: null,
  documents: new Map([
    ['__proto__', 'doc p'],
    ['constructor', 'doc c'],
    ['toString', 'doc t'],
  ]),
  queries: [
    { id: '__proto__', text: 'what is a prototype', candidates: [{ docId: 'constructor' }, { docId: 'toString' }], judgments: new Map() },
    { id: 'constructor', text: 'who builds objects', candidates: [{ docId: '__proto__' }], judgments: new Map() },
  ],
};

/** A fresh store and persistence module, as after a reload (localStorage empty: default columns). */
async function freshApp() {
  vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => {}, removeItem: () => {} });
  vi.resetModules();
  const { useAppStore } = await import('./index');
  const persistence = await import('./runPersistence');
  const { PASTE_KEY, setQueryKey } = await import('./activeQuery');
  const { idleRun } = await import('./columns');
  return { store: useAppStore, persistence, PASTE_KEY, setQueryKey, idleRun };
}

function doneRun(idleRun: RunState, scores: [string, number][], extra: Partial<RunState> = {}): RunState {
  return {
    ...idleRun,
    status: 'done',
    signature: `sig:${scores.map(([id]) => id).join(',')}`,
    ids: scores.map(([id]) => id),
    scores: new Map(scores),
    scoreKind: 'raw logit',
    truncated: ['constructor'],
    timings: { totalMs: 120, loadMs: 80, inferenceMs: 40, msPerDoc: 13.3 },
    ranOn: 'WASM',
    ...extra,
  };
}

const runsOf = (state: { columns: { id: string; runs: ReadonlyMap<string, RunState> }[] }) => new Map(state.columns.map((c) => [c.id, c.runs]));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('run persistence', () => {
  it('round-trips finished runs per column and query, ids like __proto__ and constructor included', async () => {
    const db = freshDb();
    const a = await freshApp();
    a.store.getState().showSet(set, null);
    a.store.getState().addColumn({ kind: 'bm25' });
    const pasteRun = doneRun(a.idleRun, [['__proto__', 2.5], ['constructor', -1], ['toString', Number.NaN]]);
    const setRun = doneRun(a.idleRun, [['constructor', 0.75]], { scoreKind: 'BM25', timings: { totalMs: 3 }, ranOn: null, truncated: [] });
    const saving = await a.persistence.startRunPersistence({ store: db, delayMs: 10_000 });
    a.store.getState().putRuns([
      { columnId: 'col_1', queryKey: a.PASTE_KEY, run: pasteRun },
      { columnId: 'col_2', queryKey: a.setQueryKey('__proto__'), run: setRun },
      // Not finished: not kept.
      { columnId: 'col_2', queryKey: a.setQueryKey('constructor'), run: { ...pasteRun, status: 'running' } },
    ]);
    await saving.flush();
    saving.stop();
    expect((await entries(db)).map(([key]) => key)).toHaveLength(2);

    const b = await freshApp();
    b.store.getState().showSet(set, null);
    b.store.getState().addColumn({ kind: 'bm25' });
    const restoring = await b.persistence.startRunPersistence({ store: db, notify: () => {} });
    restoring.stop();
    expect(restoring.restored).toEqual({ restored: 2, dropped: 0, message: null });
    const runs = runsOf(b.store.getState());
    expect(runs.get('col_1')?.get(b.PASTE_KEY)).toEqual(pasteRun);
    expect(runs.get('col_2')?.get(b.setQueryKey('__proto__'))).toEqual(setRun);
    expect(runs.get('col_2')?.has(b.setQueryKey('constructor'))).toBe(false);
    const scores = runs.get('col_1')?.get(b.PASTE_KEY)?.scores;
    expect(scores).toBeInstanceOf(Map);
    expect(scores?.get('__proto__')).toBe(2.5);
    expect(scores?.get('toString')).toBeNaN();
    // Absent timings stay absent: RunStatus shows only what a run measured.
    expect(runs.get('col_2')?.get(b.setQueryKey('__proto__'))?.timings).toStrictEqual({ totalMs: 3 });
  });

  it('drops damaged records and keeps the rest, never throwing', async () => {
    const db = freshDb();
    const a = await freshApp();
    const good = a.persistence.recordOf('col_1', a.PASTE_KEY, doneRun(a.idleRun, [['constructor', 1]]));
    await idbSet(['col_1', a.PASTE_KEY], good, db);
    await idbSet(['col_1', 'set:gone'], { ...good, queryKey: 'set:gone' }, db); // a query no longer open: stale, not damaged
    await idbSet(['col_1', 'a'], { ...good, queryKey: 'a', scores: { constructor: 1 } }, db); // scores as an object
    await idbSet(['col_1', 'b'], { ...good, queryKey: 'b', scoreKind: 'probability' }, db); // not a score kind
    await idbSet(['col_1', 'c'], { ...good, queryKey: 'c', version: 99 }, db); // a newer format
    await idbSet(['col_1', 'd'], good, db); // filed under another key than its own
    await idbSet('garbage', 'not a record', db);
    const messages: string[] = [];
    const p = await a.persistence.startRunPersistence({ store: db, notify: (m) => messages.push(m) });
    p.stop();
    expect(p.restored.restored).toBe(1);
    expect(p.restored.dropped).toBe(5);
    expect(messages).toEqual(['5 saved results from your last visit could not be read and were dropped; the other 1 was restored. Press Rerank to compute the missing scores again.']);
    expect(a.store.getState().columns[0]?.runs.get(a.PASTE_KEY)?.scores).toEqual(new Map([['constructor', 1]]));
    // The damaged and the stale are deleted; the good one stays.
    expect((await entries(db)).map(([key]) => key)).toEqual([['col_1', a.PASTE_KEY]]);
  });

  it('keeps the last finished run while a new one runs, and forgets the runs of a removed column', async () => {
    const db = freshDb();
    const a = await freshApp();
    a.store.getState().addColumn({ kind: 'bm25' });
    const p = await a.persistence.startRunPersistence({ store: db, delayMs: 10_000 });
    const first = doneRun(a.idleRun, [['x', 1]]);
    a.store.getState().putRuns([
      { columnId: 'col_1', queryKey: a.PASTE_KEY, run: first },
      { columnId: 'col_2', queryKey: a.PASTE_KEY, run: first },
    ]);
    await p.flush();
    a.store.getState().patchRun('col_1', a.PASTE_KEY, { status: 'running', scores: new Map() });
    a.store.getState().removeColumn('col_2');
    await p.flush();
    p.stop();
    const stored = await entries<IDBValidKey, { scores: unknown }>(db);
    expect(stored).toEqual([[['col_1', a.PASTE_KEY], expect.objectContaining({ scores: [['x', 1]] })]]);
  });

  it('writes once for a burst of changes, after the delay', async () => {
    const real = freshDb();
    let writes = 0;
    const counting: UseStore = (mode, callback) => {
      if (mode === 'readwrite') writes++;
      return real(mode, callback);
    };
    const a = await freshApp();
    const p = await a.persistence.startRunPersistence({ store: counting, delayMs: 30 });
    for (let i = 1; i <= 5; i++) a.store.getState().putRuns([{ columnId: 'col_1', queryKey: a.PASTE_KEY, run: doneRun(a.idleRun, [['x', i]]) }]);
    expect(writes).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 120));
    await p.flush();
    p.stop();
    expect(writes).toBe(1);
    expect(await entries(real)).toEqual([[['col_1', a.PASTE_KEY], expect.objectContaining({ scores: [['x', 5]] })]]);
  });

  it('never puts a saved run over one already on screen, and tells when storage refuses', async () => {
    const db = freshDb();
    const a = await freshApp();
    await idbSet(['col_1', a.PASTE_KEY], a.persistence.recordOf('col_1', a.PASTE_KEY, doneRun(a.idleRun, [['old', 1]])), db);
    const onScreen = doneRun(a.idleRun, [['new', 2]]);
    a.store.getState().putRuns([{ columnId: 'col_1', queryKey: a.PASTE_KEY, run: onScreen }]);
    const p = await a.persistence.startRunPersistence({ store: db });
    p.stop();
    expect(p.restored.restored).toBe(0);
    expect(a.store.getState().columns[0]?.runs.get(a.PASTE_KEY)).toBe(onScreen);

    const refusing: UseStore = () => Promise.reject(Object.assign(new Error('full'), { name: 'QuotaExceededError' }));
    const messages: string[] = [];
    const q = await a.persistence.startRunPersistence({ store: refusing, notify: (m) => messages.push(m) });
    a.store.getState().putRuns([{ columnId: 'col_1', queryKey: a.PASTE_KEY, run: doneRun(a.idleRun, [['x', 3]]) }]);
    await q.flush();
    a.store.getState().putRuns([{ columnId: 'col_1', queryKey: a.PASTE_KEY, run: doneRun(a.idleRun, [['x', 4]]) }]);
    await q.flush();
    q.stop();
    expect(q.restored.message).toBe('The scores from your last visit could not be read (quota exceeded). Press Rerank to compute them again.');
    // The read failure, then the first failed save; the second save fails the same way and is not told again.
    expect(messages).toEqual([q.restored.message, expect.stringContaining('The scores could not be kept for your next visit (quota exceeded)')]);
  });
});
