import { createStore, del, get, set } from 'idb-keyval';
import { computeClient } from '../compute/client';
import { useAppStore, type AppState } from './index';
import { bm25Key, currentAsyncBm25, currentAsyncParse, isLargeInput } from './largeInput';
import { needsBm25, selectParsed } from './selectors';

const PASTE_KEY = 'paste:documents';
let pasteStore: ReturnType<typeof createStore> | null = null;
const store = () => (pasteStore ??= createStore('rerank-playground-paste', 'texts'));

let version = 0;

async function parseInWorker(state: AppState): Promise<void> {
  const { documentsText: text, format, textMode, fields } = state;
  const mine = ++version;
  try {
    const result = await computeClient().parseDocuments(mine, text, { format, textMode, fields });
    if (mine === version) useAppStore.setState({ asyncParse: { text, format, textMode, fields, version: mine, result } });
  } catch (error) {
    if (mine === version) useAppStore.setState({ persistWarning: `Reading the documents failed: ${error instanceof Error ? error.message : String(error)}` });
  }
}

async function bm25InWorker(state: AppState): Promise<void> {
  const parsed = currentAsyncParse(state);
  if (!parsed) return;
  const { query } = state;
  const settingsKey = bm25Key(state);
  try {
    const scores = await computeClient().bm25ForParsed(parsed.version, query, state.bm25, state.bm25);
    useAppStore.setState({ asyncBm25: { version: parsed.version, query, settingsKey, scores } });
  } catch {
    // A newer paste replaced the one asked about; its own request follows.
  }
}

const wantsBm25 = (s: AppState): boolean => s.querySet === null && needsBm25(selectParsed(s).candidates, s.firstStage);

/**
 * Large pastes and uploads: parsed and BM25-scored in the compute worker, and kept for the next visit in
 * IndexedDB (localStorage holds about 5 MB, and serialising megabytes there would block the page).
 */
export async function startLargeInputSync(): Promise<void> {
  const initial = useAppStore.getState();
  if (initial.documentsText === '' && initial.largeDocumentsSaved) {
    try {
      const saved = await get<unknown>(PASTE_KEY, store());
      if (typeof saved === 'string' && useAppStore.getState().documentsText === '') useAppStore.setState({ documentsText: saved });
    } catch {
      useAppStore.setState({ persistWarning: 'Your large documents from the last visit could not be read back from this browser\'s storage. Paste or upload them again.' });
    }
  }
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const react = (state: AppState, previous: AppState | null) => {
    const inputsChanged =
      !previous || state.documentsText !== previous.documentsText || state.format !== previous.format || state.textMode !== previous.textMode || state.fields !== previous.fields;
    if (inputsChanged && isLargeInput(state.documentsText)) void parseInWorker(state);
    if (inputsChanged && previous && state.documentsText !== previous.documentsText) {
      clearTimeout(saveTimer);
      const text = state.documentsText;
      saveTimer = setTimeout(() => {
        void (isLargeInput(text) ? set(PASTE_KEY, text, store()) : del(PASTE_KEY, store())).catch(() =>
          useAppStore.setState({ persistWarning: 'Your documents are too large to be saved for the next visit; they stay here until you reload.' }),
        );
      }, 500);
    }
    if (isLargeInput(state.documentsText) && wantsBm25(state) && currentAsyncParse(state) && !currentAsyncBm25(state)) {
      const asked = !previous || previous.asyncParse !== state.asyncParse || previous.query !== state.query || previous.bm25 !== state.bm25 || previous.firstStage !== state.firstStage;
      if (asked) void bm25InWorker(state);
    }
  };
  react(useAppStore.getState(), null);
  useAppStore.subscribe((state, previous) => react(state, previous));
}
