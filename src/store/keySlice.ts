import type { StateCreator } from 'zustand';
import { keyScopeOf } from '../rerankers/cohere/keyScope';
import { COHERE_BASE_URL } from '../rerankers/cohere/settings';
import type { AppState } from './index';

/**
 * Where remembered keys live: JSON `[[scope, key], ...]`, one entry per base URL the user ticked "remember" for.
 * Separate from the rest of the persisted state, so exports never carry them.
 */
export const REMEMBERED_KEYS_STORAGE = 'rerank-playground:cohere-keys';
/** Earlier versions remembered one key, for whatever server; it was typed for Cohere, so it moves to api.cohere.com. */
export const LEGACY_REMEMBERED_KEY_STORAGE = 'rerank-playground:cohere-key';

export interface KeySlice {
  /**
   * API keys by server (keyScopeOf(baseUrl)), so that a key typed for one base URL is never sent to, or shown
   * for, another. Held in memory; written to localStorage only for the scopes in `rememberedKeyScopes`.
   * Never in a URL, export, log or message. Replaced, never mutated, so subscribers see each change.
   */
  cohereKeys: ReadonlyMap<string, string>;
  rememberedKeyScopes: ReadonlySet<string>;
  /** The key for this base URL; '' when none was entered for it. */
  cohereKeyFor: (baseUrl: string) => string;
  isCohereKeyRemembered: (baseUrl: string) => boolean;
  setCohereKey: (baseUrl: string, key: string) => void;
  setRememberCohereKey: (baseUrl: string, remember: boolean) => void;
  /** Forgets this base URL's key, in memory and on the device; other servers' keys stay. */
  forgetCohereKey: (baseUrl: string) => void;
}

/** Selectors for components: the key and the remember flag of one base URL. */
export const selectCohereKey = (state: KeySlice, baseUrl: string): string => state.cohereKeys.get(keyScopeOf(baseUrl)) ?? '';
export const selectKeyRemembered = (state: KeySlice, baseUrl: string): boolean => state.rememberedKeyScopes.has(keyScopeOf(baseUrl));

function isEntry(value: unknown): value is [string, string] {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string';
}

/** The remembered keys, with the legacy single key moved to api.cohere.com. Unreadable storage means none. */
function readRememberedKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  try {
    if (typeof localStorage === 'undefined') return keys;
    const saved: unknown = JSON.parse(localStorage.getItem(REMEMBERED_KEYS_STORAGE) ?? '[]');
    if (Array.isArray(saved)) for (const entry of saved) if (isEntry(entry) && entry[1] !== '') keys.set(entry[0], entry[1]);
  } catch {
    // Not JSON, or storage refused: start with no remembered keys rather than fail to start.
  }
  try {
    const legacy = localStorage.getItem(LEGACY_REMEMBERED_KEY_STORAGE);
    if (legacy) {
      const cohere = keyScopeOf(COHERE_BASE_URL);
      if (!keys.has(cohere)) keys.set(cohere, legacy);
      writeRememberedKeys(keys);
      localStorage.removeItem(LEGACY_REMEMBERED_KEY_STORAGE);
    }
  } catch {
    // Storage refused: the legacy key is read again, and moved, on the next visit.
  }
  return keys;
}

function writeRememberedKeys(keys: ReadonlyMap<string, string>): void {
  try {
    const entries = [...keys].filter(([, key]) => key !== '');
    if (entries.length > 0) localStorage.setItem(REMEMBERED_KEYS_STORAGE, JSON.stringify(entries));
    else localStorage.removeItem(REMEMBERED_KEYS_STORAGE);
  } catch {
    // Storage refused (private mode, quota): the keys simply stay in memory.
  }
}

/** Only the remembered scopes' keys, as they should be on the device. */
function rememberedPart(keys: ReadonlyMap<string, string>, scopes: ReadonlySet<string>): Map<string, string> {
  return new Map([...keys].filter(([scope]) => scopes.has(scope)));
}

export const createKeySlice: StateCreator<AppState, [], [], KeySlice> = (set, get) => {
  const remembered = readRememberedKeys();
  const save = (keys: ReadonlyMap<string, string>, scopes: ReadonlySet<string>) => {
    set({ cohereKeys: keys, rememberedKeyScopes: scopes });
    writeRememberedKeys(rememberedPart(keys, scopes));
  };
  return {
    cohereKeys: remembered,
    rememberedKeyScopes: new Set(remembered.keys()),
    cohereKeyFor: (baseUrl) => selectCohereKey(get(), baseUrl),
    isCohereKeyRemembered: (baseUrl) => selectKeyRemembered(get(), baseUrl),
    setCohereKey: (baseUrl, key) => {
      const keys = new Map(get().cohereKeys);
      if (key === '') keys.delete(keyScopeOf(baseUrl));
      else keys.set(keyScopeOf(baseUrl), key);
      save(keys, get().rememberedKeyScopes);
    },
    setRememberCohereKey: (baseUrl, remember) => {
      const scopes = new Set(get().rememberedKeyScopes);
      if (remember) scopes.add(keyScopeOf(baseUrl));
      else scopes.delete(keyScopeOf(baseUrl));
      save(get().cohereKeys, scopes);
    },
    forgetCohereKey: (baseUrl) => {
      const keys = new Map(get().cohereKeys);
      const scopes = new Set(get().rememberedKeyScopes);
      keys.delete(keyScopeOf(baseUrl));
      scopes.delete(keyScopeOf(baseUrl));
      save(keys, scopes);
    },
  };
};
