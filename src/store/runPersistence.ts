import { createStore, delMany, entries, setMany, type UseStore } from 'idb-keyval';
import { z } from 'zod';
import { PASTE_KEY, setQueryKey } from './activeQuery';
import { idleRun, type Column, type RunState } from './columns';
import { useAppStore, type AppState } from './index';
import { IndexedDbMissingError, hasIndexedDb, storageRefusalReason } from './storageErrors';

/**
 * Each column's finished runs, per query, kept in IndexedDB so that results survive a reload. A database of
 * its own: runs are written often (every finished run) and must never put the saved set at risk.
 * One record per (column, query), keyed [columnId, queryKey], so a finished run writes only itself.
 * Records are validated when read back: a damaged one is dropped, never trusted, and nothing here throws.
 * A restored run whose signature no longer matches the inputs is shown out of date by its column.
 */

export const RUNS_DB = 'rerank-playground-runs';
export const RUNS_STORE = 'runs';
export const RUN_RECORD_VERSION = 1;
const SAVE_DELAY_MS = 800;

/** Any number: a model that gave NaN for a document gave it, and the column shows it as "no score". */
const anyNumber = z.custom<number>((value) => typeof value === 'number', 'expected a number');
const count = anyNumber.optional();

const storedRunSchema = z.object({
  version: z.literal(RUN_RECORD_VERSION),
  columnId: z.string(),
  queryKey: z.string(),
  signature: z.string(),
  ids: z.array(z.string()),
  /** Entries, not an object: ids are user data (`__proto__` is one). */
  scores: z.array(z.tuple([z.string(), anyNumber])),
  scoreKind: z.enum(['retriever score', 'BM25', 'input order', 'raw logit', 'relevance score', 'cosine', 'RRF', 'weighted sum', 'P(yes)']),
  truncated: z.array(z.string()),
  timings: z.object({ totalMs: anyNumber, calls: count, perCallMs: z.array(anyNumber).optional(), loadMs: count, inferenceMs: count, msPerDoc: count }).nullable(),
  ranOn: z.string().nullable(),
  /** What named the scores when the run started; absent in records written before it was kept (the column's title stands in). */
  title: z.string().optional(),
  settings: z.array(z.string()).optional(),
});

export type StoredRun = z.infer<typeof storedRunSchema>;
type RunKey = [columnId: string, queryKey: string];

export function recordOf(columnId: string, queryKey: string, run: RunState): StoredRun {
  const { signature, ids, scoreKind, truncated, timings, ranOn, title, settings } = run;
  return { version: RUN_RECORD_VERSION, columnId, queryKey, signature, ids, scores: [...run.scores], scoreKind, truncated, timings, ranOn, title, settings: settings && [...settings] };
}

export function runStateOf(record: StoredRun): RunState {
  const { signature, ids, scoreKind, truncated, timings, ranOn, title, settings } = record;
  return { ...idleRun, status: 'done', signature, ids, scores: new Map(record.scores), scoreKind, truncated, timings, ranOn, title, settings };
}

/** A record read back, or null when it is damaged or filed under another key than its own. */
export function parseStoredRun(key: unknown, value: unknown): StoredRun | null {
  const parsed = storedRunSchema.safeParse(value);
  if (!parsed.success) return null;
  const ownKey = Array.isArray(key) && key.length === 2 && key[0] === parsed.data.columnId && key[1] === parsed.data.queryKey;
  return ownKey ? parsed.data : null;
}

const mapKey = (columnId: string, queryKey: string): string => JSON.stringify([columnId, queryKey]);

/** The runs worth keeping: finished, with scores. */
function finishedRuns(columns: readonly Column[]): Map<string, { key: RunKey; run: RunState }> {
  const runs = new Map<string, { key: RunKey; run: RunState }>();
  for (const column of columns) {
    for (const [queryKey, run] of column.runs) {
      if (run.status === 'done' && run.scores.size > 0) runs.set(mapKey(column.id, queryKey), { key: [column.id, queryKey], run });
    }
  }
  return runs;
}

/** Whether a run for `queryKey` can be shown now: the paste always, a set's query while that set is open. */
function queryExists(state: AppState, queryKey: string): boolean {
  if (queryKey === PASTE_KEY) return true;
  return state.querySet?.queries.some((q) => setQueryKey(q.id) === queryKey) ?? false;
}

export interface RestoreReport {
  restored: number;
  /** Damaged records, dropped. */
  dropped: number;
  /** For a person, when something could not be read or kept; null when all went well. */
  message: string | null;
}

export interface RunPersistence {
  restored: RestoreReport;
  /** Writes what changed now rather than after the delay; resolves when it is written (or failed). */
  flush: () => Promise<void>;
  stop: () => void;
}

export interface RunPersistenceOptions {
  /** An idb-keyval store to use instead of (RUNS_DB, RUNS_STORE); tests pass their own. */
  store?: UseStore;
  delayMs?: number;
  /** Where messages for a person go; by default the notice under the set panel. */
  notify?: (message: string) => void;
}

