/**
 * One column of the exported drawing: its header and its rows (rank, id, move badge, two lines of text,
 * the score and its bar), laid out like features/rankings/RankingRow.tsx at a fixed row height.
 */
import { formatRankMove } from '../ranking';
import type { ExportColumn, ExportRow } from './comparisonModel';
import { badgeColours, barFill, ink, MONO } from './svgPalette';
import { clampLines, escapeXml, truncate } from './svgText';

export const COLUMN_WIDTH = 360;
export const ROW_HEIGHT = 72;
export const CUT_HEIGHT = 24;
/** Room for the title, the score name and a "not scored yet" note, so that every list starts level. */
export const HEADER_HEIGHT = 58;

const RANK_WIDTH = 36;
const SCORE_WIDTH = 104;
const GAP = 8;
const MAIN_WIDTH = COLUMN_WIDTH - RANK_WIDTH - SCORE_WIDTH - 2 * GAP;
/** Average advance of a character: 12 px monospace, and 14 px sans-serif text. */
const MONO_CHAR = 7.3;
const SANS_CHAR = 6.9;
const TEXT_CHARS = Math.floor(MAIN_WIDTH / SANS_CHAR);

export const px = (n: number): string => String(Math.round(n * 10) / 10);

export interface PlacedRow {
  row: ExportRow;
  top: number;
}

function badgeOf(row: ExportRow): { label: string; kind: keyof typeof badgeColours } | null {
  if (!row.move) return null;
  if (row.move.kind === 'not reranked') return { label: 'not reranked', kind: 'not reranked' };
  return { label: formatRankMove(row.move).text, kind: row.move.kind };
}

function badge(x: number, y: number, label: string, fill: string, text: string, className: string): { svg: string; width: number } {
  const width = Array.from(label).length * MONO_CHAR + 10;
  const svg =
    `<g class="${className}"><rect x="${px(x)}" y="${px(y - 12)}" width="${px(width)}" height="16" rx="4" fill="${fill}"/>` +
    `<text x="${px(x + 5)}" y="${px(y)}" font-family="${MONO}" font-size="12" font-weight="600" fill="${text}">${escapeXml(label)}</text></g>`;
  return { svg, width };
}

function rowSvg({ row, top }: PlacedRow, left: number): string {
  const mainX = left + RANK_WIDTH + GAP;
  const firstLine = top + 20;
  const parts: string[] = [];
  parts.push(`<text x="${px(left + RANK_WIDTH)}" y="${px(firstLine)}" text-anchor="end" font-family="${MONO}" font-size="14" fill="${ink.muted}">${row.rank}</text>`);

  // The badges after the id; the id gives up room first, as on screen (truncate, with its full value kept in <title>).
  const moveBadge = badgeOf(row);
  const badgeLabels = [moveBadge?.label, row.truncated ? 'truncated' : undefined].filter((l): l is string => l !== undefined);
  const badgesWidth = badgeLabels.reduce((sum, l) => sum + Array.from(l).length * MONO_CHAR + 10 + GAP, 0);
  const idChars = Math.max(4, Math.floor((MAIN_WIDTH - badgesWidth) / MONO_CHAR));
  const id = truncate(row.id, idChars);
  parts.push(
    `<text class="doc-id" x="${px(mainX)}" y="${px(firstLine)}" font-family="${MONO}" font-size="12" font-weight="600" fill="${ink.title}">` +
      `<title>${escapeXml(row.id)}</title>${escapeXml(id)}</text>`,
  );
  let badgeX = mainX + Array.from(id).length * MONO_CHAR + GAP;
  if (moveBadge) {
    const colours = badgeColours[moveBadge.kind];
    const drawn = badge(badgeX, firstLine, moveBadge.label, colours.fill, colours.text, `move-badge move-${moveBadge.kind.replace(' ', '-')}`);
    parts.push(drawn.svg);
    badgeX += drawn.width + GAP;
  }
  if (row.truncated) parts.push(badge(badgeX, firstLine, 'truncated', ink.truncatedFill, ink.cutText, 'truncated-badge').svg);

  clampLines(row.text, TEXT_CHARS, 2).forEach((line, i) => {
    parts.push(`<text class="doc-text" x="${px(mainX)}" y="${px(firstLine + 20 + i * 19)}" font-size="14" fill="${ink.text}">${escapeXml(line)}</text>`);
  });

  const right = left + COLUMN_WIDTH;
  parts.push(`<text class="score" x="${px(right)}" y="${px(firstLine)}" text-anchor="end" font-family="${MONO}" font-size="14" fill="${ink.title}">${escapeXml(row.shownScore)}</text>`);
  const barX = right - SCORE_WIDTH;
  const barY = firstLine + 8;
  parts.push(`<rect x="${px(barX)}" y="${px(barY)}" width="${SCORE_WIDTH}" height="6" rx="3" fill="${ink.barTrack}"/>`);
  // Rounded to whole percent, as components/ScoreBar.tsx does.
  const barWidth = (Math.round(Math.min(1, Math.max(0, row.fraction)) * 100) / 100) * SCORE_WIDTH;
  if (barWidth > 0) parts.push(`<rect class="score-bar" x="${px(barX)}" y="${px(barY)}" width="${px(barWidth)}" height="6" rx="3" fill="${barFill[row.tone]}"/>`);
  parts.push(`<line x1="${px(left)}" y1="${px(top + ROW_HEIGHT)}" x2="${px(right)}" y2="${px(top + ROW_HEIGHT)}" stroke="${ink.rule}"/>`);
  return `<g class="row" data-doc-id="${escapeXml(row.id)}">${parts.join('')}</g>`;
}

/** The dashed line below which the reranker never looks, as in the first stage on screen. */
export function cutSvg(left: number, top: number, topN: number): string {
  const y = top + CUT_HEIGHT / 2;
  const label = `top-${topN} cut · the reranker never sees what is below`;
  const mid = left + COLUMN_WIDTH / 2;
  const half = (label.length * 6.2) / 2 + 6;
  const dash = `stroke="${ink.cut}" stroke-width="2" stroke-dasharray="6 4"`;
  return (
    `<g class="top-n-cut"><line x1="${px(left)}" y1="${px(y)}" x2="${px(mid - half)}" y2="${px(y)}" ${dash}/>` +
    `<line x1="${px(mid + half)}" y1="${px(y)}" x2="${px(left + COLUMN_WIDTH)}" y2="${px(y)}" ${dash}/>` +
    `<text x="${px(mid)}" y="${px(y + 4)}" text-anchor="middle" font-size="12" font-weight="500" fill="${ink.cutText}">${escapeXml(label)}</text></g>`
  );
}

export function headerSvg(column: ExportColumn, left: number, top: number): string {
  const title = truncate(column.title, Math.floor(COLUMN_WIDTH / 7.6));
  const parts = [
    `<text class="column-title" x="${px(left)}" y="${px(top + 14)}" font-size="14" font-weight="600" fill="${ink.title}"><title>${escapeXml(column.title)}</title>${escapeXml(title)}</text>`,
    `<text x="${px(left)}" y="${px(top + 32)}" font-size="12" fill="${ink.muted}">${escapeXml(column.scoreName)}</text>`,
  ];
  if (column.pending > 0) {
    parts.push(`<text x="${px(left)}" y="${px(top + 48)}" font-size="12" fill="${ink.cutText}">${column.pending} not scored yet: left out</text>`);
  }
  return parts.join('');
}

export function rowsSvg(rows: readonly PlacedRow[], left: number): string {
  return rows.map((placed) => rowSvg(placed, left)).join('');
}
