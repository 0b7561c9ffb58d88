import 'fake-indexeddb/auto';
import { createStore, del as idbDel, get as idbGet, keys as idbKeys, set as idbSet } from 'idb-keyval';
import type { UseStore } from 'idb-keyval';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHUNK_CHARS, CHUNK_PREFIX, ORPHAN_AGE_MS, chunkBy, chunkKey, chunkKeys, splitSet } from './setChunks';
import { parseSavedSet } from './setSchema';
import { CURRENT_SET_KEY, UNREADABLE_BACKUP_KEY, createSetStorage } from './setStorage';
import type { SavedSet } from './setStorage';

let dbCount = 0;
const freshDbName = () => `set-chunks-test-${++dbCount}`;
const TRICKY = ['__proto__', 'constructor', 'toString'];

/** 5,000 documents (the tricky ids first, then d3 … d4999) and two queries over them. */
function bigSet(name = 'Five thousand', savedAt = 1_700_000_000_000): SavedSet {
  const ids = [...TRICKY, ...Array.from({ length: 4_997 }, (_, i) => `d${i + 3}`)];
  return {
    version: 1,
    set: {
      name,
      queries: [
        { id: '__proto__', text: 'q one', candidates: [{ docId: 'constructor', score: 2 }, { docId: 'd4999' }], judgments: new Map([['toString', 1]]) },
        { id: 'toString', text: 'q two', candidates: [{ docId: '__proto__' }], judgments: new Map() },
      ],
      documents: new Map(ids.map((id) => [id, `text of ${id}`])),
      scoreKind: null,
    },
    userJudgments: new Map([['__proto__', new Map<string, number | null>([['constructor', null]])]]),
    activeQueryId: 'toString',
    savedAt,
  };
}

/** A real store; `failAt` makes the Nth readwrite transaction from now fail (counted from 1), as a full disk would. */
function failingStore(dbName: string) {
  const real = createStore(dbName, 'sets');
  const control = { failAt: 0, count: 0 };
  const store: UseStore = (mode, callback) => {
    if (mode === 'readwrite' && control.failAt > 0 && ++control.count === control.failAt) {
      return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    }
    return real(mode, callback);
  };
  const failNth = (n: number) => Object.assign(control, { failAt: n, count: 0 });
  return { store, real, failNth };
}

const chunksOf = async (store: UseStore) => (await chunkKeys(store)).map(String).sort();

afterEach(() => vi.restoreAllMocks());

describe('splitting a set into chunks', () => {
  it('groups items in order within a weight budget and a count, a heavy item alone', () => {
    // Weights 3,3,3 | 9 | 1,1 with budget 7, at most 3 a chunk: 3+3=6, +3 would be 9 > 7; 9 alone; 1+1.
    expect(chunkBy([3, 3, 3, 9, 1, 1], (w) => w, 7, 3)).toEqual([[3, 3], [3], [9], [1, 1]]);
    // At most 2 a chunk, light items: 1,1 | 1,1 | 1.
    expect(chunkBy([1, 1, 1, 1, 1], (w) => w, 100, 2)).toEqual([[1, 1], [1, 1], [1]]);
  });

  it('cuts 5,000 short documents into chunks of 2,000, 2,000 and 1,000', () => {
    const { head, chunks } = splitSet(bigSet(), '1.a');
    // Each text is under 20 characters, so 2,000 of them (< 40,000) never reach the 2 M character budget.
    const sizes = chunks.map(([, value]) => (value instanceof Map ? value.size : -1));
    expect(sizes).toEqual([-1, 2_000, 2_000, 1_000]);
    expect(head.parts).toEqual({ queries: { chunks: 1, count: 2 }, documents: { chunks: 3, count: 5_000 } });
  });

  it('keeps a chunk of long documents within the character budget', () => {
    const long = 'x'.repeat(700_000);
    const saved = bigSet();
    const documents = new Map([['a', long], ['b', long], ['c', long], ['d', long]]);
    const { chunks } = splitSet({ ...saved, set: { ...saved.set, documents } }, '1.a');
    // 700,001 chars each (id + text): two make 1,400,002 ≤ 2,000,000; a third would make 2,100,003.
    expect(CHUNK_CHARS).toBe(2_000_000);
    expect(chunks.slice(1).map(([, value]) => [...(value as Map<string, string>).keys()])).toEqual([['a', 'b'], ['c', 'd']]);
  });
});

