import { STORAGE_KEY, useAppStore } from './index';

/**
 * Two tabs of the app share one save. When another tab saves, this one reads the save back (validated, as at
 * start-up), so its edits show here and a later save here does not silently undo them.
 */
export function startTabSync(): void {
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY && event.newValue !== null) void useAppStore.persist.rehydrate();
  });
}
