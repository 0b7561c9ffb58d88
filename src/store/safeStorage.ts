import type { PersistStorage, StateStorage, StorageValue } from 'zustand/middleware';

/** Where a save this build cannot read is copied before anything may be written over it. */
export const backupKey = (name: string): string => `${name}:unreadable-backup`;

export interface SafeStorageEvents {
  /** Told once, when the save could not be read whole; null clears it. */
  onRestoreProblem: (message: string) => void;
}

/**
 * The persisted state's storage, read defensively: a save that is not JSON, not the expected frame, or from a
 * newer version never reaches the store as it is, and is never written over without a copy.
 * - Unreadable (truncated JSON, not an object): copied to `<name>:unreadable-backup`, then the defaults load.
 * - From a newer version: left alone, and this tab saves nothing, so the newer build finds it intact.
 * Field-level checks of a readable save happen in the store's `merge` (persistedSchema.ts).
 */
export function createSafeStorage<S>(storage: StateStorage, version: number, events: SafeStorageEvents): PersistStorage<S> & { readonly writable: boolean } {
  let writable = true;
  const keepCopy = (name: string, raw: string): boolean => {
    try {
      localStorage.setItem(backupKey(name), raw);
      return true;
    } catch {
      return false;
    }
  };
  return {
    get writable() {
      return writable;
    },
    getItem: (name) => {
      const raw = storage.getItem(name);
      if (typeof raw !== 'string') return null;
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        parsed = undefined;
      }
      const frame = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
      if (!frame || typeof frame.state !== 'object' || frame.state === null) {
        const copied = keepCopy(name, raw);
        if (!copied) writable = false;
        events.onRestoreProblem(
          copied
            ? `Your saved work could not be read (it is damaged), so the app started fresh. A copy was kept in this browser under "${backupKey(name)}".`
            : 'Your saved work could not be read (it is damaged), and no copy could be made, so this tab will not save over it.',
        );
        return null;
      }
      const savedVersion = typeof frame.version === 'number' ? frame.version : 0;
      if (savedVersion > version) {
        writable = false;
        events.onRestoreProblem(
          `Your saved work comes from a newer version of Rerank Playground (save version ${savedVersion}; this page reads up to ${version}). It was left alone, and changes made in this tab are not saved. Open the newer version to keep working on it.`,
        );
        return null;
      }
      return { state: frame.state as S, version: savedVersion } satisfies StorageValue<S>;
    },
    setItem: (name, value) => {
      if (writable) storage.setItem(name, JSON.stringify(value));
    },
    removeItem: (name) => {
      if (writable) storage.removeItem(name);
    },
  };
}
