import type { GainKind, MetricValues } from '../metrics';
import type { FieldMapping, InputFormat, TextMode } from '../parse';
import type { HybridSettings } from '../denseFirstStage';
import type { DenseFirstStageSettings } from '../denseSettings';
import type { FirstStageSource } from '../ranking';
import type { ScoreDisplay } from '../scoreDisplay';
import type { QuerySet } from '../sets/types';
import type { ScoreKind } from '../types';
import type { LongDocumentsSetting } from '../windows';

/**
 * A setup as a link or session file carries it, in memory: what the user sees, never an API key.
 * Every user-given id is a Map key or a string in a list, never a property name.
 * The store's types are assigned to and from these in store/shareActions.ts, so the compiler keeps them in step.
 */

/** The user's marks for one query, by document id; null marks a document unjudged although the input graded it. */
export type SharedMarks = ReadonlyMap<string, number | null>;

/** The pasted query and documents, with the choices that say how to read them. */
export interface SharedPaste {
  query: string;
  documentsText: string;
  format: InputFormat;
  textMode: TextMode | 'auto';
  fields: FieldMapping;
  presetId: string | null;
  fileName: string | null;
  formatFromFile: boolean;
  marks: SharedMarks;
}

export interface SharedQuerySet {
  set: QuerySet;
  /** The user's marks by query id. */
  marks: ReadonlyMap<string, SharedMarks>;
  /** The query on screen; null: the first. */
  openQueryId: string | null;
}

export interface SharedSettings {
  firstStage: FirstStageSource;
  bm25: { k1: number; b: number; stem: boolean; stopwords: boolean };
  /** Documents made before dense first stages read back with the defaults. */
  dense: DenseFirstStageSettings;
  hybrid: HybridSettings;
  topN: number;
  corpusTopK: number;
  scoreDisplay: ScoreDisplay;
  metricK: number;
  gain: GainKind;
  setMetric: keyof MetricValues;
  /** "Highlight query terms"; documents made before it read back as off. */
  highlightQueryTerms: boolean;
}

export interface SharedLocalConfig {
  kind: 'local';
  model: string;
  device: 'auto' | 'wasm' | 'webgpu';
  dtype: 'auto' | 'fp32' | 'fp16' | 'q8';
  maxLength: number;
  batchSize: number;
  /** Absent in links made before split mode: truncate. */
  longDocuments?: LongDocumentsSetting;
}

/** A rerank API's settings. There is no key here, by design: a key stays on the device that typed it. */
export interface SharedCohereConfig {
  kind: 'cohere';
  settings: {
    provider: 'cohere' | 'custom';
    baseUrl: string;
    model: string;
    maxTokensPerDoc: number;
    timeoutMs: number;
    concurrency: number;
  };
}

export type SharedColumnConfig = SharedLocalConfig | SharedCohereConfig | { kind: 'bm25' };

/** A finished run of one column for one query: what the column shows without running its model. */
export interface SharedRun {
  /** The set's query id; null for the pasted query. */
  queryId: string | null;
  /** The inputs the scores belong to (store/columns.ts runSignature), to tell when they are out of date. */
  signature: string;
  /** The candidates that were reranked, in first-stage order. */
  ids: string[];
  scores: ReadonlyMap<string, number>;
  scoreKind: ScoreKind;
  truncated: string[];
  ranOn: string | null;
  /** The column's title when the run was made, and the settings that changed its scores, in words (store RunState). */
  title?: string;
  settings?: string[];
}

export interface SharedColumn {
  id: string;
  config: SharedColumnConfig;
  /** Only in session files whose author chose to include the scores; empty otherwise. */
  runs: SharedRun[];
}

/**
 * The whole setup. `paste` is null when a query set is on screen (the paste behind it stays private);
 * at least one of `paste` and `querySet` is present.
 */
export interface SharedSetup {
  paste: SharedPaste | null;
  querySet: SharedQuerySet | null;
  settings: SharedSettings;
  columns: SharedColumn[];
}

/** Where a document came from, so that a message can say "this link" or "the file x.rerank.json". */
export type ShareSource = { kind: 'link' } | { kind: 'file'; name: string };
