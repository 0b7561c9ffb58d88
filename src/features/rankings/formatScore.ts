import type { ScoreKind } from '../../core/types';

/** Numbers shown with as many digits as their kind deserves. */
export function formatScore(score: number, kind: ScoreKind): string {
  if (!Number.isFinite(score)) return '—';
  if (kind === 'input order') return String(score);
  const abs = Math.abs(score);
  if (abs !== 0 && abs < 0.001) return score.toExponential(2);
  return score.toFixed(kind === 'BM25' || kind === 'raw logit' ? 3 : 4).replace(/(\.\d*?[1-9])0+$|\.0+$/, '$1');
}
