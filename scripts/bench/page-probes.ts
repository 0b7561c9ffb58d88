/**
 * What the bench installs in the app's page before the app runs (Playwright addInitScript): it watches, it
 * never changes what the app does.
 * - The app's workers: their URLs and the model worker's `loaded`, `partial` and `done` replies.
 * - Clicks on buttons, `change` events and key presses (page clock), so timings start where the person acted.
 * - Long main-thread tasks (PerformanceObserver 'longtask': every task over 50 ms).
 * - `spawn`/`call`: the bench's own workers (and a second copy of the app's), outside what the app records.
 */
import type { DoneReply, LoadedReply, PartialReply, WorkerReply } from '../../src/rerankers/local/protocol';

export interface LongTask {
  start: number;
  duration: number;
}

export interface PageProbes {
  workerUrls: string[];
  loaded: LoadedReply[];
  done: (DoneReply & { at: number })[];
  /** The app's last `partial` reply, and the pairs all `partial` replies held. */
  partial?: PartialReply;
  partialPairs: number;
  /** performance.now() of each click on a button, with its text. */
  clicks: { at: number; label: string }[];
  /** performance.now() of each change event, with the target's accessible label. */
  changes: { at: number; label: string }[];
  /** performance.now() of each keydown, with its key and whether Ctrl or Meta was held (a paste is Ctrl+V). */
  keys: { at: number; key: string; modifier: boolean }[];
  longTasks: LongTask[];
  spawn(url: string): number;
  /** Posts `message` to a spawned worker; resolves with the first reply of a type in `finals` with the same id. */
  call<T>(worker: number, message: { id: number }, finals: string[]): Promise<T>;
  /** Resolves with performance.now() at the first animation frame where `selector` exists and its text matches. */
  frameWhen(selector: string, pattern: string): Promise<number>;
  /**
   * Arms a watch on the next change event: when it came, the first frame after it (the store update and
   * React's render ran in the event's task), the first task after that frame (the paint is done), and the first
   * frame where `selector`'s text differs from what it was at the change (NaN when it does not change in 10 s).
   */
  watchNextChange(selector: string): Promise<ChangeTiming>;
}

export interface ChangeTiming {
  change: number;
  frame: number;
  painted: number;
  updated: number;
}

export type ProbedWindow = Window & { bench: PageProbes };

/** Runs in the page (serialized by Playwright): everything it uses is defined inside. */
export function installPageProbes(): void {
  const NativeWorker = window.Worker;
  const spawned: Worker[] = [];
  const probes: PageProbes = {
    workerUrls: [],
    loaded: [],
    done: [],
    partialPairs: 0,
    clicks: [],
    changes: [],
    keys: [],
    longTasks: [],
    spawn(url) {
      spawned.push(new NativeWorker(url, { type: 'module' }));
      return spawned.length - 1;
    },
    call<T>(index: number, message: { id: number }, finals: string[]) {
      const worker = spawned[index];
      if (!worker) return Promise.reject(new Error(`no bench worker ${index}`));
      return new Promise<T>((resolve, reject) => {
        const listener = (event: MessageEvent<{ id: number; type: string; message?: string }>) => {
          const reply = event.data;
          if (reply.id !== message.id) return;
          if (reply.type === 'error') {
            worker.removeEventListener('message', listener);
            reject(new Error(`bench worker: ${reply.message ?? 'error'}`));
          } else if (finals.includes(reply.type)) {
            worker.removeEventListener('message', listener);
            resolve(reply as T);
          }
        };
        worker.addEventListener('message', listener);
        worker.addEventListener('error', (event) => reject(new Error(`bench worker failed: ${event.message}`)), { once: true });
        worker.postMessage(message);
      });
    },
    frameWhen(selector, pattern) {
      const wanted = new RegExp(pattern);
      return new Promise<number>((resolve) => {
        const check = () => {
          const element = document.querySelector(selector);
          if (element && wanted.test(element.textContent ?? '')) resolve(performance.now());
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      });
    },
    watchNextChange(selector) {
      return new Promise<ChangeTiming>((resolve) => {
        const onChange = (event: Event) => {
          document.removeEventListener('change', onChange, true);
          const change = event.timeStamp;
          const before = document.querySelector(selector)?.textContent ?? '';
          requestAnimationFrame(() => {
            const frame = performance.now();
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              const painted = performance.now();
              const poll = () => {
                const now = performance.now();
                const text = document.querySelector(selector)?.textContent ?? '';
                if (text !== before) resolve({ change, frame, painted, updated: now });
                else if (now - change > 10_000) resolve({ change, frame, painted, updated: Number.NaN });
                else requestAnimationFrame(poll);
              };
              poll();
            };
            channel.port2.postMessage(0);
          });
        };
        document.addEventListener('change', onChange, true);
      });
    },
  };
  (window as unknown as ProbedWindow).bench = probes;

  window.Worker = class extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      probes.workerUrls.push(String(url));
      this.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
        const reply = event.data;
        if (reply.type === 'loaded') probes.loaded.push(reply);
        if (reply.type === 'done') probes.done.push({ ...reply, at: performance.now() });
        if (reply.type === 'partial') {
          probes.partial = reply;
          probes.partialPairs += reply.indices.length;
        }
      });
    }
  };

  const labelOf = (target: EventTarget | null): string => {
    if (!(target instanceof Element)) return '';
    return target.getAttribute('aria-label') ?? target.textContent?.trim() ?? '';
  };
  document.addEventListener(
    'click',
    (event) => {
      const button = event.target instanceof Element ? event.target.closest('button') : null;
      if (button) probes.clicks.push({ at: event.timeStamp, label: labelOf(button) });
    },
    true,
  );
  document.addEventListener('change', (event) => probes.changes.push({ at: event.timeStamp, label: labelOf(event.target) }), true);
  document.addEventListener('keydown', (event) => probes.keys.push({ at: event.timeStamp, key: event.key, modifier: event.ctrlKey || event.metaKey }), true);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probes.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** The longest task and the total blocking time (each task's time over 50 ms) within [from, to]. */
export function mainThreadBudget(tasks: readonly LongTask[], from: number, to: number): { longestMs: number; blockingMs: number; count: number } {
  const inside = tasks.filter((t) => t.start >= from && t.start <= to);
  return {
    longestMs: Math.max(0, ...inside.map((t) => t.duration)),
    blockingMs: inside.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
    count: inside.length,
  };
}
