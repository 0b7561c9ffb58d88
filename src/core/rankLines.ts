/**
 * The geometry of showing rank moves: the lines that join a document's rows in neighbouring columns
 * (colour and thickness by how far it moved), and the slide a row makes within its own list when the
 * order changes (First-Last-Invert-Play). Positions are plain numbers in CSS pixels, measured by the caller.
 */
import type { RankMove } from './ranking';

/** What a line says about the move from the left column to the right one. */
export type LineMove = 'up' | 'down' | 'same' | 'not-reranked';

export interface LineStyle {
  move: LineMove;
  /** Stroke width in CSS pixels. */
  width: number;
  /** Dashed: the right column did not rank the document against the others (below the cut, or not scored). */
  dashed: boolean;
}

/** Moves of this many places or more get the thickest line: beyond it, more width only adds clutter. */
export const MOVE_CAP = 10;
export const THINNEST_LINE = 1;
export const THICKEST_LINE = 4;

/**
 * The move that gets the thickest line in a list of `rankedCount` documents: the longest possible move
 * (count - 1), capped at MOVE_CAP. So in a list of 4, a move of 3 places is as thick as lines get.
 */
export function maxMoveFor(rankedCount: number): number {
  return Math.min(MOVE_CAP, Math.max(1, Math.floor(rankedCount) - 1));
}

/**
 * Colour class and width of one document's line. Width grows linearly with the places moved, from
 * THINNEST_LINE (unchanged) to THICKEST_LINE at `maxMove` places and beyond.
 * A document only one side ranked ('not reranked', 'new', or no move at all) gets a thin dashed line.
 */
export function lineStyle(move: RankMove | undefined, maxMove: number): LineStyle {
  if (!move || move.kind === 'not reranked' || move.kind === 'new') {
    return { move: 'not-reranked', width: THINNEST_LINE, dashed: true };
  }
  const share = Math.min(move.by, maxMove) / Math.max(1, maxMove);
  return { move: move.kind, width: THINNEST_LINE + (THICKEST_LINE - THINNEST_LINE) * share, dashed: false };
}

/** One row's vertical extent, relative to the drawing's origin. */
export interface RowBox {
  id: string;
  top: number;
  height: number;
}

/** One column's list: its left and right edges and the rows it renders, in order. */
export interface ListBox {
  left: number;
  right: number;
  rows: readonly RowBox[];
}

/**
 * Where a line meets a row: its middle, but no lower than ROW_ANCHOR_MAX below its top, so that an
 * expanded row's line still points at its rank and id rather than at the middle of a long text.
 */
export const ROW_ANCHOR_MAX = 28;

export function anchorY(row: RowBox): number {
  return row.top + Math.min(row.height / 2, ROW_ANCHOR_MAX);
}

const round1 = (n: number): string => String(Math.round(n * 10) / 10);

/** An S-curve from (x1, y1) to (x2, y2), level at both ends, so that it leaves and meets each row head-on. */
export function curvePath(x1: number, y1: number, x2: number, y2: number): string {
  const mid = (x1 + x2) / 2;
  const [a, b, m, c, d] = [x1, y1, mid, x2, y2].map(round1);
  return `M${a} ${b}C${m} ${b} ${m} ${d} ${c} ${d}`;
}

export interface RankLine extends LineStyle {
  docId: string;
  path: string;
}

/** Space between a line's end and the list it points at, so that it never touches a score's last digit. */
export const LINE_GAP = 4;

/**
 * The lines across the gutter between two lists: one per document rendered in both, from just right of the
 * left list to just left of the right list, in the left list's order. A document rendered in only one list
 * (paging shows the first rows only) gets none. `moves` is keyed by document id (left to right).
 */
export function rankLinesBetween(left: ListBox, right: ListBox, moves: ReadonlyMap<string, RankMove>, maxMove: number): RankLine[] {
  const rightRows = new Map(right.rows.map((row) => [row.id, row]));
  const lines: RankLine[] = [];
  for (const row of left.rows) {
    const twin = rightRows.get(row.id);
    if (!twin) continue;
    lines.push({
      docId: row.id,
      path: curvePath(left.right + LINE_GAP, anchorY(row), right.left - LINE_GAP, anchorY(twin)),
      ...lineStyle(moves.get(row.id), maxMove),
    });
  }
  return lines;
}

/**
 * The top padding each column needs so that all lists start level: then an unchanged rank is a level line,
 * whatever the height of each column's header. `naturalTops` are the lists' tops within their columns
 * without padding; null for a column with no list (it gets none).
 */
export function levelingPads(naturalTops: readonly (number | null)[]): number[] {
  const tops = naturalTops.filter((top): top is number => top !== null);
  const lowest = Math.max(...tops);
  return naturalTops.map((top) => (top === null || tops.length < 2 ? 0 : lowest - top));
}

/** A list's rows at one moment: their tops relative to the list (layout, without any running slide). */
export interface ListSnapshot {
  rows: readonly { id: string; top: number }[];
  /** Rows without a document id: documents sent to the reranker and still waiting for a score. */
  waiting: number;
}

export interface RowSlide {
  id: string;
  /** Where the row starts, relative to where it now sits: old top - new top. */
  fromOffset: number;
  /** A row that was not in the list before: it fades in as it slides. */
  entering: boolean;
}

/**
 * Which rows of a list slide, and from where, after its order changed from `before` to `after`.
 * - A row whose order among the rows in both snapshots changed slides from its old top. Rows that only
 *   shifted because a row above grew (expanded text) or arrived (a new score) keep that order and do not
 *   slide: while scores stream in one at a time, only the newcomer moves, which is cheap and easy to follow.
 * - A row that just got its score (it is new, and fewer rows wait than before) slides in from the place it
 *   had in the first stage, `firstStageTops`, so the eye sees the reranker's move. Rows new for other reasons
 *   (a page more shown) just appear.
 * No `before` (the list just appeared): nothing slides.
 */
export function planRowSlides(before: ListSnapshot | undefined, after: ListSnapshot, firstStageTops: ReadonlyMap<string, number>): RowSlide[] {
  if (!before) return [];
  const afterIds = new Set(after.rows.map((row) => row.id));
  const kept = before.rows.filter((row) => afterIds.has(row.id));
  const previous = new Map(kept.map((row, order) => [row.id, { order, top: row.top }]));
  const scoresArrived = after.waiting < before.waiting;
  const slides: RowSlide[] = [];
  let order = 0;
  for (const row of after.rows) {
    const old = previous.get(row.id);
    if (old) {
      if (old.order !== order && old.top !== row.top) slides.push({ id: row.id, fromOffset: old.top - row.top, entering: false });
      order++;
      continue;
    }
    const firstStageTop = firstStageTops.get(row.id);
    if (scoresArrived && firstStageTop !== undefined) slides.push({ id: row.id, fromOffset: firstStageTop - row.top, entering: true });
  }
  return slides;
}

/**
 * The slides a reader can see: those whose row passes through the view on its way, from its old place to
 * its new one. `rows` and the view are in the same coordinates (the view: the window's top and bottom).
 * The others would only cost frames: off-screen rows just take their places.
 */
export function slidesInView(plan: readonly RowSlide[], rows: readonly RowBox[], viewTop: number, viewBottom: number): RowSlide[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return plan.filter((slide) => {
    const row = byId.get(slide.id);
    if (!row) return false;
    const from = row.top + slide.fromOffset;
    const sweptTop = Math.min(from, row.top);
    const sweptBottom = Math.max(from, row.top) + row.height;
    return sweptBottom > viewTop && sweptTop < viewBottom;
  });
}
