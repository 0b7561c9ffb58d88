import type { ScoreKind } from '../core/types';
import type { CohereSettings } from '../rerankers/cohere/settings';
import { DEFAULT_MODEL_ID, findCatalogModel, type ModelDtype } from '../rerankers/catalog';
import type { LongDocumentsSetting } from '../core/windows';
import type { DocumentDetails, LocalDevice } from '../rerankers/local/protocol';
import type { RerankError, RerankTimings } from '../rerankers/types';

export interface LocalColumnConfig {
  kind: 'local';
  model: string;
  device: 'auto' | LocalDevice;
  dtype: 'auto' | ModelDtype;
  maxLength: number;
  batchSize: number;
  /** Documents longer than max tokens: cut (absent, as in older saves and links) or split into windows. */
  longDocuments?: LongDocumentsSetting;
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

/** One reranked column's latest run for one query. Finished runs are kept for the next visit by runPersistence.ts. */
export interface RunState {
  status: 'idle' | 'loading' | 'running' | 'done' | 'error' | 'cancelled';
  /** The query and candidate ids the scores belong to, to tell when they are out of date. */
  signature: string;
  /** The candidates sent to the reranker, in first-stage order. */
  ids: string[];
  /** Scores by document id (a Map: ids are user data); filled batch by batch while a run streams. */
  scores: ReadonlyMap<string, number>;
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
  /** Local models, freshly scored documents only: token budget and split-mode windows, by document id. */
  details?: ReadonlyMap<string, DocumentDetails>;
}

export interface Column {
  id: string;
  config: ColumnConfig;
  /** The latest run for each query, by query key (see activeQuery.ts): results live per (column, query). */
  runs: ReadonlyMap<string, RunState>;
}

export const noRuns: ReadonlyMap<string, RunState> = new Map();

/** The column's run for one query; idle when it has none. */
export function runFor(column: Column, queryKey: string): RunState {
  return column.runs.get(queryKey) ?? idleRun;
}

export const idleRun: RunState = {
  status: 'idle',
  signature: '',
  ids: [],
  scores: new Map(),
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
  // The worker also tells an unknown causal LM from its config; this is what a column shows before its first run.
  if (config.kind === 'local') return findCatalogModel(config.model.trim())?.kind === 'causal-lm' ? 'P(yes)' : 'raw logit';
  return config.kind === 'bm25' ? 'BM25' : 'relevance score';
}

export function columnTitle(config: ColumnConfig): string {
  if (config.kind === 'local') return config.model;
  if (config.kind === 'bm25') return 'BM25 over the top N';
  return `${config.settings.provider === 'cohere' ? 'Cohere' : 'Custom server'} ${config.settings.model}`;
}

/**
 * Every setting of a column that changes its scores. Part of a run's signature (a changed model marks the
 * column out of date) and of the score cache's key.
 */
export function configSignature(config: ColumnConfig): string {
  if (config.kind === 'local') return JSON.stringify(['local', config.model.trim(), config.device, config.dtype, config.maxLength, ...longDocumentsSignature(config)]);
  if (config.kind === 'bm25') return 'bm25';
  const { provider, baseUrl, model, maxTokensPerDoc } = config.settings;
  return JSON.stringify(['cohere', provider, baseUrl, model, maxTokensPerDoc]);
}

/** Nothing for truncate, so runs saved before split mode existed stay up to date. */
export function longDocumentsSignature(config: LocalColumnConfig): (string | number)[] {
  const setting = config.longDocuments;
  return setting?.mode === 'split' ? ['split', setting.stride, setting.aggregate] : [];
}

/** What identifies a run's inputs: if it differs from the current one, the column is out of date. */
export function runSignature(config: ColumnConfig, query: string, ids: readonly string[]): string {
  return `${configSignature(config)}\u0000${query}\u0000${ids.join('\u0001')}`;
}