/** Adds to the notice on screen rather than replacing it: the set's own message may be there. */
function notifyOnScreen(message: string): void {
  const { setNotice, setSetNotice } = useAppStore.getState();
  setSetNotice(setNotice ? { tone: setNotice.tone === 'error' ? 'error' : 'warning', text: `${setNotice.text} ${message}` } : { tone: 'warning', text: message });
}

/**
 * Restores the runs saved by the last visit into the columns that still exist (never over a run already on
 * screen), then saves finished runs as they change, debounced. Call it once at start-up, after the saved set
 * is back (a set's runs are restored only while their query is in the open set).
 */
export async function startRunPersistence(options: RunPersistenceOptions = {}): Promise<RunPersistence> {
  const notify = options.notify ?? notifyOnScreen;
  let store: UseStore | undefined = options.store;
  const openStore = (): UseStore => {
    if (store) return store;
    if (!hasIndexedDb()) throw new IndexedDbMissingError();
    store = createStore(RUNS_DB, RUNS_STORE);
    return store;
  };
  /** What IndexedDB holds, as far as this page knows: the run objects written (or restored), by key. */
  const saved = new Map<string, RunState>();
  const restored = await restore(openStore, saved);
  if (restored.message) notify(restored.message);

  let lastFailure: string | null = null;
  const save = async (): Promise<void> => {
    const { columns } = useAppStore.getState();
    const current = finishedRuns(columns);
    const puts = [...current].filter(([k, { run }]) => saved.get(k) !== run);
    // A run being redone keeps its last finished scores until the new ones are in; a removed column or a
    // dropped query (another example, another set) takes its runs along.
    const gone = [...saved.keys()].filter((k) => {
      if (current.has(k)) return false;
      const [columnId, queryKey] = JSON.parse(k) as RunKey;
      return !columns.find((c) => c.id === columnId)?.runs.has(queryKey);
    });
    if (puts.length === 0 && gone.length === 0) return;
    try {
      if (puts.length > 0) await setMany(puts.map(([, { key, run }]) => [key, recordOf(key[0], key[1], run)]), openStore());
      if (gone.length > 0) await delMany(gone.map((k) => JSON.parse(k) as RunKey), openStore());
      for (const [k, { run }] of puts) saved.set(k, run);
      for (const k of gone) saved.delete(k);
      lastFailure = null;
    } catch (error) {
      const message = `The scores could not be kept for your next visit (${storageRefusalReason(error)}). They stay on screen until you reload; a session file (Share > Save) keeps them.`;
      // Said once: every later run would fail the same way.
      if (message !== lastFailure) notify(message);
      lastFailure = message;
    }
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();
  const flush = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    // One write at a time, in order: a later save sees what the earlier one wrote.
    writing = writing.then(save);
    return writing;
  };
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.columns === previous.columns) return;
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), options.delayMs ?? SAVE_DELAY_MS);
  });
  const onPageHide = () => void flush();
  if (typeof window !== 'undefined') window.addEventListener('pagehide', onPageHide);
  const stop = () => {
    clearTimeout(timer);
    unsubscribe();
    if (typeof window !== 'undefined') window.removeEventListener('pagehide', onPageHide);
  };
  return { restored, flush, stop };
}

async function restore(openStore: () => UseStore, saved: Map<string, RunState>): Promise<RestoreReport> {
  let stored: [IDBValidKey, unknown][];
  try {
    stored = await entries<IDBValidKey, unknown>(openStore());
  } catch (error) {
    return { restored: 0, dropped: 0, message: `The scores from your last visit could not be read (${storageRefusalReason(error)}). Press Rerank to compute them again.` };
  }
  const state = useAppStore.getState();
  const toPut: { columnId: string; queryKey: string; run: RunState }[] = [];
  const toDelete: IDBValidKey[] = [];
  let dropped = 0;
  for (const [key, value] of stored) {
    const record = parseStoredRun(key, value);
    if (!record) {
      dropped++;
      toDelete.push(key);
      continue;
    }
    const column = state.columns.find((c) => c.id === record.columnId);
    const onScreen = column?.runs.get(record.queryKey);
    if (!column || !queryExists(state, record.queryKey) || (onScreen && onScreen.status !== 'idle')) {
      // Its column or query is gone (or a newer run is on screen): nothing will show it again.
      if (!column || !queryExists(state, record.queryKey)) toDelete.push(key);
      continue;
    }
    const run = runStateOf(record);
    toPut.push({ columnId: record.columnId, queryKey: record.queryKey, run });
    saved.set(mapKey(record.columnId, record.queryKey), run);
  }
  if (toPut.length > 0) state.putRuns(toPut);
  try {
    if (toDelete.length > 0) await delMany(toDelete, openStore());
  } catch {
    // Left for a later visit: they are dropped again when read.
  }
  const message =
    dropped === 0
      ? null
      : `${dropped} saved result${dropped === 1 ? '' : 's'} from your last visit could not be read and ${dropped === 1 ? 'was' : 'were'} dropped` +
        `${toPut.length > 0 ? `; the other ${toPut.length} ${toPut.length === 1 ? 'was' : 'were'} restored` : ''}. Press Rerank to compute the missing scores again.`;
  return { restored: toPut.length, dropped, message };
}
