import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { normalizeCohereSettings } from '../rerankers/cohere/settings';
import { noRuns, type Column, type ColumnConfig } from './columns';
import { createDenseSlice, type DenseSlice } from './denseSlice';
import { createInputSlice, type InputSlice } from './inputSlice';
import { createJudgmentsSlice, type JudgmentsSlice } from './judgmentsSlice';
import { createKeySlice, type KeySlice } from './keySlice';
import { isLargeInput } from './largeInput';
import { judgmentsFromEntries, judgmentsToEntries, migrateJudgmentsV1, savedColumn, validateSavedFields } from './persistedSchema';
import { createDebouncedStorage } from './persistStorage';
import { createRerankSlice, syncColumnCounter, type RerankSlice } from './rerankSlice';
import { backupKey, createSafeStorage } from './safeStorage';
import { createPresenterSlice, type PresenterSlice } from './presenterSlice';
import { createSetSlice, type SetSlice } from './setSlice';
import { createSettingsSlice, type SettingsSlice } from './settingsSlice';

export interface StatusSlice {
  /** Set when the inputs could not be saved for the next visit (too large). */
  persistWarning: string | null;
  /** Set when the saved state could not be read whole: what was dropped, and that the rest was kept. */
  restoreWarning: string | null;
}

export type AppState = InputSlice & SettingsSlice & RerankSlice & JudgmentsSlice & KeySlice & SetSlice & PresenterSlice & DenseSlice & StatusSlice;

const STORAGE_KEY = 'rerank-playground';
const STORAGE_VERSION = 2;

/**
 * What survives a reload in localStorage: inputs and settings, never results, loading flags or keys.
 * An imported set and its judgments are kept in IndexedDB instead (setPersistence.ts): they outgrow localStorage.
 */
function persistedPart(state: AppState) {
  return {
    query: state.query,
    // Megabytes go to IndexedDB (largeInputSync.ts): serialising them here would block the page on every save.
    documentsText: isLargeInput(state.documentsText) ? '' : state.documentsText,
    // Also while '' stands for a saved large text not read back yet (at start-up, or another tab's): saving '' then would lose it.
    largeDocumentsSaved: isLargeInput(state.documentsText) || (state.documentsText === '' && state.largeDocumentsSaved),
    format: state.format,
    textMode: state.textMode,
    fields: state.fields,
    presetId: state.presetId,
    fileName: state.fileName,
    formatFromFile: state.formatFromFile,
    firstStage: state.firstStage,
    bm25: state.bm25,
    dense: state.dense,
    hybrid: state.hybrid,
    topN: state.topN,
    scoreDisplay: state.scoreDisplay,
    highlightQueryTerms: state.highlightQueryTerms,
    judgmentsByQuery: judgmentsToEntries(new Map([...state.judgmentsByQuery].filter(([key]) => !isSetKey(key)))),
    metricK: state.metricK,
    gain: state.gain,
    corpusTopK: state.corpusTopK,
    setMetric: state.setMetric,
    columns: state.columns.map((c) => ({ id: c.id, config: c.config })),
  };
}

function restoreColumns(saved: unknown, dropped: string[], current: readonly Column[]): Column[] | undefined {
  if (!Array.isArray(saved)) {
    if (saved !== undefined) dropped.push('the columns');
    return undefined;
  }
  const columns: Column[] = [];
  saved.forEach((entry: unknown, i) => {
    const parsed = savedColumn.safeParse(entry);
    if (!parsed.success) {
      dropped.push(`column ${i + 1}`);
      return;
    }
    const { id, config } = parsed.data;
    const restored: ColumnConfig = config.kind === 'cohere' ? { kind: 'cohere', settings: normalizeCohereSettings(config.settings) } : config;
    // Another tab's save (a storage event) replaces settings, not this tab's results.
    columns.push({ id, config: restored, runs: current.find((c) => c.id === id)?.runs ?? noRuns });
  });
  return columns.length > 0 ? columns : undefined;
}

/** An open set's judgments are kept in IndexedDB (setSync.ts), never in this save. */
const isSetKey = (key: string): boolean => key.startsWith('set:');

