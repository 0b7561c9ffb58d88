/**
 * TREC exports: a run file (`qid Q0 docid rank score tag`) of what a column shows, and a qrels file
 * (`qid 0 docid grade`) of the judgments, so that trec_eval can check the app's numbers.
 *
 * Ids are whitespace-separated fields in both formats, so an id holding whitespace cannot be written as it is.
 * Each run of whitespace becomes one "_" in both files (the run and the qrels stay consistent with each other),
 * and a warning names every id changed that way.
 */
import type { GradeMap } from './types';

export interface ExportResult {
  text: string;
  /** Sentences for people about ids that were changed or left out. */
  warnings: string[];
}

/** One query of a run: its documents in the order the column shows them, best first. */
export interface RunExportQuery {
  queryId: string;
  entries: readonly { readonly docId: string }[];
}

export interface QrelsExportQuery {
  queryId: string;
  judgments: GradeMap;
}

/** Used when the given tag has nothing left after whitespace is taken out. */
export const DEFAULT_RUN_TAG = 'rerank-playground';

const WHITESPACE = /\s+/gu;

/** A run's tag without whitespace; an empty one becomes DEFAULT_RUN_TAG. */
export function sanitizeRunTag(tag: string): string {
  const cleaned = tag.replace(WHITESPACE, '_');
  return cleaned === '' ? DEFAULT_RUN_TAG : cleaned;
}

/**
 * What a reranked column shows: the reranked top N, then the first stage's other documents in first-stage order.
 * Each id appears once (its first place wins).
 */
export function rankedListForExport(rerankedTopIds: readonly string[], firstStageIds: readonly string[]): string[] {
  return [...new Set([...rerankedTopIds, ...firstStageIds])];
}

/** An id fit for a TREC field, or null when nothing is left; says what it changed in `warnings`. */
function writableId(id: string, what: string, warnings: string[]): string | null {
  const cleaned = id.replace(WHITESPACE, '_');
  if (cleaned === '') {
    warnings.push(`${what} is empty, and a TREC file cannot hold an empty field: it was left out.`);
    return null;
  }
  if (cleaned !== id) {
    warnings.push(`${what} "${id}" holds whitespace, which a TREC file cannot hold: it was written as "${cleaned}".`);
  }
  return cleaned;
}

/**
 * The run file of the given rankings, one line per document, queries in the given order.
 *
 * Scores: the file does not carry the shown scores, but synthetic ones: the document at position i (0-based)
 * of n gets n − i, so n, n − 1, …, 1. Why: trec_eval ignores the rank column and re-sorts each query by score,
 * descending, breaking ties by docno descending (strcmp; `comp_sim_docno` in form_res_rels.c), and it reads
 * scores as 32-bit floats. A reranked column mixes two scales (reranker logits over the top N, first-stage
 * scores below), and its scores can tie, or collapse into a tie as floats, where the app breaks ties by input
 * order. Distinct small integers are exact as floats and strictly decreasing, so trec_eval sees exactly the
 * shown order and computes the metrics the app shows.
 *
 * A document listed twice in one query is written once, at its first place (trec_eval rejects duplicates),
 * and the later positions close up, as metrics.ts counts them.
 */
export function exportTrecRun(queries: readonly RunExportQuery[], tag: string): ExportResult {
  const warnings: string[] = [];
  const cleanTag = sanitizeRunTag(tag);
  if (cleanTag !== tag) {
    warnings.push(`The run tag "${tag}" cannot be written as it is (no whitespace, not empty): it was written as "${cleanTag}".`);
  }
  const lines: string[] = [];
  for (const query of queries) {
    const queryId = writableId(query.queryId, 'A query id', warnings);
    if (queryId === null) continue;
    const docIds: string[] = [];
    const seen = new Set<string>();
    for (const entry of query.entries) {
      const docId = writableId(entry.docId, `In query "${queryId}", a document id`, warnings);
      if (docId === null) continue;
      if (seen.has(docId)) {
        warnings.push(`In query "${queryId}", document "${docId}" is listed more than once: only its first place was written.`);
        continue;
      }
      seen.add(docId);
      docIds.push(docId);
    }
    docIds.forEach((docId, position) => {
      lines.push(`${queryId} Q0 ${docId} ${position + 1} ${docIds.length - position} ${cleanTag}`);
    });
  }
  return { text: lines.map((line) => `${line}\n`).join(''), warnings };
}

/** Code-unit order, the same on every machine (localeCompare is not). */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The qrels file of the given judgments: `qid 0 docid grade`, sorted by query id then document id
 * (code-unit order), so the same judgments always give the same file. trec_eval sorts on reading, so the
 * order is for people and diffs. A (query, document) pair given twice is written once (trec_eval rejects
 * duplicates), keeping the first, and a grade that is not a finite number is left out; both are warned about,
 * as is a fractional grade (trec_eval reads grades as integers).
 */
export function exportQrels(queries: readonly QrelsExportQuery[]): ExportResult {
  const warnings: string[] = [];
  const rows: { queryId: string; docId: string; grade: number }[] = [];
  const seen = new Map<string, Set<string>>();
  for (const query of queries) {
    const queryId = writableId(query.queryId, 'A query id', warnings);
    if (queryId === null) continue;
    const docsOfQuery = seen.get(queryId) ?? new Set<string>();
    seen.set(queryId, docsOfQuery);
    for (const [rawDocId, grade] of query.judgments) {
      const docId = writableId(rawDocId, `In query "${queryId}", a judged document id`, warnings);
      if (docId === null) continue;
      if (!Number.isFinite(grade)) {
        warnings.push(`In query "${queryId}", document "${docId}" has the grade ${String(grade)}, which is not a number: it was left out.`);
        continue;
      }
      if (!Number.isInteger(grade)) {
        warnings.push(`In query "${queryId}", document "${docId}" has the grade ${grade}: trec_eval reads only its integer part.`);
      }
      if (docsOfQuery.has(docId)) {
        warnings.push(`In query "${queryId}", document "${docId}" is judged more than once: only the first judgment was written.`);
        continue;
      }
      docsOfQuery.add(docId);
      rows.push({ queryId, docId, grade });
    }
  }
  rows.sort((a, b) => byCodeUnits(a.queryId, b.queryId) || byCodeUnits(a.docId, b.docId));
  return { text: rows.map((row) => `${row.queryId} 0 ${row.docId} ${row.grade}\n`).join(''), warnings };
}
