import type { ScoreKind } from '../core/types';
import type { CohereSettings } from '../rerankers/cohere/settings';
import { DEFAULT_MODEL_ID, findCatalogModel, type ModelDtype } from '../rerankers/catalog';
import type { LongDocumentsSetting } from '../core/windows';
import type { DocumentDetails, LocalDevice } from '../rerankers/local/protocol';
import type { RerankError, RerankTimings } from '../rerankers/types';
import type { Bm25Settings } from './settingsSlice';

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
  /** The scorer, query and candidate ids the scores belong to (runSignature), to tell when they are out of date. */
  signature: string;
  /**
   * The column's title when this run started (columnTitle): what names its scores after the model is switched.
   * Absent in runs saved or shared before it was kept; those fall back to the column's current title.
   */
  title?: string;
  /** The settings that changed the scores, as words ("max 512 tokens", "k1 1.2"), when this run started. */
  settings?: readonly string[];
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
 * Every setting in a column's config that changes its scores: the score cache's key for a remote column.
 * A BM25 column's settings are the page's (state.bm25), not its config's: see scorerSignature.
 */
export function configSignature(config: ColumnConfig): string {
  if (config.kind === 'local') return JSON.stringify(['local', config.model.trim(), config.device, config.dtype, config.maxLength, ...longDocumentsSignature(config)]);
  if (config.kind === 'bm25') return 'bm25';
  const { provider, baseUrl, model, maxTokensPerDoc } = config.settings;
  return JSON.stringify(['cohere', provider, baseUrl, model, maxTokensPerDoc]);
}

/** Everything that changes a column's scores, BM25's page-wide settings included: the start of a run's signature. */
export function scorerSignature(config: ColumnConfig, bm25: Bm25Settings): string {
  if (config.kind !== 'bm25') return configSignature(config);
  return JSON.stringify(['bm25', bm25.k1, bm25.b, bm25.stem, bm25.stopwords]);
}

/** Nothing for truncate, so runs saved before split mode existed stay up to date. */
export function longDocumentsSignature(config: LocalColumnConfig): (string | number)[] {
  const setting = config.longDocuments;
  return setting?.mode === 'split' ? ['split', setting.stride, setting.aggregate] : [];
}

/** What identifies a run's inputs: if it differs from the current one, the column is out of date. */
export function runSignature(config: ColumnConfig, bm25: Bm25Settings, query: string, ids: readonly string[]): string {
  return `${scorerSignature(config, bm25)}\u0000${query}\u0000${ids.join('\u0001')}`;
}

/**
 * The scorer part of a run's signature. JSON escapes U+0000, so the first one ends it; runs saved before
 * BM25's settings were in it read 'bm25', which no current signature matches.
 */
export function scorerSignatureOf(run: Pick<RunState, 'signature'>): string {
  const end = run.signature.indexOf('\u0000');
  return end === -1 ? run.signature : run.signature.slice(0, end);
}
