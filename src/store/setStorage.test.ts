import 'fake-indexeddb/auto';
import { createStore, get as idbGet, set as idbSet } from 'idb-keyval';
import type { UseStore } from 'idb-keyval';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CURRENT_SET_KEY, UNREADABLE_BACKUP_KEY, createSetStorage } from './setStorage';
import type { SavedSet } from './setStorage';

let dbCount = 0;
const freshDbName = () => `set-storage-test-${++dbCount}`;

function sample(): SavedSet {
  return {
    version: 1,
    set: {
      name: 'Tricky ids',
      queries: [
        {
          id: '__proto__',
          text: 'what is a prototype',
          candidates: [{ docId: 'constructor', score: 1.5 }, { docId: 'toString' }],
          judgments: new Map([['constructor', 3]]),
        },
        { id: 'constructor', text: 'who builds objects', candidates: [{ docId: '__proto__' }], judgments: new Map([['__proto__', 0]]) },
      ],
      documents: new Map([
        ['constructor', 'doc c'],
        ['toString', 'doc t'],
        ['__proto__', 'doc p'],
      ]),
      scoreKind: null,
    },
    userJudgments: new Map([['constructor', new Map<string, number | null>([['__proto__', null], ['toString', 2]])]]),
    activeQueryId: '__proto__',
    savedAt: 1_700_000_000_000,
  };
}