describe('a chunked save', () => {
  it('round-trips 5,000 documents with ids like __proto__ through chunks, in order', async () => {
    const dbName = freshDbName();
    expect(await createSetStorage({ dbName }).saveSet(bigSet())).toEqual({ ok: true });
    const raw = createStore(dbName, 'sets');
    expect(await chunksOf(raw)).toHaveLength(4);
    const loaded = await createSetStorage({ dbName }).loadSet();
    expect(loaded).toEqual({ kind: 'ok', saved: bigSet(), dropped: [], message: null, isSafeToOverwrite: true });
    if (loaded.kind !== 'ok') return;
    expect([...loaded.saved.set.documents.keys()]).toEqual([...bigSet().set.documents.keys()]);
    expect(loaded.saved.set.documents.get('__proto__')).toBe('text of __proto__');
  });

  it('removes the chunks of the save it replaces', async () => {
    const dbName = freshDbName();
    const storage = createSetStorage({ dbName });
    await storage.saveSet(bigSet('first'));
    const first = await chunksOf(createStore(dbName, 'sets'));
    await storage.saveSet(bigSet('second'));
    const second = await chunksOf(createStore(dbName, 'sets'));
    expect(second).toHaveLength(4);
    expect(second.filter((key) => first.includes(key))).toEqual([]);
  });

  it('sweeps chunks no head names once they are older than ten minutes, and keeps younger ones', async () => {
    const dbName = freshDbName();
    const raw = createStore(dbName, 'sets');
    const now = Date.now();
    const old = chunkKey(`${now - ORPHAN_AGE_MS - 1_000}.old`, 'documents', 0);
    const young = chunkKey(`${now - 1_000}.young`, 'documents', 0);
    await idbSet(old, new Map(), raw);
    await idbSet(young, new Map(), raw);
    await createSetStorage({ dbName }).saveSet(bigSet());
    const left = await chunksOf(raw);
    expect(left).not.toContain(old);
    expect(left).toContain(young);
  });

  it('loads an old single-record save (format 1), and the next save writes chunks over it', async () => {
    const dbName = freshDbName();
    const raw = createStore(dbName, 'sets');
    await idbSet(CURRENT_SET_KEY, bigSet(), raw);
    const storage = createSetStorage({ dbName });
    expect(await storage.loadSet()).toEqual({ kind: 'ok', saved: bigSet(), dropped: [], message: null, isSafeToOverwrite: true });
    await storage.saveSet(bigSet('rewritten'));
    expect(await idbGet(CURRENT_SET_KEY, raw)).toMatchObject({ version: 2, set: { name: 'rewritten' } });
    const again = await createSetStorage({ dbName }).loadSet();
    expect(again.kind === 'ok' && again.saved.set.name).toBe('rewritten');
  });

  it('lands saves in call order, even when an earlier one has more chunks', async () => {
    const dbName = freshDbName();
    const storage = createSetStorage({ dbName });
    const small = { ...bigSet('small'), set: { ...bigSet().set, name: 'small', documents: new Map([['__proto__', 'p']]) } };
    const [a, b] = await Promise.all([storage.saveSet(bigSet('big, called first')), storage.saveSet(small)]);
    expect([a, b]).toEqual([{ ok: true }, { ok: true }]);
    const loaded = await createSetStorage({ dbName }).loadSet();
    expect(loaded.kind === 'ok' && loaded.saved.set.name).toBe('small');
    // The big save's 4 chunks went when the small save's head replaced it: 1 query chunk + 1 document chunk stay.
    expect(await chunksOf(createStore(dbName, 'sets'))).toHaveLength(2);
  });
});

