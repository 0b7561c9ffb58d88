import { z } from 'zod';
import { MAX_STRIDE } from '../core/windows';
import type { JudgmentOverrides } from './judgmentsSlice';

/**
 * What localStorage holds, checked field by field on the way back in: a save from an older build, another
 * tab, or a hand edit is untrusted. A field that fails its check is dropped (the default stays) and named,
 * so the user is told; the rest is kept.
 */

const finite = z.number().refine(Number.isFinite);
const positiveInt = (max: number) => z.number().int().min(1).max(max);

/** Judgments travel as entries: [query key, [[doc id, grade | null], ...]], since JSON has no Map. */
const judgmentEntries = z.array(z.tuple([z.string(), z.array(z.tuple([z.string(), z.number().int().min(0).max(3).nullable()]))]));

export const persistedFields = {
  query: z.string(),
  documentsText: z.string(),
  format: z.enum(['auto', 'text', 'json', 'jsonl', 'csv', 'tsv']),
  textMode: z.enum(['auto', 'lines', 'paragraphs']),
  fields: z.object({ text: z.string().optional(), id: z.string().optional(), score: z.string().optional(), relevance: z.string().optional() }),
  presetId: z.string().nullable(),
  fileName: z.string().nullable(),
  formatFromFile: z.boolean(),
  largeDocumentsSaved: z.boolean(),
  firstStage: z.enum(['supplied', 'bm25', 'input', 'dense', 'hybrid']),
  dense: z.object({
    model: z.string(),
    device: z.enum(['wasm', 'webgpu']),
    dtype: z.enum(['fp32', 'fp16', 'q8']),
    pooling: z.enum(['mean', 'cls']).nullable(),
    queryPrefix: z.string().nullable(),
    documentPrefix: z.string().nullable(),
    maxLength: positiveInt(100_000),
    batchSize: positiveInt(10_000),
  }),
  hybrid: z.object({ method: z.enum(['rrf', 'weighted']), k: finite.min(0).max(1000), weight: finite.min(0).max(1) }),
  bm25: z.object({ k1: finite.min(0).max(10), b: finite.min(0).max(1), stem: z.boolean(), stopwords: z.boolean() }),
  topN: positiveInt(100_000),
  scoreDisplay: z.enum(['raw', 'sigmoid', 'minmax']),
  highlightQueryTerms: z.boolean(),
  judgmentsByQuery: judgmentEntries,
  metricK: positiveInt(10_000),
  gain: z.enum(['linear', 'exponential']),
  corpusTopK: positiveInt(1000),
  setMetric: z.enum(['precision', 'recall', 'rr', 'ap', 'ndcg']),
} as const;

export type PersistedField = keyof typeof persistedFields;

/** Field names for people, in the message about what was dropped. */
const fieldLabels: Record<PersistedField, string> = {
  query: 'the query',
  documentsText: 'the documents',
  format: 'the format',
  textMode: 'the text reading',
  fields: 'the field choices',
  presetId: 'the example',
  fileName: 'the file name',
  formatFromFile: 'where the format came from',
  largeDocumentsSaved: 'where large documents were saved',
  firstStage: 'the first stage',
  bm25: 'the BM25 settings',
  dense: 'the dense first-stage settings',
  hybrid: 'the hybrid first-stage settings',
  topN: 'top N',
  scoreDisplay: 'the score display',
  highlightQueryTerms: 'the query-term highlighting',
  judgmentsByQuery: 'the judgments',
  metricK: 'k',
  gain: 'the nDCG gain',
  corpusTopK: 'the corpus top K',
  setMetric: 'the query-list metric',
};

export interface ValidatedSave {
  /** The fields that passed their checks. */
  values: Partial<Record<PersistedField, unknown>>;
  /** Labels of the fields that were present but failed. */
  dropped: string[];
}

/** Keeps each field that passes its schema; names the ones that do not. Never throws. */
export function validateSavedFields(saved: unknown): ValidatedSave {
  const values: Partial<Record<PersistedField, unknown>> = {};
  const dropped: string[] = [];
  if (typeof saved !== 'object' || saved === null || Array.isArray(saved)) return { values, dropped: saved === undefined ? [] : ['everything (the save is not an object)'] };
  const record = saved as Record<string, unknown>;
  for (const field of Object.keys(persistedFields) as PersistedField[]) {
    if (!Object.hasOwn(record, field)) continue;
    const parsed = persistedFields[field].safeParse(record[field]);
    if (parsed.success) values[field] = parsed.data;
    else dropped.push(fieldLabels[field]);
  }
  return { values, dropped };
}

export function judgmentsToEntries(all: ReadonlyMap<string, JudgmentOverrides>): [string, [string, number | null][]][] {
  return [...all].map(([key, marks]) => [key, [...marks]]);
}

export function judgmentsFromEntries(entries: readonly (readonly [string, readonly (readonly [string, number | null])[]])[]): Map<string, JudgmentOverrides> {
  return new Map(entries.map(([key, marks]) => [key, new Map(marks)]));
}

/** Version 1 kept judgments as { [query]: { [docId]: grade } }; `__proto__` ids were lost there already. */
export function migrateJudgmentsV1(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.entries(value as Record<string, unknown>).map(([key, marks]) => [key, typeof marks === 'object' && marks !== null ? Object.entries(marks) : marks]);
}

const localConfig = z.object({
  kind: z.literal('local'),
  model: z.string(),
  device: z.enum(['auto', 'wasm', 'webgpu']),
  dtype: z.enum(['auto', 'fp32', 'fp16', 'q8']),
  maxLength: positiveInt(100_000),
  batchSize: positiveInt(10_000),
  // Saves from before split mode have none: truncate.
  longDocuments: z
    .discriminatedUnion('mode', [
      z.object({ mode: z.literal('truncate') }),
      z.object({ mode: z.literal('split'), stride: z.number().int().min(0).max(MAX_STRIDE), aggregate: z.enum(['max', 'first', 'mean']) }),
    ])
    .optional(),
});
const cohereConfig = z.object({ kind: z.literal('cohere'), settings: z.unknown() });
const bm25Config = z.object({ kind: z.literal('bm25') });

/** Saved columns: each one checked on its own, so one bad column does not cost the others. */
export const savedColumn = z.object({ id: z.string().regex(/^col_\d+$/), config: z.discriminatedUnion('kind', [localConfig, cohereConfig, bm25Config]) });