/** A real store whose transactions of one mode fail while `refuse` holds an error. */
function refusingStore(dbName: string, mode: IDBTransactionMode) {
  const real = createStore(dbName, 'sets');
  const control = { refuse: null as unknown };
  const store: UseStore = (txMode, callback) =>
    control.refuse !== null && txMode === mode ? Promise.reject(control.refuse) : real(txMode, callback);
  return { store, real, control };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('saving and loading the query set', () => {
  it('round-trips a set with ids like __proto__ and constructor, Maps staying Maps', async () => {
    const dbName = freshDbName();
    expect(await createSetStorage({ dbName }).saveSet(sample())).toEqual({ ok: true });
    const loaded = await createSetStorage({ dbName }).loadSet();
    expect(loaded).toEqual({ kind: 'ok', saved: sample(), dropped: [], message: null, isSafeToOverwrite: true });
    if (loaded.kind !== 'ok') return;
    expect(loaded.saved.set.documents).toBeInstanceOf(Map);
    expect(loaded.saved.userJudgments.get('constructor')?.get('__proto__')).toBeNull();
  });

  it('finds nothing in an empty database, and nothing after clearSet', async () => {
    const dbName = freshDbName();
    const storage = createSetStorage({ dbName });
    expect(await storage.loadSet()).toEqual({ kind: 'none', isSafeToOverwrite: true });
    await storage.saveSet(sample());
    expect(await storage.clearSet()).toEqual({ ok: true });
    expect(await storage.loadSet()).toEqual({ kind: 'none', isSafeToOverwrite: true });
  });

  it('writes only the fields of a save (the head holds the set\'s name and score kind, the chunks the rest)', async () => {
    const dbName = freshDbName();
    const withExtra = { ...sample(), set: { ...sample().set, cachedView: 'not for disk' } };
    await createSetStorage({ dbName }).saveSet(withExtra);
    const stored = await idbGet<{ set: object }>(CURRENT_SET_KEY, createStore(dbName, 'sets'));
    expect(Object.keys(stored?.set ?? {})).toEqual(['name', 'scoreKind']);
    expect(JSON.stringify(stored)).not.toContain('not for disk');
  });
});

describe('a damaged or foreign save', () => {
  it('keeps the valid queries of a damaged save, and copies the save as it was aside', async () => {
    const dbName = freshDbName();
    const raw = createStore(dbName, 'sets');
    const record = structuredClone(sample()) as unknown as { set: { queries: unknown[] } };
    record.set.queries[1] = { id: 'constructor', text: 42, candidates: [], judgments: new Map() };
    await idbSet(CURRENT_SET_KEY, record, raw);

    const loaded = await createSetStorage({ dbName }).loadSet();
    expect(loaded.kind).toBe('ok');
    if (loaded.kind !== 'ok') return;
    expect(loaded.saved.set.queries.map((q) => q.id)).toEqual(['__proto__']);
    expect(loaded.dropped).toHaveLength(1);
    expect(loaded.dropped[0]).toMatch(/^query "constructor" \(position 2\)/);
    expect(loaded.message).toContain(`without 1 damaged part: ${loaded.dropped[0]}.`);
    expect(loaded.message).toContain(UNREADABLE_BACKUP_KEY);
    expect(await idbGet(UNREADABLE_BACKUP_KEY, raw)).toEqual(record);
  });

  it('copies an unreadable save aside before it may be written over', async () => {
    const dbName = freshDbName();
    const raw = createStore(dbName, 'sets');
    await idbSet(CURRENT_SET_KEY, 'not a record', raw);
    const storage = createSetStorage({ dbName });
    const loaded = await storage.loadSet();
    expect(loaded.kind).toBe('invalid');
    expect(loaded.isSafeToOverwrite).toBe(true);
    expect(loaded.kind === 'invalid' && loaded.message).toContain(`under "${UNREADABLE_BACKUP_KEY}"`);
    expect(await idbGet(UNREADABLE_BACKUP_KEY, raw)).toBe('not a record');
    expect(await storage.saveSet(sample())).toEqual({ ok: true });
    expect(await idbGet(UNREADABLE_BACKUP_KEY, raw)).toBe('not a record');
  });

  it('names the first three damaged parts in its message and counts the rest', async () => {
    const dbName = freshDbName();
    const record = structuredClone(sample()) as unknown as { set: { queries: unknown[] } };
    for (let i = 1; i <= 5; i++) record.set.queries.push({ id: `bad${i}`, text: i, candidates: [], judgments: new Map() });
    await idbSet(CURRENT_SET_KEY, record, createStore(dbName, 'sets'));
    const loaded = await createSetStorage({ dbName }).loadSet();
    if (loaded.kind !== 'ok') throw new Error(`expected ok, got ${loaded.kind}`);
    expect(loaded.dropped).toHaveLength(5);
    // 5 dropped, 3 named: "and 2 more".
    expect(loaded.message).toContain(`${loaded.dropped[2]}; and 2 more.`);
    expect(loaded.message).not.toContain('bad4');
  });

  it('refuses a save with a missing frame field', async () => {
    const dbName = freshDbName();
    const record = structuredClone(sample()) as unknown as { set: { documents?: unknown } };
    delete record.set.documents;
    await idbSet(CURRENT_SET_KEY, record, createStore(dbName, 'sets'));
    const loaded = await createSetStorage({ dbName }).loadSet();
    expect(loaded.kind).toBe('invalid');
    expect(loaded.kind === 'invalid' && loaded.message).toContain('set.documents');
  });

  it('never writes over a save from a newer version until the user clears it', async () => {
    const dbName = freshDbName();
    const raw = createStore(dbName, 'sets');
    // Format 2 is this page's chunked head; 3 is a later playground's.
    const newer = { version: 3, shape: 'unknown to this page' };
    await idbSet(CURRENT_SET_KEY, newer, raw);
    const storage = createSetStorage({ dbName });

    const loaded = await storage.loadSet();
    expect(loaded).toMatchObject({ kind: 'newer', version: 3, isSafeToOverwrite: false });
    expect(loaded.kind === 'newer' && loaded.message).toContain('save format 3; this page reads formats 1 and 2');
    const refused = await storage.saveSet(sample());
    expect(refused).toMatchObject({ ok: false, reason: 'kept-saved-set' });
    expect(await idbGet(CURRENT_SET_KEY, raw)).toEqual(newer);

    await storage.clearSet();
    expect(await storage.saveSet(sample())).toEqual({ ok: true });
  });

  it('never writes over an unreadable save that could not be copied aside', async () => {
    const dbName = freshDbName();
    const { store, real, control } = refusingStore(dbName, 'readwrite');
    await idbSet(CURRENT_SET_KEY, 42, real);
    control.refuse = new DOMException('full', 'QuotaExceededError');
    const storage = createSetStorage({ store });
    const loaded = await storage.loadSet();
    expect(loaded).toMatchObject({ kind: 'invalid', isSafeToOverwrite: false });
    expect(loaded.kind === 'invalid' && loaded.message).toContain('could not be copied aside (quota exceeded)');
    control.refuse = null;
    expect(await storage.saveSet(sample())).toMatchObject({ ok: false, reason: 'kept-saved-set' });
    expect(await idbGet(CURRENT_SET_KEY, real)).toBe(42);
  });
});

describe('when IndexedDB refuses', () => {
  it('reports a full storage in plain words, without throwing', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { store, control } = refusingStore(freshDbName(), 'readwrite');
    control.refuse = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(await createSetStorage({ store }).saveSet(sample())).toEqual({
      ok: false,
      reason: 'refused',
      message:
        "The query set could not be saved for the next visit: the browser's storage is full. It stays on screen until you reload. " +
        'Free space by clearing the score cache, or export the set.',
    });
  });

  it('loads nothing, and blocks saving, when a read fails for an unknown reason', async () => {
    const { store, control } = refusingStore(freshDbName(), 'readonly');
    control.refuse = new DOMException('disk I/O', 'UnknownError');
    const storage = createSetStorage({ store });
    const loaded = await storage.loadSet();
    expect(loaded).toMatchObject({ kind: 'unavailable', isSafeToOverwrite: false });
    expect(loaded.kind === 'unavailable' && loaded.message).toContain('(UnknownError: disk I/O)');
    expect(await storage.saveSet(sample())).toMatchObject({ ok: false, reason: 'kept-saved-set' });
  });

  it('works without indexedDB at all: nothing loads, and saving says why', async () => {
    vi.stubGlobal('indexedDB', undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const storage = createSetStorage({ dbName: freshDbName() });
    expect(await storage.loadSet()).toMatchObject({ kind: 'unavailable', isSafeToOverwrite: true });
    const saved = await storage.saveSet(sample());
    expect(saved).toMatchObject({ ok: false, reason: 'refused' });
    expect(!saved.ok && saved.message).toContain('this browser has no IndexedDB storage');
  });
});

describe('marks saved apart from the set', () => {
  it('replace the set\'s own marks when they belong to the same save, and are ignored otherwise', async () => {
    const dbName = freshDbName();
    const storage = createSetStorage({ dbName });
    const saved = sample();
    expect(await storage.saveSet(saved)).toEqual({ ok: true });
    const later = new Map([['__proto__', new Map<string, number | null>([['toString', 3]])]]);
    expect(await storage.saveMarks({ setSavedAt: saved.savedAt, userJudgments: later, activeQueryId: 'constructor' })).toEqual({ ok: true });
    const loaded = await createSetStorage({ dbName }).loadSet();
    expect(loaded.kind === 'ok' && loaded.saved.userJudgments).toEqual(later);
    expect(loaded.kind === 'ok' && loaded.saved.activeQueryId).toBe('constructor');

    await storage.saveMarks({ setSavedAt: saved.savedAt - 1, userJudgments: new Map(), activeQueryId: null });
    const stale = await createSetStorage({ dbName }).loadSet();
    expect(stale.kind === 'ok' && stale.saved.userJudgments).toEqual(saved.userJudgments);
  });
});
