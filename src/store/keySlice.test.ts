import { beforeEach, describe, expect, it, vi } from 'vitest';
import { REMEMBERED_KEY_STORAGE } from './keySlice';

const KEY = 'co-test-key-0123456789';

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

/** A fresh store module over the given storage: the slice reads a remembered key when the store is created. */
async function freshStore(storage: Storage) {
  vi.stubGlobal('localStorage', storage);
  vi.resetModules();
  return (await import('./index')).useAppStore;
}

describe('the Cohere key', () => {
  beforeEach(() => {
    vi.unstubAllGlobals();
  });

  it('stays in memory only while "remember" is off, and never in the persisted state', async () => {
    const storage = memoryStorage();
    const store = await freshStore(storage);
    store.getState().setCohereApiKey(KEY);
    expect(store.getState().cohereApiKey).toBe(KEY);
    expect(storage.getItem(REMEMBERED_KEY_STORAGE)).toBeNull();
    const persisted = store.persist.getOptions().partialize?.(store.getState());
    expect(JSON.stringify(persisted)).not.toContain(KEY);
  });

  it('is written when "remember" is turned on, kept up to date, and read back by the next visit', async () => {
    const storage = memoryStorage();
    const store = await freshStore(storage);
    store.getState().setCohereApiKey('first');
    store.getState().setRememberKey(true);
    expect(storage.getItem(REMEMBERED_KEY_STORAGE)).toBe('first');
    store.getState().setCohereApiKey(KEY);
    expect(storage.getItem(REMEMBERED_KEY_STORAGE)).toBe(KEY);

    const nextVisit = await freshStore(storage);
    expect(nextVisit.getState()).toMatchObject({ cohereApiKey: KEY, rememberKey: true });
  });

  it('is removed from storage when "remember" is turned off, but stays in memory for this visit', async () => {
    const storage = memoryStorage({ [REMEMBERED_KEY_STORAGE]: KEY });
    const store = await freshStore(storage);
    store.getState().setRememberKey(false);
    expect(storage.getItem(REMEMBERED_KEY_STORAGE)).toBeNull();
    expect(store.getState().cohereApiKey).toBe(KEY);
  });

  it('"Forget key" clears it everywhere', async () => {
    const storage = memoryStorage({ [REMEMBERED_KEY_STORAGE]: KEY });
    const store = await freshStore(storage);
    store.getState().forgetKey();
    expect(store.getState()).toMatchObject({ cohereApiKey: '', rememberKey: false });
    expect(storage.getItem(REMEMBERED_KEY_STORAGE)).toBeNull();
  });

  it('stays in memory when storage refuses it', async () => {
    const refusing = { ...memoryStorage(), setItem: () => { throw new Error('QuotaExceededError'); } };
    const store = await freshStore(refusing);
    store.getState().setRememberKey(true);
    store.getState().setCohereApiKey(KEY);
    expect(store.getState().cohereApiKey).toBe(KEY);
  });
});
