/**
 * Tables for download: per-query metrics as CSV, one row per (query, ranker), for a spreadsheet or a script.
 * RFC 4180: comma-separated, CRLF line ends, a field holding a comma, a double quote or a line break is quoted,
 * with its double quotes doubled.
 */
import type { MetricValues } from '../metrics';

export interface PerQueryMetricsRow {
  queryId: string;
  queryText: string;
  /** The column's name as shown ("BM25", "cross-encoder: ms-marco-MiniLM-L-6-v2"). */
  ranker: string;
  values: MetricValues;
}

const NEEDS_QUOTES = /[",\r\n]/u;

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return, which some strip first) as a
 * formula: a query text like "=HYPERLINK(…)" would become a live link (CSV injection). Such a text cell gets a
 * leading apostrophe, as OWASP recommends: spreadsheets then show the text, and a script reading the file
 * sees the apostrophe, which is the visible, documented cost. Number cells are written by us and never start so.
 */
const FORMULA_START = /^[=+\-@\t\r]/u;

function textCell(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** Full precision (String round-trips a double exactly); n/a is an empty cell. */
function numberCell(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '' : String(value);
}

/** The header, with the cut-off k written into the names of the metrics that take it. */
export function perQueryMetricsHeader(k: number): string[] {
  return ['query_id', 'query', 'ranker', `P@${k}`, `Recall@${k}`, 'RR', 'AP', `nDCG@${k}`];
}

/** One row per given row, in the given order, after the header; every line ends with CRLF. */
export function perQueryMetricsCsv(rows: readonly PerQueryMetricsRow[], k: number): string {
  const lines = [
    perQueryMetricsHeader(k).join(','),
    ...rows.map((row) =>
      [
        textCell(row.queryId),
        textCell(row.queryText),
        textCell(row.ranker),
        numberCell(row.values.precision),
        numberCell(row.values.recall),
        numberCell(row.values.rr),
        numberCell(row.values.ap),
        numberCell(row.values.ndcg),
      ].join(','),
    ),
  ];
  return lines.map((line) => `${line}\r\n`).join('');
}
