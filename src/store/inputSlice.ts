import type { StateCreator } from 'zustand';
import type { FieldMapping, InputFormat, TextMode } from '../core/parse';
import { presets } from '../core/presets';
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
  setQuery: (query: string) => void;
  setDocumentsText: (text: string, fileName?: string | null) => void;
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
};

export const createInputSlice: StateCreator<AppState, [], [], InputSlice> = (set) => ({
  ...initialInput,
  setQuery: (query) => set({ query }),
  setDocumentsText: (documentsText, fileName = null) => set({ documentsText, fileName, presetId: null }),
  setFormat: (format) => set({ format }),
  setTextMode: (textMode) => set({ textMode }),
  setField: (role, name) => set((state) => ({ fields: { ...state.fields, [role]: name } })),
  loadPreset: (id) => {
    const preset = presets.find((p) => p.id === id);
    if (!preset) return;
    set({
      query: preset.query,
      documentsText: preset.documents,
      format: 'auto',
      textMode: 'auto',
      fields: {},
      presetId: preset.id,
      fileName: null,
      firstStage: 'supplied',
    });
  },
});
