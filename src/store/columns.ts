import type { ScoreKind } from '../core/types';
import type { CohereSettings } from '../rerankers/cohere/settings';
import { DEFAULT_MODEL_ID, type ModelDtype } from '../rerankers/catalog';
import type { LocalDevice } from '../rerankers/local/protocol';
import type { RerankError, RerankTimings } from '../rerankers/types';

export interface LocalColumnConfig {
  kind: 'local';
  model: string;
  device: 'auto' | LocalDevice;
  dtype: 'auto' | ModelDtype;
  maxLength: number;
  batchSize: number;
}

export interface CohereColumnConfig {
  kind: 'cohere';
  settings: CohereSettings;
}

/** BM25 used as a "reranker" over the top N: the keyword baseline every reranker should beat. */
export interface Bm25ColumnConfig {
  kind: 'bm25';
}

export type ColumnConfig = LocalColumnConfig | CohereColumnConfig | Bm25ColumnConfig;

export interface FileProgress {
  loaded: number;
  total: number;
}

/** One reranked column's latest run. Never persisted: results belong to one session. */
export interface RunState {
  status: 'idle' | 'loading' | 'running' | 'done' | 'error' | 'cancelled';
  /** The query and candidate ids the scores belong to, to tell when they are out of date. */
  signature: string;
  /** The candidates sent to the reranker, in first-stage order. */
  ids: string[];
  /** Scores by document id; filled batch by batch while a run streams. */
  scores: Record<string, number>;
  truncated: string[];
  scoreKind: ScoreKind;
  progress: { scored: number; total: number } | null;
  files: Record<string, FileProgress>;
  timings: RerankTimings | null;
  /** Where a local model really ran, after any fallback. */
  ranOn: string | null;
  notes: string[];
  error: RerankError | null;
  billedUnits?: Record<string, number>;
}

export interface Column {
  id: string;
  config: ColumnConfig;
  run: RunState;
}

export const idleRun: RunState = {
  status: 'idle',
  signature: '',
  ids: [],
  scores: {},
  truncated: [],
  scoreKind: 'raw logit',
  progress: null,
  files: {},
  timings: null,
  ranOn: null,
  notes: [],
  error: null,
};

export const defaultLocalConfig: LocalColumnConfig = {
  kind: 'local',
  model: DEFAULT_MODEL_ID,
  device: 'auto',
  dtype: 'auto',
  maxLength: 512,
  batchSize: 8,
};

/** What a column's numbers will mean, known before its first run. */
export function scoreKindOf(config: ColumnConfig): ScoreKind {
  if (config.kind === 'local') return 'raw logit';
  return config.kind === 'bm25' ? 'BM25' : 'relevance score';
}

export function columnTitle(config: ColumnConfig): string {
  if (config.kind === 'local') return config.model;
  if (config.kind === 'bm25') return 'BM25 over the top N';
  return `${config.settings.provider === 'cohere' ? 'Cohere' : 'Custom server'} ${config.settings.model}`;
}

/** What identifies a run's inputs: if it differs from the current one, the column is out of date. */
export function runSignature(query: string, ids: readonly string[]): string {
  return `${query}\u0000${ids.join('\u0001')}`;
}
