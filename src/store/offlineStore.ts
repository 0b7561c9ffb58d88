/**
 * What works without a network: the app shell (kept by the service worker), the model runtime and the models
 * (kept by transformers.js in its browser cache). A store of its own: it is about the browser, not the user's
 * work, and is never saved or shared.
 */
import { create } from 'zustand';
import { offlineInventory, type OfflineInventory } from '../core/offline/cachedModels';

/** 'dev': the dev server has no service worker; 'unsupported': this browser (or a private window) has none. */
export type ShellStatus = 'checking' | 'saving' | 'ready' | 'failed' | 'unsupported' | 'dev';

export interface OfflineState {
  online: boolean;
  shell: ShellStatus;
  /** Why the service worker could not be registered, for a person. */
  shellProblem: string | null;
  /** null until the caches were read once, or where there is no Cache API. */
  inventory: OfflineInventory | null;
}

/** The cache transformers.js writes model files and the onnxruntime wasm to (its `env.cacheKey`). */
export const MODEL_CACHE_NAME = 'transformers-cache';

export const useOfflineStore = create<OfflineState>(() => ({
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  shell: 'checking',
  shellProblem: null,
  inventory: null,
}));

export function setShellStatus(shell: ShellStatus, shellProblem: string | null = null): void {
  useOfflineStore.setState({ shell, shellProblem });
}

export function setOnline(online: boolean): void {
  useOfflineStore.setState({ online });
}

/** Reads the model cache's URLs again; a browser that refuses the Cache API leaves the inventory empty. */
export async function refreshOfflineInventory(appBase: string): Promise<void> {
  if (typeof caches === 'undefined') return;
  try {
    if (!(await caches.has(MODEL_CACHE_NAME))) {
      useOfflineStore.setState({ inventory: offlineInventory([], appBase) });
      return;
    }
    const cache = await caches.open(MODEL_CACHE_NAME);
    const keys = await cache.keys();
    useOfflineStore.setState({ inventory: offlineInventory(keys.map((request) => request.url), appBase) });
  } catch {
    useOfflineStore.setState({ inventory: null });
  }
}
