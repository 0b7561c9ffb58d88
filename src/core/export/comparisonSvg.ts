/**
 * The comparison as a standalone SVG document, drawn from data (no DOM): the first stage and each reranked
 * column side by side, with score bars, rank-move badges and the lines across the gutters, coloured and
 * thickened by move as on screen (core/rankLines.ts). Sizes are CSS pixels; a PNG renders it at 2×.
 */
import { rankLinesBetween, type LineMove, type ListBox } from '../rankLines';
import { comparisonModel, type ComparisonInput, type ExportColumn } from './comparisonModel';
import { lineStroke, ink, SANS } from './svgPalette';
import { COLUMN_WIDTH, CUT_HEIGHT, HEADER_HEIGHT, ROW_HEIGHT, cutSvg, headerSvg, px, rowsSvg, type PlacedRow } from './svgRows';
import { escapeXml, truncate } from './svgText';

/** Between columns, as the screen's `gap-x-12`: wide enough for a line's slope to read. */
export const GUTTER_WIDTH = 48;
const PAD = 20;
const TOP_MATTER = 56;
/** The screen renders a page of 100 rows per column before "Show more". */
export const DEFAULT_ROW_LIMIT = 100;

export interface ComparisonSvgOptions {
  /** Rows drawn per column, at most. */
  rowLimit?: number;
}

export interface ComparisonSvg {
  svg: string;
  /** The drawing's size in CSS pixels. */
  width: number;
  height: number;
  /** Whether some column had more rows than were drawn. */
  cutShort: boolean;
}

export const lineClass = (move: LineMove): string => `rank-line move-${move}`;

interface PlacedColumn {
  column: ExportColumn;
  left: number;
  rows: PlacedRow[];
  /** The top-N cut of the first stage, where it is drawn. */
  cutTop: number | null;
  bottom: number;
}

function placeColumn(column: ExportColumn, index: number, listTop: number, rowLimit: number, topN: number): PlacedColumn {
  const left = PAD + index * (COLUMN_WIDTH + GUTTER_WIDTH);
  const rows: PlacedRow[] = [];
  let y = listTop;
  let cutTop: number | null = null;
  for (const row of column.rows.slice(0, rowLimit)) {
    rows.push({ row, top: y });
    y += ROW_HEIGHT;
    // As on screen: the cut sits below the top-N row of the first stage, and pushes the rows below it down.
    if (index === 0 && row.rank === topN && column.rows.length > topN) {
      cutTop = y;
      y += CUT_HEIGHT;
    }
  }
  return { column, left, rows, cutTop, bottom: column.hasList ? y : listTop + 48 };
}

function linesSvg(placed: readonly PlacedColumn[], gutters: ReturnType<typeof comparisonModel>['gutters']): string {
  const boxes: (ListBox | null)[] = placed.map((p) =>
    p.column.hasList ? { left: p.left, right: p.left + COLUMN_WIDTH, rows: p.rows.map(({ row, top }) => ({ id: row.id, top, height: ROW_HEIGHT })) } : null,
  );
  const paths: string[] = [];
  gutters.forEach(({ moves, maxMove }, gutter) => {
    const left = boxes[gutter];
    const right = boxes[gutter + 1];
    if (!left || !right) return;
    for (const line of rankLinesBetween(left, right, moves, maxMove)) {
      paths.push(
        `<path class="${lineClass(line.move)}" data-doc-id="${escapeXml(line.docId)}" data-gutter="${gutter}-${gutter + 1}" d="${line.path}" fill="none" ` +
          `stroke="${lineStroke[line.move]}" stroke-width="${px(line.width)}"${line.dashed ? ' stroke-dasharray="4 3"' : ''} stroke-linecap="round" stroke-opacity="0.8"/>`,
      );
    }
  });
  return `<g class="rank-lines">${paths.join('')}</g>`;
}

