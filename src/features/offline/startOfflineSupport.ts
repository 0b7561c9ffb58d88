/**
 * Registers the service worker (built by vite-plugin-pwa: the app shell precached, the worker scripts cached on
 * first use) and keeps the offline store current: the network state, and what the model cache holds after each
 * finished run.
 */
import { registerSW } from 'virtual:pwa-register';
import { useAppStore } from '../../store';
import { refreshOfflineInventory, setOnline, setShellStatus } from '../../store/offlineStore';

const appBase = () => new URL(import.meta.env.BASE_URL, window.location.origin).href;

/** How many runs are finished across columns and queries: a change means the model cache may have grown. */
function finishedRuns(): number {
  let count = 0;
  for (const column of useAppStore.getState().columns) {
    for (const run of column.runs.values()) if (run.status === 'done') count += 1;
  }
  return count;
}

export function startOfflineSupport(): void {
  window.addEventListener('online', () => setOnline(true));
  window.addEventListener('offline', () => setOnline(false));
  void refreshOfflineInventory(appBase());
  let lastFinished = finishedRuns();
  let pending: ReturnType<typeof setTimeout> | undefined;
  useAppStore.subscribe((state, previous) => {
    if (state.columns === previous.columns) return;
    const now = finishedRuns();
    if (now === lastFinished) return;
    lastFinished = now;
    clearTimeout(pending);
    // transformers.js writes the cache while the model loads; a second later it is complete.
    pending = setTimeout(() => void refreshOfflineInventory(appBase()), 1000);
  });

  if (import.meta.env.DEV) return setShellStatus('dev');
  if (!('serviceWorker' in navigator)) {
    return setShellStatus('unsupported', 'This browser window has no service workers (a private window, or a browser setting).');
  }
  setShellStatus(navigator.serviceWorker.controller ? 'ready' : 'saving');
  registerSW({
    immediate: true,
    onOfflineReady: () => setShellStatus('ready'),
    onRegisteredSW: (_url, registration) => {
      if (registration?.active && navigator.serviceWorker.controller) setShellStatus('ready');
    },
    onRegisterError: (error: unknown) => setShellStatus('failed', error instanceof Error ? error.message : String(error)),
  });
}
