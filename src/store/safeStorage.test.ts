import { afterEach, describe, expect, it, vi } from 'vitest';
import { backupKey, createSafeStorage } from './safeStorage';

const NAME = 'rerank-playground';
const VERSION = 2;

/** A Map-backed storage that records every write, in order, so a test can tell what happened before what. */
function recordingStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  const writes: string[] = [];
  return {
    items,
    writes,
    getItem: (name: string) => items.get(name) ?? null,
    setItem: (name: string, value: string) => {
      writes.push(name);
      items.set(name, String(value));
    },
    removeItem: (name: string) => {
      writes.push(`remove ${name}`);
      items.delete(name);
    },
  };
}

/** The app keeps its save and the backup in one localStorage: the same object serves as both here. */
function setUp(saved: string | undefined) {
  const storage = recordingStorage(saved === undefined ? {} : { [NAME]: saved });
  vi.stubGlobal('localStorage', storage);
  const messages: string[] = [];
  const safe = createSafeStorage<{ query: string }>(storage, VERSION, { onRestoreProblem: (message) => messages.push(message) });
  return { storage, safe, messages };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createSafeStorage', () => {
  it('reads a good save as it is, says nothing, and saves over it', () => {
    const { storage, safe, messages } = setUp('{"state":{"query":"__proto__"},"version":2}');
    expect(safe.getItem(NAME)).toEqual({ state: { query: '__proto__' }, version: 2 });
    expect(messages).toEqual([]);
    safe.setItem(NAME, { state: { query: 'new' }, version: 2 });
    expect(storage.items.get(NAME)).toBe('{"state":{"query":"new"},"version":2}');
    expect(safe.writable).toBe(true);
  });

  it('answers null and says nothing when there is no save', () => {
    const { safe, messages } = setUp(undefined);
    expect(safe.getItem(NAME)).toBeNull();
    expect(messages).toEqual([]);
  });

  it('reads a save without a version as version 0, for the store to migrate', () => {
    const { safe } = setUp('{"state":{"query":"q"}}');
    expect(safe.getItem(NAME)).toEqual({ state: { query: 'q' }, version: 0 });
  });

  it.each([
    ['truncated JSON', '{"state":{"query":"cats","documentsText":"a\\nb"'],
    ['JSON that is not an object', '[1,2]'],
    ['a frame whose state is not an object', '{"state":5,"version":2}'],
    ['a frame without a state', '{"version":2}'],
    ['a frame whose state is null', '{"state":null,"version":2}'],
  ])('copies a damaged save (%s) to the backup before anything is written over it', (_, damaged) => {
    const { storage, safe, messages } = setUp(damaged);
    expect(safe.getItem(NAME)).toBeNull();
    // The copy is the first write, and an exact copy.
    expect(storage.writes).toEqual([backupKey(NAME)]);
    expect(storage.items.get(backupKey(NAME))).toBe(damaged);
    expect(messages).toEqual([
      'Your saved work could not be read (it is damaged), so the app started fresh. A copy was kept in this browser under "rerank-playground:unreadable-backup".',
    ]);
    // With the copy kept, the fresh state may be saved; the copy stays.
    expect(safe.writable).toBe(true);
    safe.setItem(NAME, { state: { query: 'fresh' }, version: VERSION });
    expect(storage.writes).toEqual([backupKey(NAME), NAME]);
    expect(storage.items.get(backupKey(NAME))).toBe(damaged);
  });

  it('when no copy can be made, says so and never writes over the damaged save', () => {
    const storage = recordingStorage({ [NAME]: '{"state":' });
    vi.stubGlobal('localStorage', { ...storage, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } });
    const messages: string[] = [];
    const safe = createSafeStorage<{ query: string }>(storage, VERSION, { onRestoreProblem: (message) => messages.push(message) });
    expect(safe.getItem(NAME)).toBeNull();
    expect(messages).toEqual(['Your saved work could not be read (it is damaged), and no copy could be made, so this tab will not save over it.']);
    expect(safe.writable).toBe(false);
    safe.setItem(NAME, { state: { query: 'fresh' }, version: VERSION });
    safe.removeItem(NAME);
    expect(storage.items.get(NAME)).toBe('{"state":');
    expect(storage.writes).toEqual([]);
  });

  it('leaves a save from a newer version alone, with a message naming both versions, and saves nothing', () => {
    const newer = '{"state":{"query":5,"somethingNew":[1]},"version":3}';
    const { storage, safe, messages } = setUp(newer);
    expect(safe.getItem(NAME)).toBeNull();
    expect(messages).toEqual([
      'Your saved work comes from a newer version of Rerank Playground (save version 3; this page reads up to 2). It was left alone, and changes made in this tab are not saved. Open the newer version to keep working on it.',
    ]);
    expect(safe.writable).toBe(false);
    safe.setItem(NAME, { state: { query: 'mine' }, version: VERSION });
    safe.removeItem(NAME);
    expect(storage.writes).toEqual([]);
    expect(storage.items.get(NAME)).toBe(newer);
  });

  it('passes a readable save with a wrong field type on, for the field checks (persistedSchema.ts) to name', () => {
    // The example: {"state":{"query":5},"version":1} blanked the page; the frame is fine, the field is not.
    const { safe, messages } = setUp('{"state":{"query":5},"version":1}');
    expect(safe.getItem(NAME)).toEqual({ state: { query: 5 }, version: 1 });
    expect(messages).toEqual([]);
  });
});
