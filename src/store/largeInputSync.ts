import { computeClient } from '../compute/client';
import { rememberRankingPositions } from '../core/ranking';
import { forgetPasteText, loadPasteText } from '../compute/pasteStore';
import { useAppStore, type AppState } from './index';
import { bm25Key, currentAsyncBm25, currentAsyncParse, isLargeInput } from './largeInput';
import { needsBm25, selectParsed } from './selectors';
import { announcePasteSaved, applyingOtherTab, isPasteFromOtherTab } from './tabSync';

let version = 0;

/** Resolves in a later task, so the page can paint between two long steps. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Whether BM25 will surely be asked of a new parse: then it is asked with it, and both arrive in one update. */
const bm25Likely = (s: AppState): boolean => s.querySet === null && (s.firstStage === 'bm25' || s.firstStage === 'hybrid' || s.firstStage === 'supplied');

async function parseInWorker(state: AppState, save: boolean): Promise<void> {
  const { documentsText: text, format, textMode, fields, query } = state;
  const mine = ++version;
  const client = computeClient();
  // Asked right after the parse, so the worker scores the version it has just parsed; a failure leaves it to react().
  const parse = client.parseDocuments(mine, text, { format, textMode, fields }, save);
  const bm25 = bm25Likely(state) ? client.bm25ForParsed(mine, query, state.bm25, state.bm25).catch(() => null) : Promise.resolve(null);
  try {
    const [{ result, saveFailed }, ranked] = await Promise.all([parse, bm25]);
    // Decoding the reply took the message's task; the render gets its own.
    await nextTask();
    if (mine !== version) return;
    if (save && !saveFailed) announcePasteSaved();
    if (ranked) rememberRankingPositions(ranked.scores, ranked.order);
    const asyncBm25 = ranked ? { asyncBm25: { version: mine, query, settingsKey: bm25Key(state), scores: ranked.scores } } : {};
    useAppStore.setState({ asyncParse: { text, format, textMode, fields, version: mine, result }, ...asyncBm25, ...(saveFailed ? { persistWarning: saveFailed } : {}) });
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
    const { scores, order } = await computeClient().bm25ForParsed(parsed.version, query, state.bm25, state.bm25);
    rememberRankingPositions(scores, order);
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
      const saved = await loadPasteText();
      if (saved !== null && useAppStore.getState().documentsText === '') useAppStore.setState({ documentsText: saved });
      // Nothing was saved after all: the '' on screen is the documents now.
      else if (saved === null) useAppStore.setState({ largeDocumentsSaved: false });
    } catch {
      useAppStore.setState({ persistWarning: 'Your large documents from the last visit could not be read back from this browser\'s storage. Paste or upload them again.' });
    }
  }
  const react = (state: AppState, previous: AppState | null) => {
    const textChanged = previous !== null && state.documentsText !== previous.documentsText;
    const inputsChanged = !previous || textChanged || state.format !== previous.format || state.textMode !== previous.textMode || state.fields !== previous.fields;
    // The worker keeps a new large text for the next visit as it parses it; a small one lives in localStorage.
    // In a task of its own: handing the worker megabytes of text takes tens of milliseconds, and the render of the change another.
    // Another tab's paste is saved already; a save of another tab's (tabSync.ts) never forgets this one's copy.
    const save = textChanged && !isPasteFromOtherTab(state.documentsText);
    if (inputsChanged && isLargeInput(state.documentsText)) setTimeout(() => void parseInWorker(state, save), 0);
    if (textChanged && !isLargeInput(state.documentsText) && isLargeInput(previous.documentsText) && !applyingOtherTab()) {
      void forgetPasteText().catch(() => undefined);
      if (state.largeDocumentsSaved) useAppStore.setState({ largeDocumentsSaved: false });
    }
    if (isLargeInput(state.documentsText) && wantsBm25(state) && currentAsyncParse(state) && !currentAsyncBm25(state)) {
      const asked = !previous || previous.asyncParse !== state.asyncParse || previous.query !== state.query || previous.bm25 !== state.bm25 || previous.firstStage !== state.firstStage;
      if (asked) void bm25InWorker(state);
    }
  };
  react(useAppStore.getState(), null);
  useAppStore.subscribe((state, previous) => react(state, previous));
}
