import type { StateCreator } from 'zustand';
import type { FieldMapping, InputFormat, TextMode } from '../core/parse';
import { presetSettings, presets } from '../core/presets';
import { PASTE_KEY } from './activeQuery';
import { initialJudgments } from './judgmentsSlice';
import { initialSettings } from './settingsSlice';
import type { AsyncBm25, AsyncParse } from './largeInput';
import type { AppState } from './index';

export type FieldRole = keyof FieldMapping;

export interface InputSlice {
  query: string;
  documentsText: string;
  format: InputFormat;
  textMode: TextMode | 'auto';
  fields: FieldMapping;
  /** The preset the inputs came from, until the user edits them. */
  presetId: string | null;
  /** Name of the last uploaded file, shown next to the field. */
  fileName: string | null;
  /** Set when the format was taken from an uploaded file's extension: it belongs to that file, not to later edits. */
  formatFromFile: boolean;
  /** A large input's parse and BM25, computed in the compute worker (see largeInput.ts). */
  asyncParse: AsyncParse | null;
  asyncBm25: AsyncBm25 | null;
  /** The documents were too large for localStorage and were saved in IndexedDB instead. */
  largeDocumentsSaved: boolean;
  setQuery: (query: string) => void;
  /** The user edited or pasted the documents. */
  setDocumentsText: (text: string) => void;
  /** An uploaded or dropped file replaced the documents; its extension names the format. */
  loadDocumentsFile: (text: string, fileName: string, format: InputFormat) => void;
  setFormat: (format: InputFormat) => void;
  setTextMode: (mode: TextMode | 'auto') => void;
  setField: (role: FieldRole, name: string | undefined) => void;
  loadPreset: (id: string) => void;
}

const firstPreset = presets[0];

export const initialInput = {
  query: firstPreset?.query ?? '',
  documentsText: firstPreset?.documents ?? '',
  format: 'auto' as InputFormat,
  textMode: 'auto' as TextMode | 'auto',
  fields: {} as FieldMapping,
  presetId: firstPreset?.id ?? null,
  fileName: null as string | null,
  formatFromFile: false,
  largeDocumentsSaved: false,
};

export const createInputSlice: StateCreator<AppState, [], [], InputSlice> = (set, get) => ({
  ...initialInput,
  asyncParse: null,
  asyncBm25: null,
  setQuery: (query) => set({ query }),
  setDocumentsText: (documentsText) =>
    set((s) => ({ documentsText, fileName: null, presetId: null, ...(s.formatFromFile ? { format: 'auto' as InputFormat, formatFromFile: false } : {}) })),
  loadDocumentsFile: (documentsText, fileName, format) => set({ documentsText, fileName, presetId: null, format, formatFromFile: format !== 'auto' }),
  setFormat: (format) => set({ format, formatFromFile: false }),
  setTextMode: (textMode) => set({ textMode }),
  setField: (role, name) => set((state) => ({ fields: { ...state.fields, [role]: name } })),
  loadPreset: (id) => {
    const preset = presets.find((p) => p.id === id);
    if (!preset) return;
    // The preset's own top N, k, first stage and BM25 settings, and the app defaults for the rest, so one
    // example's settings never hide another's lesson.
    const { firstStage, topN, metricK, bm25 } = presetSettings(preset, { ...initialSettings, metricK: initialJudgments.metricK });
    set({
      query: preset.query,
      documentsText: preset.documents,
      format: 'auto',
      textMode: 'auto',
      fields: {},
      presetId: preset.id,
      fileName: null,
      formatFromFile: false,
      firstStage,
      topN,
      metricK,
      bm25,
      // The old example's results are not this one's: drop them rather than show them as finished.
      columns: get().columns.map((c) => ({ ...c, runs: new Map([...c.runs].filter(([key]) => key !== PASTE_KEY)) })),
    });
  },
});
