import { defaultHybrid } from '../denseFirstStage';
import { defaultDenseFirstStage, type DenseFirstStageSettings } from '../denseSettings';
import type { FieldMapping } from '../parse';
import type { QuerySet } from '../sets/types';
import { APP_MARKER, DOCUMENT_VERSION, type DocumentV1, type WireRun } from './schemaV1';
import type { SharedColumn, SharedColumnConfig, SharedLocalConfig, SharedMarks, SharedRun, SharedSetup } from './types';

/**
 * SharedSetup (Maps) <-> the version 1 document (JSON entries). Fields are copied one by one, never spread,
 * so nothing the in-memory objects carry besides (a key, a worker, a run's error) can reach the document.
 */

export interface WireOptions {
  /** Put the columns' computed scores in (session files, when the user asks). */
  includeRuns: boolean;
}

export function toWire(setup: SharedSetup, options: WireOptions): DocumentV1 {
  const { paste, querySet, settings } = setup;
  return {
    app: APP_MARKER,
    version: DOCUMENT_VERSION,
    paste: paste && {
      query: paste.query,
      documentsText: paste.documentsText,
      format: paste.format,
      textMode: paste.textMode,
      fields: fieldsOf(paste.fields),
      presetId: paste.presetId,
      fileName: paste.fileName,
      formatFromFile: paste.formatFromFile,
      marks: [...paste.marks],
    },
    querySet: querySet && {
      name: querySet.set.name,
      scoreKind: querySet.set.scoreKind,
      queries: querySet.set.queries.map((q) => ({
        id: q.id,
        text: q.text,
        candidates: q.candidates.map((c) => (c.score === undefined ? { docId: c.docId } : { docId: c.docId, score: c.score })),
        judgments: [...q.judgments],
      })),
      documents: [...querySet.set.documents],
      marks: [...querySet.marks].map(([queryId, marks]) => [queryId, [...marks]]),
      openQueryId: querySet.openQueryId,
    },
    settings: {
      firstStage: settings.firstStage,
      bm25: { k1: settings.bm25.k1, b: settings.bm25.b, stem: settings.bm25.stem, stopwords: settings.bm25.stopwords },
      dense: denseOf(settings.dense),
      hybrid: { method: settings.hybrid.method, k: settings.hybrid.k, weight: settings.hybrid.weight },
      topN: settings.topN,
      corpusTopK: settings.corpusTopK,
      scoreDisplay: settings.scoreDisplay,
      metricK: settings.metricK,
      gain: settings.gain,
      setMetric: settings.setMetric,
      // Written only when on, so links without the highlight stay as short as before.
      ...(settings.highlightQueryTerms ? { highlightQueryTerms: true } : {}),
    },
    columns: setup.columns.map((c) => ({
      id: c.id,
      config: configOf(c.config),
      ...(options.includeRuns && c.runs.length > 0 ? { runs: c.runs.map(runToWire) } : {}),
    })),
  };
}

function denseOf(d: DenseFirstStageSettings): DenseFirstStageSettings {
  const { model, device, dtype, pooling, queryPrefix, documentPrefix, maxLength, batchSize } = d;
  return { model, device, dtype, pooling, queryPrefix, documentPrefix, maxLength, batchSize };
}

function fieldsOf(fields: FieldMapping): FieldMapping {
  const out: FieldMapping = {};
  if (fields.text !== undefined) out.text = fields.text;
  if (fields.id !== undefined) out.id = fields.id;
  if (fields.score !== undefined) out.score = fields.score;
  if (fields.relevance !== undefined) out.relevance = fields.relevance;
  return out;
}

/** Named fields only: whatever else a config object holds at run time stays behind. */
function configOf(config: SharedColumnConfig): SharedColumnConfig {
  if (config.kind === 'bm25') return { kind: 'bm25' };
  if (config.kind === 'local') {
    const { model, device, dtype, maxLength, batchSize, longDocuments } = config;
    const local: SharedLocalConfig = { kind: 'local', model, device, dtype, maxLength, batchSize };
    if (longDocuments?.mode === 'split') local.longDocuments = { mode: 'split', stride: longDocuments.stride, aggregate: longDocuments.aggregate };
    return local;
  }
  const { provider, baseUrl, model, maxTokensPerDoc, timeoutMs, concurrency } = config.settings;
  return { kind: 'cohere', settings: { provider, baseUrl, model, maxTokensPerDoc, timeoutMs, concurrency } };
}

function runToWire(run: SharedRun): WireRun {
  const wire: WireRun = { queryId: run.queryId, signature: run.signature, ids: [...run.ids], scores: [...run.scores], scoreKind: run.scoreKind, truncated: [...run.truncated], ranOn: run.ranOn };
  if (run.title !== undefined) wire.title = run.title;
  if (run.settings !== undefined) wire.settings = [...run.settings];
  return wire;
}

