import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LEGACY_REMEMBERED_KEY_STORAGE, REMEMBERED_KEYS_STORAGE } from './keySlice';

const KEY = 'co-test-key-0123456789';
const LOCAL_KEY = 'local-secret-abcdef';
const COHERE = 'https://api.cohere.com';
const LOCAL = 'http://localhost:8000';

/** A Map-backed localStorage, since Node has none. */
function memoryStorage(initial: Record<string, string> = {}): Storage {
  const items = new Map(Object.entries(initial));
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (name) => items.get(name) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (name) => void items.delete(name),
    setItem: (name, value) => void items.set(name, String(value)),
  };
}

/** A fresh store module over the given storage: the slice reads the remembered keys when the store is created. */
async function freshStore(storage: Storage) {
  vi.stubGlobal('localStorage', storage);
  vi.resetModules();
  return (await import('./index')).useAppStore;
}

const rememberedIn = (storage: Storage): unknown => JSON.parse(storage.getItem(REMEMBERED_KEYS_STORAGE) ?? 'null');

describe('Cohere keys, one per base URL', () => {
  beforeEach(() => {
    vi.unstubAllGlobals();
  });

  it('gives each base URL only its own key', async () => {
    const store = await freshStore(memoryStorage());
    store.getState().setCohereKey(COHERE, KEY);
    expect(store.getState().cohereKeyFor(COHERE)).toBe(KEY);
    expect(store.getState().cohereKeyFor(LOCAL)).toBe('');
    expect(store.getState().cohereKeyFor('https://api.cohere.com.evil.test')).toBe('');
    store.getState().setCohereKey(LOCAL, LOCAL_KEY);
    expect(store.getState().cohereKeyFor(LOCAL)).toBe(LOCAL_KEY);
    expect(store.getState().cohereKeyFor(COHERE)).toBe(KEY);
  });

  it('finds a key under any spelling of its base URL, and the proxy uses the api.cohere.com key', async () => {
    const store = await freshStore(memoryStorage());
    store.getState().setCohereKey('https://API.cohere.com/', KEY);
    expect(store.getState().cohereKeyFor(COHERE)).toBe(KEY);
    expect(store.getState().cohereKeyFor('/api/cohere')).toBe(KEY);
    store.getState().setCohereKey('http://LOCALHOST:8000/', LOCAL_KEY);
    expect(store.getState().cohereKeyFor(LOCAL)).toBe(LOCAL_KEY);
  });

  it('holds base URLs such as "__proto__" and "constructor" as data', async () => {
    const store = await freshStore(memoryStorage());
    expect(store.getState().cohereKeyFor('__proto__')).toBe('');
    expect(store.getState().cohereKeyFor('constructor')).toBe('');
    store.getState().setCohereKey('__proto__', 'p-key');
    store.getState().setCohereKey('constructor', 'c-key');
    expect(store.getState().cohereKeyFor('__proto__')).toBe('p-key');
    expect(store.getState().cohereKeyFor('constructor')).toBe('c-key');
    expect(store.getState().cohereKeyFor('toString')).toBe('');
  });

  it('"Forget key" forgets only that base URL\'s key', async () => {
    const storage = memoryStorage();
    const store = await freshStore(storage);
    store.getState().setCohereKey(COHERE, KEY);
    store.getState().setCohereKey(LOCAL, LOCAL_KEY);
    store.getState().setRememberCohereKey(COHERE, true);
    store.getState().setRememberCohereKey(LOCAL, true);
    store.getState().forgetCohereKey(LOCAL);
    expect(store.getState().cohereKeyFor(LOCAL)).toBe('');
    expect(store.getState().isCohereKeyRemembered(LOCAL)).toBe(false);
    expect(store.getState().cohereKeyFor(COHERE)).toBe(KEY);
    expect(rememberedIn(storage)).toEqual([[COHERE, KEY]]);
  });

  it('stays in memory only while "remember" is off, and never in the persisted state', async () => {
    const storage = memoryStorage();
    const store = await freshStore(storage);
    store.getState().setCohereKey(COHERE, KEY);
    expect(storage.getItem(REMEMBERED_KEYS_STORAGE)).toBeNull();
    const persisted = store.persist.getOptions().partialize?.(store.getState());
    expect(JSON.stringify(persisted)).not.toContain(KEY);
  });

  it('remembers per base URL: written when turned on, kept up to date, and read back by the next visit', async () => {
    const storage = memoryStorage();
    const store = await freshStore(storage);
    store.getState().setCohereKey(COHERE, 'first');
    store.getState().setCohereKey(LOCAL, LOCAL_KEY); // Not remembered: must not reach storage.
    store.getState().setRememberCohereKey(COHERE, true);
    expect(rememberedIn(storage)).toEqual([[COHERE, 'first']]);
    store.getState().setCohereKey(COHERE, KEY);
    expect(rememberedIn(storage)).toEqual([[COHERE, KEY]]);
    expect(storage.getItem(REMEMBERED_KEYS_STORAGE)).not.toContain(LOCAL_KEY);

    const nextVisit = await freshStore(storage);
    expect(nextVisit.getState().cohereKeyFor(COHERE)).toBe(KEY);
    expect(nextVisit.getState().isCohereKeyRemembered(COHERE)).toBe(true);
    expect(nextVisit.getState().cohereKeyFor(LOCAL)).toBe('');
    expect(nextVisit.getState().isCohereKeyRemembered(LOCAL)).toBe(false);
  });

  it('a key typed after "remember" was ticked is remembered too', async () => {
    const storage = memoryStorage();
    const store = await freshStore(storage);
    store.getState().setRememberCohereKey(LOCAL, true);
    store.getState().setCohereKey(LOCAL, LOCAL_KEY);
    expect(rememberedIn(storage)).toEqual([[LOCAL, LOCAL_KEY]]);
  });

  it('is removed from storage when "remember" is turned off, but stays in memory for this visit', async () => {
    const storage = memoryStorage({ [REMEMBERED_KEYS_STORAGE]: JSON.stringify([[COHERE, KEY], [LOCAL, LOCAL_KEY]]) });
    const store = await freshStore(storage);
    store.getState().setRememberCohereKey(COHERE, false);
    expect(rememberedIn(storage)).toEqual([[LOCAL, LOCAL_KEY]]);
    expect(store.getState().cohereKeyFor(COHERE)).toBe(KEY);
    store.getState().setRememberCohereKey(LOCAL, false);
    expect(storage.getItem(REMEMBERED_KEYS_STORAGE)).toBeNull();
  });

  it('moves the single key remembered by earlier versions to api.cohere.com, and only there', async () => {
    const storage = memoryStorage({ [LEGACY_REMEMBERED_KEY_STORAGE]: KEY });
    const store = await freshStore(storage);
    expect(store.getState().cohereKeyFor(COHERE)).toBe(KEY);
    expect(store.getState().isCohereKeyRemembered(COHERE)).toBe(true);
    expect(store.getState().cohereKeyFor(LOCAL)).toBe('');
    expect(rememberedIn(storage)).toEqual([[COHERE, KEY]]);
    expect(storage.getItem(LEGACY_REMEMBERED_KEY_STORAGE)).toBeNull();
  });

  it('ignores remembered keys it cannot read, rather than failing to start', async () => {
    for (const saved of ['not json', '{"https://api.cohere.com":"k"}', '[["a"]]', '[[1,2]]', 'null']) {
      const store = await freshStore(memoryStorage({ [REMEMBERED_KEYS_STORAGE]: saved }));
      expect(store.getState().cohereKeyFor(COHERE)).toBe('');
    }
  });

  it('stays in memory when storage refuses it', async () => {
    const refusing = { ...memoryStorage(), setItem: () => { throw new Error('QuotaExceededError'); } };
    const store = await freshStore(refusing);
    store.getState().setRememberCohereKey(COHERE, true);
    store.getState().setCohereKey(COHERE, KEY);
    expect(store.getState().cohereKeyFor(COHERE)).toBe(KEY);
  });
});
