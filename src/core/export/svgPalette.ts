/**
 * The screen's colours (Tailwind v4's palette, converted from its oklch values to sRGB hex so that any SVG
 * viewer reads them), named by what they show. The exported drawing uses the same hues as the app.
 */
import type { LineMove } from '../rankLines';
import type { RankMove } from '../ranking';
import type { RowTone } from './comparisonModel';

export const ink = {
  title: '#1d293d', // slate-800
  text: '#314158', // slate-700
  muted: '#62748e', // slate-500
  rule: '#f1f5f9', // slate-100
  barTrack: '#e2e8f0', // slate-200
  cut: '#ffb900', // amber-400
  cutText: '#973c00', // amber-800
  truncatedFill: '#fef3c6', // amber-100
  background: '#ffffff',
} as const;

/** Line strokes, as features/compare/RankLines.tsx (stroke-emerald-500, …). */
export const lineStroke: Record<LineMove, string> = {
  up: '#00bc7d', // emerald-500
  down: '#ff2056', // rose-500
  same: '#90a1b9', // slate-400
  'not-reranked': '#cad5e2', // slate-300
};

/** Score bars, as components/ScoreBar.tsx. */
export const barFill: Record<RowTone, string> = {
  first: '#00a6f4', // sky-500
  reranked: '#8e51ff', // violet-500
  muted: '#cad5e2', // slate-300
};

/** Rank-move badges, as features/rankings/RankMoveBadge.tsx: background, then text. */
export const badgeColours: Record<RankMove['kind'], { fill: string; text: string }> = {
  up: { fill: '#d0fae5', text: '#006045' }, // emerald-100, emerald-800
  down: { fill: '#ffe4e6', text: '#a50036' }, // rose-100, rose-800
  same: { fill: '#f1f5f9', text: '#45556c' }, // slate-100, slate-600
  'not reranked': { fill: '#f1f5f9', text: '#62748e' }, // slate-100, slate-500
  new: { fill: '#dff2fe', text: '#00598a' }, // sky-100, sky-800
};

export const SANS = 'ui-sans-serif, system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif';
export const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, Liberation Mono, monospace';
