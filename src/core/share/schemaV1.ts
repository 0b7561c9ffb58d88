import { z } from 'zod';
import { MAX_STRIDE } from '../windows';

/**
 * Version 1 of the document a share link or session file holds, as JSON. Every object is strict: a field
 * this version does not define (`__proto__`, `constructor`, an `apiKey`) is refused, never carried along.
 * Maps travel as lists of [key, value] entries, since JSON has no Map and user ids must not become property names.
 */

export const APP_MARKER = 'rerank-playground';
export const DOCUMENT_VERSION = 1;

// z.number() already refuses NaN and ±Infinity in zod 4.
const wholeNumber = (min: number, max: number) => z.number().int().min(min).max(max);
const mark = z.number().int().min(0).max(3).nullable();
const marksEntries = z.array(z.tuple([z.string(), mark]));

const pasteSchema = z.strictObject({
  query: z.string(),
  documentsText: z.string(),
  format: z.enum(['auto', 'text', 'json', 'jsonl', 'csv', 'tsv']),
  textMode: z.enum(['auto', 'lines', 'paragraphs']),
  fields: z.strictObject({ text: z.string().optional(), id: z.string().optional(), score: z.string().optional(), relevance: z.string().optional() }),
  presetId: z.string().nullable(),
  fileName: z.string().nullable(),
  formatFromFile: z.boolean(),
  marks: marksEntries,
});

const setQuerySchema = z.strictObject({
  id: z.string(),
  text: z.string(),
  candidates: z.array(z.strictObject({ docId: z.string(), score: z.number().optional() })),
  judgments: z.array(z.tuple([z.string(), z.number().int()])),
});

const querySetSchema = z.strictObject({
  name: z.string(),
  scoreKind: z.enum(['retriever score', 'BM25']).nullable(),
  queries: z.array(setQuerySchema),
  documents: z.array(z.tuple([z.string(), z.string()])),
  marks: z.array(z.tuple([z.string(), marksEntries])),
  openQueryId: z.string().nullable(),
});

const settingsSchema = z.strictObject({
  firstStage: z.enum(['supplied', 'bm25', 'input', 'dense', 'hybrid']),
  bm25: z.strictObject({ k1: z.number().min(0).max(10), b: z.number().min(0).max(1), stem: z.boolean(), stopwords: z.boolean() }),
  // Optional: documents written before dense first stages existed have neither, and still open.
  dense: z
    .strictObject({
      model: z.string(),
      device: z.enum(['wasm', 'webgpu']),
      dtype: z.enum(['fp32', 'fp16', 'q8']),
      pooling: z.enum(['mean', 'cls']).nullable(),
      queryPrefix: z.string().nullable(),
      documentPrefix: z.string().nullable(),
      maxLength: wholeNumber(1, 100_000),
      batchSize: wholeNumber(1, 10_000),
    })
    .optional(),
  hybrid: z.strictObject({ method: z.enum(['rrf', 'weighted']), k: z.number().min(0).max(1000), weight: z.number().min(0).max(1) }).optional(),
  topN: wholeNumber(1, 100_000),
  corpusTopK: wholeNumber(1, 1000),
  scoreDisplay: z.enum(['raw', 'sigmoid', 'minmax']),
  metricK: wholeNumber(1, 10_000),
  gain: z.enum(['linear', 'exponential']),
  setMetric: z.enum(['precision', 'recall', 'rr', 'ap', 'ndcg']),
  highlightQueryTerms: z.boolean().optional(),
});

/** Optional: links and files from before split mode have none, and read as truncate. */
const longDocumentsSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('truncate') }),
  z.strictObject({ mode: z.literal('split'), stride: wholeNumber(0, MAX_STRIDE), aggregate: z.enum(['max', 'first', 'mean']) }),
]);

const localConfigSchema = z.strictObject({
  kind: z.literal('local'),
  model: z.string(),
  device: z.enum(['auto', 'wasm', 'webgpu']),
  dtype: z.enum(['auto', 'fp32', 'fp16', 'q8']),
  maxLength: wholeNumber(1, 100_000),
  batchSize: wholeNumber(1, 10_000),
  longDocuments: longDocumentsSchema.optional(),
});

/** No key field, and a strict object: a key can neither be written here nor read back from here. */
const cohereConfigSchema = z.strictObject({
  kind: z.literal('cohere'),
  settings: z.strictObject({
    provider: z.enum(['cohere', 'custom']),
    baseUrl: z.string(),
    model: z.string(),
    maxTokensPerDoc: z.number().positive(),
    timeoutMs: z.number().positive(),
    concurrency: wholeNumber(1, 16),
  }),
});

const runSchema = z.strictObject({
  queryId: z.string().nullable(),
  signature: z.string(),
  ids: z.array(z.string()),
  scores: z.array(z.tuple([z.string(), z.number()])),
  scoreKind: z.enum(['retriever score', 'BM25', 'input order', 'raw logit', 'relevance score', 'cosine', 'RRF', 'weighted sum', 'P(yes)']),
  truncated: z.array(z.string()),
  ranOn: z.string().nullable(),
  // Optional: links and files made before runs kept their title still open.
  title: z.string().max(500).optional(),
  settings: z.array(z.string().max(200)).max(50).optional(),
});

const columnSchema = z.strictObject({
  id: z.string().regex(/^col_\d+$/, 'Invalid column id: expected "col_" and a number'),
  config: z.discriminatedUnion('kind', [localConfigSchema, cohereConfigSchema, z.strictObject({ kind: z.literal('bm25') })]),
  runs: z.array(runSchema).optional(),
});

export const documentV1Schema = z.strictObject({
  app: z.literal(APP_MARKER),
  version: z.literal(DOCUMENT_VERSION),
  paste: pasteSchema.nullable(),
  querySet: querySetSchema.nullable(),
  settings: settingsSchema,
  columns: z.array(columnSchema).min(1, 'A setup needs at least one reranked column'),
});

export type DocumentV1 = z.infer<typeof documentV1Schema>;
export type WireRun = z.infer<typeof runSchema>;
