import type { StateCreator } from 'zustand';
import type { FirstStageSource } from '../core/ranking';
import type { AppState } from './index';

export type { FirstStageSource };

export interface Bm25Settings {
  k1: number;
  b: number;
  stem: boolean;
  stopwords: boolean;
}

export interface SettingsSlice {
  firstStage: FirstStageSource;
  bm25: Bm25Settings;
  /** How many first-stage candidates the rerankers see. */
  topN: number;
  setFirstStage: (source: FirstStageSource) => void;
  setBm25: (patch: Partial<Bm25Settings>) => void;
  setTopN: (n: number) => void;
}

export const defaultBm25: Bm25Settings = { k1: 1.2, b: 0.75, stem: false, stopwords: false };

export const initialSettings = {
  firstStage: 'supplied' as FirstStageSource,
  bm25: defaultBm25,
  topN: 50,
};

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set) => ({
  ...initialSettings,
  setFirstStage: (firstStage) => set({ firstStage }),
  setBm25: (patch) => set((state) => ({ bm25: { ...state.bm25, ...patch } })),
  setTopN: (n) => set({ topN: Math.max(1, Math.round(n)) }),
});
