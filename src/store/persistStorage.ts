import type { StateStorage } from 'zustand/middleware';

/**
 * localStorage, written at most every `delayMs`: a 10,000-document paste is megabytes, and serialising it on
 * every keystroke would make typing stutter. A write that does not fit (quota) is reported, never thrown,
 * so the page keeps working and the user's input stays on screen.
 */
export function createDebouncedStorage(onWriteFailed: (message: string | null) => void, delayMs = 400): StateStorage {
  const pending = new Map<string, string>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    timer = undefined;
    for (const [name, value] of pending) {
      try {
        localStorage.setItem(name, value);
        onWriteFailed(null);
      } catch (error) {
        onWriteFailed(
          `Your input is too large to be saved for the next visit (${formatSize(value.length)}); ` +
            'it stays here until you reload. Upload the file again after a reload.',
        );
        console.warn('Persisting the playground state failed', error);
      }
    }
    pending.clear();
  };

  if (typeof window !== 'undefined') window.addEventListener('pagehide', flush);

  return {
    getItem: (name) => pending.get(name) ?? localStorage.getItem(name),
    setItem: (name, value) => {
      pending.set(name, value);
      if (timer === undefined) timer = setTimeout(flush, delayMs);
    },
    removeItem: (name) => {
      pending.delete(name);
      localStorage.removeItem(name);
    },
  };
}

function formatSize(chars: number): string {
  return chars > 1e6 ? `${(chars / 1e6).toFixed(1)} million characters` : `${Math.round(chars / 1e3)} thousand characters`;
}
