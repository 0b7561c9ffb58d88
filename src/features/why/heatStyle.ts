import type { CSSProperties } from 'react';

/** Below this share of the largest effect a unit is drawn neutral: no colour, no underline. */
const NEUTRAL_BELOW = 0.02;

/**
 * The heat map's look for one unit, from its normalized effect (-1..1). Warm (orange) raised the score and
 * has a solid underline; cool (blue) lowered it and has a dotted one, so the sign never rests on colour alone.
 * The text stays slate-900: on the strongest background (alpha 0.72 over white) its contrast is about 9:1.
 */
export function heatStyle(normalized: number): CSSProperties {
  const strength = Math.min(1, Math.abs(normalized));
  if (!Number.isFinite(normalized) || strength < NEUTRAL_BELOW) return {};
  const alpha = (0.12 + 0.6 * strength).toFixed(3);
  const raised = normalized > 0;
  return {
    backgroundColor: raised ? `rgba(251, 146, 60, ${alpha})` : `rgba(96, 165, 250, ${alpha})`,
    borderBottom: raised ? '2px solid #c2410c' : '2px dotted #1d4ed8',
  };
}

/** An effect in raw logit for people: sign always shown, a true minus sign, 3 decimals. */
export function formatEffect(effect: number): string {
  if (!Number.isFinite(effect)) return 'not a number';
  const rounded = effect.toFixed(3);
  if (Number(rounded) === 0) return '0.000';
  return effect > 0 ? `+${rounded}` : `\u2212${rounded.slice(1)}`;
}
