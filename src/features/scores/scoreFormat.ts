/** How the score views write numbers: as the columns do, so a tie seen here is a tie seen in the column. */
import type { ScoreDisplay } from '../../core/scoreDisplay';
import type { ScoreKind } from '../../core/types';
import { formatScore } from '../rankings/formatScore';

/** A transformed score is written like a relevance score (4 decimals), as RerankedColumn writes it. */
export function shownKindFor(kind: ScoreKind, transform: ScoreDisplay): ScoreKind {
  return transform === 'raw' ? kind : 'relevance score';
}

export function formatterFor(kind: ScoreKind, transform: ScoreDisplay): (x: number) => string {
  const shownKind = shownKindFor(kind, transform);
  return (x) => formatScore(x, shownKind);
}

/** The scale's name next to its numbers: a raw score is named by its kind ("raw logit", "BM25"). */
export function scaleName(kind: ScoreKind, scale: ScoreDisplay): string {
  if (scale === 'raw') return kind;
  return scale === 'sigmoid' ? 'sigmoid' : 'min-max';
}

export const scaleButtonLabels: Record<ScoreDisplay, string> = { raw: 'raw', sigmoid: 'sigmoid', minmax: 'min-max' };
