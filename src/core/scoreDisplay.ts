/**
 * How a reranker's scores can be shown. The order never changes: only the numbers do.
 * - raw: the model's logit, as it came out (the default for local cross-encoders);
 * - sigmoid: 1 / (1 + e^-x), squashed into 0..1, which looks like a probability but is not calibrated;
 * - minmax: (x - min) / (max - min) within this list, so 1 is the best here and 0 the worst here.
 */
export type ScoreDisplay = 'raw' | 'sigmoid' | 'minmax';

export const scoreDisplayLabels: Record<ScoreDisplay, string> = {
  raw: 'raw logit',
  sigmoid: 'sigmoid',
  minmax: 'min-max within this list',
};

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Transforms one score for display; `min` and `max` are the list's, for min-max. */
export function displayScore(score: number, mode: ScoreDisplay, min: number, max: number): number {
  if (!Number.isFinite(score)) return score;
  if (mode === 'sigmoid') return sigmoid(score);
  if (mode === 'minmax') return max === min ? 1 : (score - min) / (max - min);
  return score;
}
