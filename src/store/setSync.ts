import { setQueryKey } from './activeQuery';
import { useAppStore, type AppState } from './index';
import type { JudgmentOverrides } from './judgmentsSlice';
import { refreshSetBm25 } from './setActions';
import { clearSet, loadSet, saveSet } from './setStorage';

const SAVE_DELAY_MS = 600;

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
  const loaded = await loadSet();
  let allowSave = loaded.isSafeToOverwrite;
  if (loaded.kind === 'ok') {
    const { saved } = loaded;
    useAppStore.getState().showSet(saved.set, null, saved.activeQueryId);
    useAppStore.setState((s) => {
      const judgmentsByQuery = new Map(s.judgmentsByQuery);
      for (const [queryId, marks] of saved.userJudgments) judgmentsByQuery.set(setQueryKey(queryId), marks);
      return { judgmentsByQuery };
    });
    if (loaded.message) useAppStore.getState().setSetNotice({ tone: 'warning', text: loaded.message });
  } else if (loaded.kind !== 'none') {
    useAppStore.getState().setSetNotice({ tone: loaded.kind === 'unavailable' ? 'warning' : 'error', text: loaded.message });
  }
  void refreshSetBm25();

  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = async () => {
    timer = undefined;
    const state = useAppStore.getState();
    const outcome = state.querySet
      ? await saveSet({ version: 1, set: state.querySet, userJudgments: setJudgments(state), activeQueryId: state.activeQueryId, savedAt: Date.now() })
      : await clearSet();
    if (!outcome.ok) useAppStore.getState().setSetNotice({ tone: 'warning', text: outcome.message });
    else if (!state.querySet) allowSave = true;
  };
  useAppStore.subscribe((state, previous) => {
    if (state.querySet !== previous.querySet || state.bm25 !== previous.bm25 || state.firstStage !== previous.firstStage) void refreshSetBm25();
    const changed = state.querySet !== previous.querySet || state.activeQueryId !== previous.activeQueryId || state.judgmentsByQuery !== previous.judgmentsByQuery;
    if (!changed || (!state.querySet && !previous.querySet)) return;
    // A set closed by the user may be cleared even over a save this page could not read: the user chose to leave it.
    if (!allowSave && state.querySet) return;
    clearTimeout(timer);
    timer = setTimeout(() => void save(), SAVE_DELAY_MS);
  });
}