describe('a chunked save cut off or damaged', () => {
  it('leaves the previous save readable when a put fails part-way, and removes what it wrote', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const dbName = freshDbName();
    const { store, real, failNth } = failingStore(dbName);
    const storage = createSetStorage({ store });
    await storage.saveSet(bigSet('previous'));
    const before = await chunksOf(real);
    // Puts: 1 query chunk, 3 document chunks, then the head. The 3rd (the 2nd document chunk) fails, then the head (5th).
    for (const nth of [3, 5]) {
      failNth(nth);
      expect(await storage.saveSet(bigSet('cut off'))).toMatchObject({ ok: false, reason: 'refused' });
      failNth(0);
      const loaded = await createSetStorage({ dbName }).loadSet();
      expect(loaded.kind === 'ok' && loaded.saved.set.name).toBe('previous');
      expect(await chunksOf(real)).toEqual(before);
    }
  });

  it('reports a head with a missing chunk as damaged, never half-loaded, and copies what was found aside', async () => {
    const dbName = freshDbName();
    const raw = createStore(dbName, 'sets');
    await createSetStorage({ dbName }).saveSet(bigSet());
    const head = await idbGet<{ saveId: string }>(CURRENT_SET_KEY, raw);
    const missing = chunkKey(head?.saveId ?? '', 'documents', 1);
    await idbDel(missing, raw);

    const storage = createSetStorage({ dbName });
    const loaded = await storage.loadSet();
    expect(loaded).toMatchObject({ kind: 'invalid', isSafeToOverwrite: true });
    expect(loaded.kind === 'invalid' && loaded.message).toContain('could not be read: part 2 of 3 of its documents is missing.');
    const backup = await idbGet<{ head: unknown; chunks: Map<string, unknown> }>(UNREADABLE_BACKUP_KEY, raw);
    expect(backup?.head).toEqual(head);
    // The query chunk and the first document chunk were read before the gap.
    expect([...(backup?.chunks.keys() ?? [])]).toEqual([chunkKey(head?.saveId ?? '', 'queries', 0), chunkKey(head?.saveId ?? '', 'documents', 0)]);
    // The next save replaces it, and the damaged save's chunks go with it.
    expect(await storage.saveSet(bigSet('fresh'))).toEqual({ ok: true });
    expect((await chunksOf(raw)).some((key) => key.includes(head?.saveId ?? '?'))).toBe(false);
  });

  it('reads again, not "damaged", when another tab replaces the save while its chunks are read', async () => {
    const dbName = freshDbName();
    const real = createStore(dbName, 'sets');
    await createSetStorage({ dbName }).saveSet(bigSet('first'));
    const otherTab = createSetStorage({ dbName });
    await otherTab.loadSet();
    let reads = 0;
    // The 1st readonly transaction reads the head; before the 2nd (the first chunk) the other tab saves over it.
    const store: UseStore = async (mode, callback) => {
      if (mode === 'readonly' && ++reads === 2) expect(await otherTab.saveSet(bigSet('second'))).toEqual({ ok: true });
      return real(mode, callback);
    };
    const loaded = await createSetStorage({ store }).loadSet();
    expect(reads).toBeGreaterThan(2);
    expect(loaded.kind === 'ok' && loaded.saved.set.name).toBe('second');
  });

  it('reports chunks that hold more documents than the head names as damaged', async () => {
    const dbName = freshDbName();
    const raw = createStore(dbName, 'sets');
    await createSetStorage({ dbName }).saveSet(bigSet());
    const head = await idbGet<{ saveId: string }>(CURRENT_SET_KEY, raw);
    const key = chunkKey(head?.saveId ?? '', 'documents', 2);
    const chunk = await idbGet<Map<string, string>>(key, raw);
    await idbSet(key, new Map([...(chunk ?? []), ['extra', 'x']]), raw);
    const loaded = await createSetStorage({ dbName }).loadSet();
    expect(loaded.kind === 'invalid' && loaded.message).toContain('its chunks hold 5001 distinct documents, not the 5000 its head names');
  });

  it('leaves a head of a newer format alone, with its chunks', async () => {
    const dbName = freshDbName();
    const raw = createStore(dbName, 'sets');
    const newer = { version: 3, saveId: '1.n', parts: { documents: { chunks: 1, count: 1 } } };
    await idbSet(CURRENT_SET_KEY, newer, raw);
    await idbSet(chunkKey('1.n', 'documents', 0), new Map([['a', 'b']]), raw);
    const storage = createSetStorage({ dbName });
    expect(await storage.loadSet()).toMatchObject({ kind: 'newer', version: 3, isSafeToOverwrite: false });
    expect(await storage.saveSet(bigSet())).toMatchObject({ ok: false, reason: 'kept-saved-set' });
    expect(await idbGet(CURRENT_SET_KEY, raw)).toEqual(newer);
    expect(await chunksOf(raw)).toEqual([chunkKey('1.n', 'documents', 0)]);
  });

  it('leaves a save of an unknown version between 1 and 2 alone too, as a format-1 page did', async () => {
    const dbName = freshDbName();
    await idbSet(CURRENT_SET_KEY, { version: 1.5 }, createStore(dbName, 'sets'));
    expect(await createSetStorage({ dbName }).loadSet()).toMatchObject({ kind: 'newer', version: 1.5, isSafeToOverwrite: false });
  });

  it('is a newer save to a page that reads only format 1, which leaves it alone', async () => {
    const dbName = freshDbName();
    await createSetStorage({ dbName }).saveSet(bigSet());
    // A format-1 page checks what it reads with parseSavedSet, and keeps a newer save untouched.
    expect(parseSavedSet(await idbGet(CURRENT_SET_KEY, createStore(dbName, 'sets')))).toEqual({ kind: 'newer', version: 2 });
  });
});

describe('clearing the set', () => {
  it('leaves no chunk behind, of this save or of one cut off', async () => {
    const dbName = freshDbName();
    const raw = createStore(dbName, 'sets');
    const storage = createSetStorage({ dbName });
    await storage.saveSet(bigSet());
    await idbSet(chunkKey(`${Date.now()}.cut`, 'queries', 0), [], raw);
    await idbSet('unrelated', 1, raw);
    expect(await storage.clearSet()).toEqual({ ok: true });
    expect((await idbKeys(raw)).filter((key) => String(key).startsWith(CHUNK_PREFIX) || key === CURRENT_SET_KEY)).toEqual([]);
    expect(await idbGet('unrelated', raw)).toBe(1);
    expect(await storage.loadSet()).toEqual({ kind: 'none', isSafeToOverwrite: true });
  });
});
