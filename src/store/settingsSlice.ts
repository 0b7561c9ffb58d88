import type { StateCreator } from 'zustand';
import { defaultHybrid, type HybridSettings } from '../core/denseFirstStage';
import { defaultDenseFirstStage, type DenseFirstStageSettings } from '../core/denseSettings';
import type { FirstStageSource } from '../core/ranking';
import type { AppState } from './index';

export type { DenseFirstStageSettings, FirstStageSource, HybridSettings };

export interface Bm25Settings {
  k1: number;
  b: number;
  stem: boolean;
  stopwords: boolean;
}

export interface SettingsSlice {
  firstStage: FirstStageSource;
  bm25: Bm25Settings;
  /** The bi-encoder of the dense (and hybrid) first stage. */
  dense: DenseFirstStageSettings;
  /** How the hybrid first stage fuses BM25 and dense. */
  hybrid: HybridSettings;
  /** How many first-stage candidates the rerankers see. */
  topN: number;
  /** Mark the words of every row that match a query term, analyzed like the first stage's BM25. */
  highlightQueryTerms: boolean;
  setFirstStage: (source: FirstStageSource) => void;
  setBm25: (patch: Partial<Bm25Settings>) => void;
  setDense: (patch: Partial<DenseFirstStageSettings>) => void;
  setHybrid: (patch: Partial<HybridSettings>) => void;
  setTopN: (n: number) => void;
  setHighlightQueryTerms: (on: boolean) => void;
}

export const defaultBm25: Bm25Settings = { k1: 1.2, b: 0.75, stem: false, stopwords: false };

export const initialSettings = {
  firstStage: 'supplied' as FirstStageSource,
  bm25: defaultBm25,
  dense: defaultDenseFirstStage,
  hybrid: defaultHybrid,
  topN: 50,
  highlightQueryTerms: false,
};

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set) => ({
  ...initialSettings,
  setFirstStage: (firstStage) => set({ firstStage }),
  setBm25: (patch) => set((state) => ({ bm25: { ...state.bm25, ...patch } })),
  setDense: (patch) => set((state) => ({ dense: { ...state.dense, ...patch } })),
  setHybrid: (patch) => set((state) => ({ hybrid: { ...state.hybrid, ...patch } })),
  setTopN: (n) => set({ topN: Math.max(1, Math.round(n)) }),
  setHighlightQueryTerms: (highlightQueryTerms) => set({ highlightQueryTerms }),
});
