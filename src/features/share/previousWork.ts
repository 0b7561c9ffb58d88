import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { PreviousWorkStorage } from './openFlow';

/**
 * Keeps the work a shared setup replaced in IndexedDB, so that "Restore what was here" still works after a
 * reload or on the next visit. A database of its own: idb-keyval cannot add a store to the set database.
 */
const DB = 'rerank-playground-share';
const STORE = 'previous-work';
const KEY = 'before-shared-setup';

export function indexedDbPreviousWork(): PreviousWorkStorage | null {
  if (typeof indexedDB === 'undefined') return null;
  let store: UseStore | null = null;
  const open = () => (store ??= createStore(DB, STORE));
  return {
    save: async (record) => {
      try {
        await set(KEY, record, open());
        return true;
      } catch {
        // Full or refused: the caller keeps the copy in memory and says it lasts for this tab only.
        return false;
      }
    },
    load: async () => {
      const record: unknown = await get(KEY, open());
      return typeof record === 'string' ? record : null;
    },
    clear: () => del(KEY, open()),
  };
}