/** A problem the schema cannot see: a duplicate key, or a reference to nothing. `where` is a document path. */
export interface WireProblem {
  where: string;
  problem: string;
}

export type FromWire = { ok: true; setup: SharedSetup } | { ok: false; problem: WireProblem };

class Refusal extends Error {
  constructor(readonly detail: WireProblem) {
    super(`${detail.where}: ${detail.problem}`);
  }
}

/** Entries into a Map, refusing a key given twice: two values for one id would make one of them silently win. */
function mapOf<V>(entries: readonly (readonly [string, V])[], where: string, what: string): Map<string, V> {
  const map = new Map<string, V>();
  entries.forEach(([key, value], i) => {
    if (map.has(key)) throw new Refusal({ where: `${where}[${i}]`, problem: `${what} ${JSON.stringify(key)} is given twice` });
    map.set(key, value);
  });
  return map;
}

/** The schema-checked document as a setup; refuses what is inconsistent, naming where. */
export function fromWire(doc: DocumentV1): FromWire {
  try {
    return { ok: true, setup: setupOf(doc) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, problem: error.detail };
    throw error;
  }
}

function setupOf(doc: DocumentV1): SharedSetup {
  if (doc.paste === null && doc.querySet === null) throw new Refusal({ where: 'paste', problem: 'there is neither a query with documents nor a query set' });
  const set = doc.querySet && querySetOf(doc.querySet);
  const queryIds = new Set(set?.set.queries.map((q) => q.id));
  const columnIds = new Set<string>();
  const columns = doc.columns.map((c, i): SharedColumn => {
    if (columnIds.has(c.id)) throw new Refusal({ where: `columns[${i}].id`, problem: `the column id ${JSON.stringify(c.id)} is given twice` });
    columnIds.add(c.id);
    return { id: c.id, config: c.config, runs: runsOf(c.runs ?? [], `columns[${i}].runs`, doc.paste !== null, queryIds) };
  });
  return {
    paste: doc.paste && { ...doc.paste, fields: { ...doc.paste.fields }, marks: mapOf(doc.paste.marks, 'paste.marks', 'the document') },
    querySet: set,
    settings: { ...doc.settings, dense: doc.settings.dense ?? defaultDenseFirstStage, hybrid: doc.settings.hybrid ?? defaultHybrid, highlightQueryTerms: doc.settings.highlightQueryTerms ?? false },
    columns,
  };
}

function querySetOf(wire: NonNullable<DocumentV1['querySet']>) {
  const seen = new Set<string>();
  const queries = wire.queries.map((q, i) => {
    if (seen.has(q.id)) throw new Refusal({ where: `querySet.queries[${i}].id`, problem: `the query id ${JSON.stringify(q.id)} is given twice` });
    seen.add(q.id);
    return { id: q.id, text: q.text, candidates: q.candidates, judgments: mapOf(q.judgments, `querySet.queries[${i}].judgments`, 'the document') };
  });
  const set: QuerySet = { name: wire.name, queries, documents: mapOf(wire.documents, 'querySet.documents', 'the document id'), scoreKind: wire.scoreKind };
  const marks = new Map<string, SharedMarks>();
  wire.marks.forEach(([queryId, entries], i) => {
    const where = `querySet.marks[${i}]`;
    if (!seen.has(queryId)) throw new Refusal({ where, problem: `marks for the query ${JSON.stringify(queryId)}, which the set does not have` });
    if (marks.has(queryId)) throw new Refusal({ where, problem: `the marks of query ${JSON.stringify(queryId)} are given twice` });
    marks.set(queryId, mapOf(entries, `${where}[1]`, 'the document'));
  });
  if (wire.openQueryId !== null && !seen.has(wire.openQueryId)) {
    throw new Refusal({ where: 'querySet.openQueryId', problem: `the open query ${JSON.stringify(wire.openQueryId)} is not in the set` });
  }
  return { set, marks, openQueryId: wire.openQueryId };
}

function runsOf(wire: readonly WireRun[], where: string, hasPaste: boolean, queryIds: ReadonlySet<string>): SharedRun[] {
  const seen = new Set<string | null>();
  return wire.map((run, i) => {
    const at = `${where}[${i}].queryId`;
    if (run.queryId === null ? !hasPaste : !queryIds.has(run.queryId)) {
      throw new Refusal({ where: at, problem: run.queryId === null ? 'scores for a pasted query, but there is none' : `scores for the query ${JSON.stringify(run.queryId)}, which the set does not have` });
    }
    if (seen.has(run.queryId)) throw new Refusal({ where: at, problem: 'a second set of scores for the same query' });
    seen.add(run.queryId);
    return { ...run, scores: mapOf(run.scores, `${where}[${i}].scores`, 'the score of document') };
  });
}