function legendSvg(x: number, y: number): string {
  const items: { move: LineMove; label: string }[] = [
    { move: 'up', label: 'up' },
    { move: 'down', label: 'down' },
    { move: 'same', label: 'same place' },
    { move: 'not-reranked', label: 'not reranked' },
  ];
  const intro = 'Lines follow each document into the next column:';
  const parts = [`<text x="${px(x)}" y="${px(y + 4)}" font-size="12" fill="${ink.muted}">${intro}</text>`];
  // About 6.6 px a character at 12 px: room enough that the first swatch never runs into the words.
  let at = x + intro.length * 6.6 + 12;
  for (const { move, label } of items) {
    const dash = move === 'not-reranked' ? ' stroke-dasharray="4 3"' : '';
    parts.push(`<line x1="${px(at)}" y1="${px(y)}" x2="${px(at + 20)}" y2="${px(y)}" stroke="${lineStroke[move]}" stroke-width="2.5"${dash}/>`);
    parts.push(`<text x="${px(at + 26)}" y="${px(y + 4)}" font-size="12" fill="${ink.muted}">${label}</text>`);
    at += 26 + label.length * 6.6 + 16;
  }
  parts.push(`<text x="${px(at)}" y="${px(y + 4)}" font-size="12" fill="${ink.muted}">· thicker = moved further</text>`);
  return `<g class="legend">${parts.join('')}</g>`;
}

function placeholderSvg(p: PlacedColumn, listTop: number): string {
  return `<text x="${px(p.left + COLUMN_WIDTH / 2)}" y="${px(listTop + 28)}" text-anchor="middle" font-size="14" fill="${ink.muted}">Not reranked yet</text>`;
}

export function comparisonSvg(input: ComparisonInput, options: ComparisonSvgOptions = {}): ComparisonSvg {
  const rowLimit = Math.max(1, Math.floor(options.rowLimit ?? DEFAULT_ROW_LIMIT));
  const model = comparisonModel(input);
  const headerTop = PAD + TOP_MATTER;
  const listTop = headerTop + HEADER_HEIGHT;
  const placed = model.columns.map((column, i) => placeColumn(column, i, listTop, rowLimit, input.topN));
  const cutShort = model.columns.some((c) => c.rows.length > rowLimit);
  const width = PAD * 2 + placed.length * COLUMN_WIDTH + (placed.length - 1) * GUTTER_WIDTH;
  const contentBottom = Math.max(...placed.map((p) => p.bottom));
  const footer = cutShort ? 28 : 0;
  const height = Math.ceil(contentBottom + footer + PAD);

  const query = `Query: ${input.queryText}`;
  const parts: string[] = [
    `<rect width="100%" height="100%" fill="${ink.background}"/>`,
    `<text class="query" x="${PAD}" y="${PAD + 16}" font-size="16" font-weight="600" fill="${ink.title}">${escapeXml(truncate(query, Math.floor((width - 2 * PAD) / 8.6)))}</text>`,
    legendSvg(PAD, PAD + 38),
  ];
  for (const p of placed) {
    parts.push(`<g class="column">${headerSvg(p.column, p.left, headerTop)}`);
    parts.push(p.column.hasList ? rowsSvg(p.rows, p.left) : placeholderSvg(p, listTop));
    if (p.cutTop !== null) parts.push(cutSvg(p.left, p.cutTop, input.topN));
    parts.push('</g>');
  }
  parts.push(linesSvg(placed, model.gutters));
  if (cutShort) {
    parts.push(`<text x="${PAD}" y="${px(contentBottom + 20)}" font-size="12" fill="${ink.muted}">The first ${rowLimit} rows of each column, as the page shows before "Show more".</text>`);
  }
  const label = escapeXml(`Rankings for the query ${input.queryText}`);
  const svg =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${label}" font-family="${SANS}">` +
    `<title>${label}</title>${parts.join('')}</svg>\n`;
  return { svg, width, height, cutShort };
}
