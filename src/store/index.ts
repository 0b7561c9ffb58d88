import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { idleRun, type Column } from './columns';
import { createInputSlice, type InputSlice } from './inputSlice';
import { createJudgmentsSlice, type JudgmentsSlice } from './judgmentsSlice';
import { createKeySlice, type KeySlice } from './keySlice';
import { createDebouncedStorage } from './persistStorage';
import { createRerankSlice, syncColumnCounter, type RerankSlice } from './rerankSlice';
import { createSettingsSlice, type SettingsSlice } from './settingsSlice';

export interface StatusSlice {
  /** Set when the inputs could not be saved for the next visit (too large). */
  persistWarning: string | null;
}

export type AppState = InputSlice & SettingsSlice & RerankSlice & JudgmentsSlice & KeySlice & StatusSlice;

const STORAGE_KEY = 'rerank-playground';
const STORAGE_VERSION = 1;

/** What survives a reload: inputs and settings, never results, loading flags or keys. */
function persistedPart(state: AppState) {
  return {
    query: state.query,
    documentsText: state.documentsText,
    format: state.format,
    textMode: state.textMode,
    fields: state.fields,
    presetId: state.presetId,
    fileName: state.fileName,
    firstStage: state.firstStage,
    bm25: state.bm25,
    topN: state.topN,
    scoreDisplay: state.scoreDisplay,
    judgmentsByQuery: state.judgmentsByQuery,
    metricK: state.metricK,
    gain: state.gain,
    columns: state.columns.map((c) => ({ id: c.id, config: c.config })),
  };
}

type Persisted = ReturnType<typeof persistedPart>;

export const useAppStore = create<AppState>()(
  persist(
    (...a) => ({
      ...createInputSlice(...a),
      ...createSettingsSlice(...a),
      ...createRerankSlice(...a),
      ...createJudgmentsSlice(...a),
      ...createKeySlice(...a),
      persistWarning: null,
    }),
    {
      name: STORAGE_KEY,
      version: STORAGE_VERSION,
      storage: createJSONStorage(() =>
        createDebouncedStorage((persistWarning) => {
          if (useAppStore.getState().persistWarning !== persistWarning) useAppStore.setState({ persistWarning });
        }),
      ),
      partialize: persistedPart,
      migrate: (persisted) => persisted as Persisted,
      merge: (persisted, current) => {
        const saved = (persisted ?? {}) as Partial<Persisted>;
        const columns: Column[] = saved.columns?.map((c) => ({ ...c, run: idleRun })) ?? current.columns;
        syncColumnCounter(columns);
        return { ...current, ...saved, columns };
      },
    },
  ),
);