/** The save holds the paste's judgments only: this tab's set judgments stay (another tab's save would empty them). */
function restoreJudgments(saved: [string, [string, number | null][]][], current: AppState['judgmentsByQuery']): AppState['judgmentsByQuery'] {
  const merged = new Map([...current].filter(([key]) => isSetKey(key)));
  for (const [key, marks] of judgmentsFromEntries(saved)) if (!isSetKey(key)) merged.set(key, marks);
  return merged;
}

/** Reads a save back field by field: what is valid is kept, what is not is named in `restoreWarning`. */
function restore(persisted: unknown, current: AppState): AppState {
  const { values, dropped } = validateSavedFields(persisted);
  const record = typeof persisted === 'object' && persisted !== null ? (persisted as Record<string, unknown>) : {};
  const columns = restoreColumns(record.columns, dropped, current.columns) ?? current.columns;
  syncColumnCounter(columns);
  const { judgmentsByQuery, ...rest } = values;
  const restored = { ...current, ...(rest as Partial<AppState>), columns };
  if (judgmentsByQuery !== undefined) restored.judgmentsByQuery = restoreJudgments(judgmentsByQuery as [string, [string, number | null][]][], current.judgmentsByQuery);
  // Large documents are saved as a placeholder (their text is in IndexedDB): a large text this tab holds stays, never ''.
  // At start-up there is none, and largeInputSync.ts loads the saved copy; tabSync.ts loads another tab's.
  if (rest.largeDocumentsSaved === true && rest.documentsText === '' && isLargeInput(current.documentsText)) restored.documentsText = current.documentsText;
  if (dropped.length > 0) {
    // The save will be written over with what was kept: keep the original as it was first.
    try {
      localStorage.setItem(backupKey(STORAGE_KEY), JSON.stringify({ state: persisted, version: STORAGE_VERSION }));
    } catch {
      // No room for a copy: the message below still tells what was reset.
    }
    restored.restoreWarning = `Part of your saved work could not be read and was reset: ${dropped.join(', ')}. Everything else was restored, and the original was copied to "${backupKey(STORAGE_KEY)}".`;
  }
  return restored;
}

export { STORAGE_KEY, STORAGE_VERSION };

export const useAppStore = create<AppState>()(
  persist(
    (...a) => ({
      ...createInputSlice(...a),
      ...createSettingsSlice(...a),
      ...createRerankSlice(...a),
      ...createJudgmentsSlice(...a),
      ...createKeySlice(...a),
      ...createSetSlice(...a),
      ...createPresenterSlice(...a),
      ...createDenseSlice(...a),
      persistWarning: null,
      restoreWarning: null,
    }),
    {
      name: STORAGE_KEY,
      version: STORAGE_VERSION,
      storage: createSafeStorage<ReturnType<typeof persistedPart>>(
        createDebouncedStorage((persistWarning) => {
          if (useAppStore.getState().persistWarning !== persistWarning) useAppStore.setState({ persistWarning });
        }),
        STORAGE_VERSION,
        { onRestoreProblem: (message) => queueMicrotask(() => useAppStore.setState({ restoreWarning: message })) },
      ),
      partialize: persistedPart,
      // Only reshapes: every field is checked in `merge`, so the cast claims nothing that is not checked there.
      migrate: (persisted, version) => {
        if (version < 2 && typeof persisted === 'object' && persisted !== null) {
          const v1 = persisted as Record<string, unknown>;
          // Only a save that has judgments gets them: an absent field would be reported as "could not be read".
          const judgments = Object.hasOwn(v1, 'judgmentsByQuery') ? { judgmentsByQuery: migrateJudgmentsV1(v1.judgmentsByQuery) } : {};
          return { ...v1, ...judgments } as ReturnType<typeof persistedPart>;
        }
        return persisted as ReturnType<typeof persistedPart>;
      },
      merge: (persisted, current) => restore(persisted, current),
    },
  ),
);

/**
 * Another tab's save, already merged with this tab's unsaved edits (tabSync.ts), read as at start-up. Unlike a
 * rehydrate it is saved back, so the other tab gets this tab's edits too.
 */
export function applyOtherTabSave(persisted: unknown): void {
  useAppStore.setState((current) => restore(persisted, current), true);
}
