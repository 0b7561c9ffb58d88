import type { StateCreator } from 'zustand';
import type { AppState } from './index';

/** Where a remembered key lives. Separate from the rest of the persisted state, so exports never carry it. */
export const REMEMBERED_KEY_STORAGE = 'rerank-playground:cohere-key';

export interface KeySlice {
  /** Held in memory; written to localStorage only when `rememberKey` is on. Never in a URL, export, log or message. */
  cohereApiKey: string;
  rememberKey: boolean;
  setCohereApiKey: (key: string) => void;
  setRememberKey: (remember: boolean) => void;
  forgetKey: () => void;
}

function readRememberedKey(): string {
  try {
    return typeof localStorage === 'undefined' ? '' : (localStorage.getItem(REMEMBERED_KEY_STORAGE) ?? '');
  } catch {
    return '';
  }
}

function writeRememberedKey(key: string | null): void {
  try {
    if (key) localStorage.setItem(REMEMBERED_KEY_STORAGE, key);
    else localStorage.removeItem(REMEMBERED_KEY_STORAGE);
  } catch {
    // Storage refused (private mode, quota): the key simply stays in memory.
  }
}

export const createKeySlice: StateCreator<AppState, [], [], KeySlice> = (set, get) => {
  const remembered = readRememberedKey();
  return {
    cohereApiKey: remembered,
    rememberKey: remembered !== '',
    setCohereApiKey: (cohereApiKey) => {
      set({ cohereApiKey });
      if (get().rememberKey) writeRememberedKey(cohereApiKey);
    },
    setRememberKey: (rememberKey) => {
      set({ rememberKey });
      writeRememberedKey(rememberKey ? get().cohereApiKey : null);
    },
    forgetKey: () => {
      set({ cohereApiKey: '', rememberKey: false });
      writeRememberedKey(null);
    },
  };
};
