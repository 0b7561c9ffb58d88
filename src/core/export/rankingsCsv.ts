/**
 * The rankings of the query on screen as CSV: one row per document per column (the first stage, then each
 * reranked column), for a spreadsheet or a script. RFC 4180: comma-separated, CRLF line ends, a field holding
 * a comma, a double quote or a line break is quoted, with its double quotes doubled.
 */
import { formatRankMove, type RankMove } from '../ranking';
import { comparisonModel, type ComparisonInput } from './comparisonModel';

export const RANKINGS_CSV_HEADER = ['query_id', 'query', 'column', 'rank', 'doc_id', 'score', 'score_kind', 'move', 'first_stage_rank'] as const;

const NEEDS_QUOTES = /[",\r\n]/u;

/**
 * A cell starting with = + - @ (or a tab or carriage return, which some spreadsheets strip first) runs as a
 * formula: an id like "=HYPERLINK(…)" would become a live link (CSV injection). Such a text cell gets a leading
 * apostrophe, as OWASP recommends (the same rule as core/sets/exportTables.ts). Number cells are ours.
 */
const FORMULA_START = /^[=+\-@\t\r]/u;

export function csvTextCell(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** Full precision (String round-trips a double exactly); no score is an empty cell. */
function numberCell(value: number): string {
  return Number.isFinite(value) ? String(value) : '';
}

/** "▲2", "▼1", "=", "new"; spelled out for a document below the cut; empty in the first stage. */
export function moveCell(move: RankMove | null): string {
  if (move === null) return '';
  return move.kind === 'not reranked' ? 'not reranked' : formatRankMove(move).text;
}

/**
 * Every row the columns show, pending documents (a run still streaming) left out. Scores are the rankers' own
 * numbers, before any sigmoid or min-max of the display; a row below the cut carries the first stage's score
 * and kind, as on screen.
 */
export function rankingsCsv(input: ComparisonInput): string {
  const firstStageRank = new Map(input.firstStage.entries.map((e) => [e.id, e.rank]));
  const { columns } = comparisonModel(input);
  const lines = [RANKINGS_CSV_HEADER.join(',')];
  for (const column of columns) {
    for (const row of column.rows) {
      lines.push(
        [
          csvTextCell(input.queryId),
          csvTextCell(input.queryText),
          csvTextCell(column.title),
          String(row.rank),
          csvTextCell(row.id),
          numberCell(row.score),
          row.scoreKind,
          moveCell(row.move),
          String(firstStageRank.get(row.id) ?? ''),
        ].join(','),
      );
    }
  }
  return lines.map((line) => `${line}\r\n`).join('');
}
