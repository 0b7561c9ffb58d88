/**
 * The comparison as the screen shows it, as plain data for the exports (CSV, SVG): each column's rows in
 * order with their shown score, bar length and rank move, and the moves across each gutter for the lines.
 * The same rules as the screen: bars from `barFraction` over the column's `scoreRange`, moves from `rankMoves`
 * against the first stage, lines chained column to column (features/compare/gutterMoves.ts).
 */
import { barFraction, rankMoves, scoreRange, type RankMove } from '../ranking';
import { maxMoveFor } from '../rankLines';
import { finalRanking, type RerankedOrder } from '../rerankedOrder';
import { displayScore, scoreDisplayLabels, type ScoreDisplay } from '../scoreDisplay';
import type { Ranking, ScoreKind } from '../types';

export interface ExportColumnInput {
  /** As shown in the column's header: "Reranked: cross-encoder/ms-marco-MiniLM-L-6-v2". */
  title: string;
  order: RerankedOrder;
  /** Documents the model cut to fit its maximum length. */
  truncated?: ReadonlySet<string>;
}

export interface ComparisonInput {
  queryId: string;
  queryText: string;
  /** As shown: "First stage: BM25". */
  firstStageTitle: string;
  firstStage: Ranking;
  /** The top-N cut drawn in the first stage. */
  topN: number;
  columns: readonly ExportColumnInput[];
  /** Document texts by id (a Map: ids are user data). */
  texts: ReadonlyMap<string, string>;
  scoreDisplay: ScoreDisplay;
  /** How a number is written on screen (features/rankings/formatScore.ts); passed in so that core stays pure. */
  formatScore: (score: number, kind: ScoreKind) => string;
}

export type RowTone = 'first' | 'reranked' | 'muted';

export interface ExportRow {
  id: string;
  rank: number;
  text: string;
  /** The ranker's own number (what the CSV writes); NaN when there is none. */
  score: number;
  scoreKind: ScoreKind;
  /** As written on screen, after any sigmoid or min-max. */
  shownScore: string;
  /** Bar length, 0..1 of the column's range. */
  fraction: number;
  tone: RowTone;
  /** Against the first stage; null in the first stage itself. */
  move: RankMove | null;
  truncated: boolean;
}

export interface ExportColumn {
  title: string;
  /** "score: raw logit", as under the column's title. */
  scoreName: string;
  /** Reranked rows, then those below the cut (ranked on, as in `finalRanking`). */
  rows: ExportRow[];
  /** Sent to the reranker and not scored yet: left out of the rows. */
  pending: number;
  /** Whether the column shows a list at all (a column that never ran shows none, and gets no lines). */
  hasList: boolean;
}

export interface GutterMoves {
  moves: ReadonlyMap<string, RankMove>;
  maxMove: number;
}

export interface ComparisonModel {
  /** The first stage, then each reranked column. */
  columns: ExportColumn[];
  /** One per gutter: gutter i joins column i and column i + 1. */
  gutters: GutterMoves[];
}

const NOT_RERANKED: RankMove = { kind: 'not reranked' };

function firstStageColumn(input: ComparisonInput): ExportColumn {
  const { firstStage, texts, formatScore } = input;
  const range = scoreRange(firstStage);
  const rows = firstStage.entries.map(
    (e): ExportRow => ({
      id: e.id,
      rank: e.rank,
      text: texts.get(e.id) ?? '',
      score: e.score,
      scoreKind: firstStage.scoreKind,
      shownScore: formatScore(e.score, firstStage.scoreKind),
      fraction: barFraction(e.score, range),
      tone: 'first',
      move: null,
      truncated: false,
    }),
  );
  return { title: input.firstStageTitle, scoreName: `score: ${firstStage.scoreKind}`, rows, pending: 0, hasList: rows.length > 0 };
}

function rerankedColumn(input: ComparisonInput, column: ExportColumnInput): ExportColumn {
  const { firstStage, texts, formatScore, scoreDisplay } = input;
  const { reranked } = column.order;
  const range = scoreRange(reranked);
  const moves = rankMoves(firstStage, reranked);
  const transformable = reranked.scoreKind === 'raw logit';
  const shownKind: ScoreKind = transformable && scoreDisplay !== 'raw' ? 'relevance score' : reranked.scoreKind;
  const rerankedCount = reranked.entries.length;
  const rows = finalRanking(column.order).entries.map((e, i): ExportRow => {
    const text = texts.get(e.id) ?? '';
    if (i >= rerankedCount) {
      // Below the cut: the first stage's number, as the screen shows it, and no bar.
      return { id: e.id, rank: e.rank, text, score: e.score, scoreKind: firstStage.scoreKind, shownScore: formatScore(e.score, firstStage.scoreKind), fraction: 0, tone: 'muted', move: NOT_RERANKED, truncated: false };
    }
    const shown = transformable ? displayScore(e.score, scoreDisplay, range.min, range.max) : e.score;
    return {
      id: e.id,
      rank: e.rank,
      text,
      score: e.score,
      scoreKind: reranked.scoreKind,
      shownScore: formatScore(shown, shownKind),
      fraction: barFraction(e.score, range),
      tone: 'reranked',
      move: moves.get(e.id) ?? null,
      truncated: column.truncated?.has(e.id) ?? false,
    };
  });
  const pending = column.order.pending.length;
  return {
    title: column.title,
    scoreName: `score: ${transformable ? scoreDisplayLabels[scoreDisplay] : reranked.scoreKind}`,
    rows,
    pending,
    hasList: rows.length + pending > 0,
  };
}

/** Chained like the screen's lines: first stage -> column 1, column 1 -> column 2, ... */
function gutterMoves(firstStage: Ranking, columns: readonly ExportColumnInput[]): GutterMoves[] {
  return columns.map((column, i) => {
    const right = column.order.reranked;
    const left = i === 0 ? firstStage : (columns[i - 1] as ExportColumnInput).order.reranked;
    const rankedCount = i === 0 ? right.entries.length : Math.max(left.entries.length, right.entries.length);
    return { moves: rankMoves(left, right), maxMove: maxMoveFor(rankedCount) };
  });
}

export function comparisonModel(input: ComparisonInput): ComparisonModel {
  return {
    columns: [firstStageColumn(input), ...input.columns.map((c) => rerankedColumn(input, c))],
    gutters: gutterMoves(input.firstStage, input.columns),
  };
}
