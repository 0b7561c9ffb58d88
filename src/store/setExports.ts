import { exportQrels, exportTrecRun, type ExportResult } from '../core/sets/exportRun';
import { perQueryMetricsCsv, type PerQueryMetricsRow } from '../core/sets/exportTables';
import type { AppState } from './index';
import { selectRankers, selectSetRows } from './setSelectors';

/**
 * The TREC run of exactly what a ranker shows for every query: for a reranked column, its reranked top N and
 * then the rest in first-stage order. Queries the ranker has no result for are left out, and a warning says so.
 */
export function runFileOf(state: AppState, rankerId: string, tag: string): ExportResult {
  const rankers = selectRankers(state);
  const position = rankers.findIndex((r) => r.id === rankerId);
  const rows = selectSetRows(state);
  const queries = rows.flatMap((row) => {
    const ranking = row.results[position]?.ranking;
    return ranking ? [{ queryId: row.query.id, entries: ranking.entries.map((e) => ({ docId: e.id })) }] : [];
  });
  const result = exportTrecRun(queries, tag);
  const missing = rows.length - queries.length;
  return missing > 0 ? { ...result, warnings: [`${missing} of ${rows.length} queries have no result in this column yet and are not in the file.`, ...result.warnings] } : result;
}

/** The judgments in force for every query (the set's, with the user's marks on top), as TREC qrels. */
export function qrelsFileOf(state: AppState): ExportResult {
  return exportQrels(selectSetRows(state).map((row) => ({ queryId: row.query.id, judgments: row.judgments })));
}

/** Per-query metrics of every ranker, one CSV row per (query, ranker) that has a result. */
export function metricsCsvOf(state: AppState): string {
  const rankers = selectRankers(state);
  const rows: PerQueryMetricsRow[] = selectSetRows(state).flatMap((row) =>
    row.results.flatMap((result, i) =>
      result.ranking ? [{ queryId: row.query.id, queryText: row.query.text, ranker: rankers[i]?.name ?? result.rankerId, values: result.values ?? { precision: null, recall: null, rr: null, ap: null, ndcg: null } }] : [],
    ),
  );
  return perQueryMetricsCsv(rows, state.metricK);
}
