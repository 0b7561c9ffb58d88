import type { QuerySet } from '../core/sets/types';
import { setQueryKey } from './activeQuery';
import { useAppStore, type AppState } from './index';
import type { JudgmentOverrides } from './judgmentsSlice';
import { refreshSetBm25 } from './setActions';
import { clearSet, loadSet, saveMarks, saveSet } from './setStorage';

const SAVE_DELAY_MS = 600;
/** Tells the app's other tabs that the saved set changed, so they show it too. */
const CHANNEL = 'rerank-playground-set';

/** The same set, as far as results go: same name and the same query ids in the same order. */
function sameQueries(a: QuerySet, b: QuerySet): boolean {
  return a.name === b.name && a.queries.length === b.queries.length && a.queries.every((q, i) => q.id === b.queries[i]?.id && q.text === b.queries[i]?.text);
}

function setJudgments(state: AppState): Map<string, JudgmentOverrides> {
  const byQuery = new Map<string, JudgmentOverrides>();
  for (const [key, marks] of state.judgmentsByQuery) if (key.startsWith('set:')) byQuery.set(key.slice(4), marks);
  return byQuery;
}

/**
 * Keeps the imported set and its judgments in IndexedDB, and its first-stage BM25 current. The saved set is
 * read back first (validated by setStorage), and nothing is written before that, so a reload never saves
 * over what it has not read. A save that fails is told plainly; what is on screen stays.
 */
export async function startSetSync(): Promise<void> {
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
  // While a saved set is being shown, the store changes it causes are not saved back (and not echoed to other tabs).
  let applying = false;
  let loadedSavedAt = 0;
  const apply = async (): Promise<boolean> => {
    const loaded = await loadSet();
    applying = true;
    try {
      if (loaded.kind === 'ok') {
        const { saved } = loaded;
        loadedSavedAt = saved.savedAt;
        const state = useAppStore.getState();
        // Another tab's save of the same set brings its judgments; the results and the open query here stay.
        if (!state.querySet || !sameQueries(state.querySet, saved.set)) state.showSet(saved.set, null, state.querySet ? state.activeQueryId : saved.activeQueryId);
        useAppStore.setState((s) => {
          const judgmentsByQuery = new Map([...s.judgmentsByQuery].filter(([key]) => !key.startsWith('set:')));
          for (const [queryId, marks] of saved.userJudgments) judgmentsByQuery.set(setQueryKey(queryId), marks);
          return { judgmentsByQuery };
        });
        if (loaded.message) useAppStore.getState().setSetNotice({ tone: 'warning', text: loaded.message });
      } else if (loaded.kind === 'none') {
        if (useAppStore.getState().querySet) useAppStore.getState().closeSet();
      } else {
        useAppStore.getState().setSetNotice({ tone: loaded.kind === 'unavailable' ? 'warning' : 'error', text: loaded.message });
      }
    } finally {
      applying = false;
    }
    return loaded.isSafeToOverwrite;
  };
  let allowSave = await apply();
  if (channel) channel.onmessage = () => void apply();
  void refreshSetBm25();

  let timer: ReturnType<typeof setTimeout> | undefined;
  // The set is written once per new set; later changes (marks, the open query) are written on their own.
  let savedSet: QuerySet | null = useAppStore.getState().querySet;
  let savedAt = loadedSavedAt;
  const save = async () => {
    timer = undefined;
    const state = useAppStore.getState();
    let outcome;
    if (!state.querySet) {
      outcome = await clearSet();
      if (outcome.ok) {
        allowSave = true;
        savedSet = null;
      }
    } else if (state.querySet !== savedSet) {
      const at = Date.now();
      outcome = await saveSet({ version: 1, set: state.querySet, userJudgments: setJudgments(state), activeQueryId: state.activeQueryId, savedAt: at });
      if (outcome.ok) {
        savedSet = state.querySet;
        savedAt = at;
      }
    } else {
      outcome = await saveMarks({ setSavedAt: savedAt, userJudgments: setJudgments(state), activeQueryId: state.activeQueryId });
    }
    if (!outcome.ok) {
      useAppStore.getState().setSetNotice({ tone: 'warning', text: outcome.message });
      return;
    }
    channel?.postMessage('saved');
  };
  useAppStore.subscribe((state, previous) => {
    if (state.querySet !== previous.querySet || state.bm25 !== previous.bm25 || state.firstStage !== previous.firstStage) void refreshSetBm25();
    const changed = state.querySet !== previous.querySet || state.activeQueryId !== previous.activeQueryId || state.judgmentsByQuery !== previous.judgmentsByQuery;
    if (applying || !changed || (!state.querySet && !previous.querySet)) return;
    // A set closed by the user may be cleared even over a save this page could not read: the user chose to leave it.
    if (!allowSave && state.querySet) return;
    clearTimeout(timer);
    timer = setTimeout(() => void save(), SAVE_DELAY_MS);
  });
}
