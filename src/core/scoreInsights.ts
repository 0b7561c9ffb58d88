/**
 * What a column's scores are worth: the same numbers on another scale (raw, sigmoid, min-max), documents that look
 * tied on screen though their raw scores differ, and a one-line summary for people and screen readers.
 * The order never comes from these: it always comes from the raw scores.
 */
import { displayScore, sigmoid, type ScoreDisplay } from './scoreDisplay';
import type { ScoreKind } from './types';

/**
 * The transform a scale really applies to scores of this kind, or null when it means nothing for them.
 * Only a logit has a sigmoid; a relevance score already within 0..1 (Cohere's, an LLM's P(yes)) sits on that scale as given.
 */
export function transformFor(kind: ScoreKind, scale: ScoreDisplay, scores: readonly number[]): ScoreDisplay | null {
  if (scale !== 'sigmoid' || kind === 'raw logit') return scale;
  if ((kind === 'relevance score' || kind === 'P(yes)') && scores.every((s) => !Number.isFinite(s) || (s >= 0 && s <= 1))) return 'raw';
  return null;
}

export type ScaledScores =
  | { ok: true; transform: ScoreDisplay; values: number[]; note: string | null }
  | { ok: false; reason: string };

/** The lowest and highest finite score, or null when there is none. */
export function finiteRange(scores: readonly number[]): { min: number; max: number } | null {
  let min = Infinity;
  let max = -Infinity;
  for (const s of scores) {
    if (!Number.isFinite(s)) continue;
    if (s < min) min = s;
    if (s > max) max = s;
  }
  return min <= max ? { min, max } : null;
}

/** `values[i]` is `scores[i]` on the scale; NaN and infinities stay as they are (the sanity checks name them). */
export function scaleScores(scores: readonly number[], kind: ScoreKind, scale: ScoreDisplay): ScaledScores {
  const transform = transformFor(kind, scale, scores);
  if (transform === null) return { ok: false, reason: `${kind} is not a logit, so it has no sigmoid.` };
  const range = finiteRange(scores) ?? { min: 0, max: 0 };
  const values = scores.map((s) => displayScore(s, transform, range.min, range.max));
  const note = scale === 'sigmoid' && transform === 'raw' ? 'already between 0 and 1, shown as the server sent it' : null;
  return { ok: true, transform, values, note };
}

/** Documents that show the same number although their raw scores differ. */
export interface DisplayTie {
  /** The text every one of them shows. */
  shown: string;
  /** Their positions in the raw scores, highest raw score first. */
  indices: number[];
  rawMin: number;
  rawMax: number;
  /** How many different raw scores hide behind the one shown number. */
  distinctRaw: number;
  /** 'saturation': sigmoid flattens scores near 0 or 1; 'rounding': the digits shown are too few. */
  cause: 'saturation' | 'rounding';
}

/** Sigmoid beyond this distance from 0 and 1 (|logit| > 4.6) is flat enough to call saturated. */
const SATURATED = 0.01;

/**
 * Groups of documents whose displayed scores are equal (as `format` writes them) though their raw scores differ.
 * Equal raw scores are real ties and are not flagged. Groups come in the column's order: highest raw score first.
 */
export function displayTies(rawScores: readonly number[], display: ScoreDisplay, format: (shown: number) => string): DisplayTie[] {
  const range = finiteRange(rawScores);
  if (!range) return [];
  const byShown = new Map<string, number[]>();
  rawScores.forEach((raw, i) => {
    if (!Number.isFinite(raw)) return;
    const shown = format(displayScore(raw, display, range.min, range.max));
    const group = byShown.get(shown);
    if (group) group.push(i);
    else byShown.set(shown, [i]);
  });
  const ties: DisplayTie[] = [];
  for (const [shown, members] of byShown) {
    const raws = members.map((i) => rawScores[i] as number);
    const distinctRaw = new Set(raws).size;
    if (distinctRaw < 2) continue;
    members.sort((a, b) => (rawScores[b] as number) - (rawScores[a] as number) || a - b);
    const rawMax = rawScores[members[0] as number] as number;
    const rawMin = rawScores[members[members.length - 1] as number] as number;
    // Saturated: the whole group sits on one of sigmoid's flat ends.
    const saturated = display === 'sigmoid' && (sigmoid(rawMin) >= 1 - SATURATED || sigmoid(rawMax) <= SATURATED);
    ties.push({ shown, indices: members, rawMin, rawMax, distinctRaw, cause: saturated ? 'saturation' : 'rounding' });
  }
  return ties.sort((a, b) => b.rawMax - a.rawMax);
}

/** A number with up to 6 significant digits and a true minus sign: enough to tell rounded scores apart. */
export function plainNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  return String(Number(x.toPrecision(6))).replace('-', '−');
}

/** "sigmoid saturates: 6 documents show 1, though their raw logits run from 9 to 11." */
export function describeTie(tie: DisplayTie, scaleName: string, kind: ScoreKind): string {
  const count = `${tie.indices.length} documents show ${tie.shown.replace('-', '−')}`;
  const raws = `their ${kind}s run from ${plainNumber(tie.rawMin)} to ${plainNumber(tie.rawMax)}`;
  if (tie.cause === 'saturation') return `sigmoid saturates: ${count}, though ${raws}.`;
  return `${count} on the ${scaleName} scale, though ${raws}: the digits shown are too few to tell them apart.`;
}

export interface ScoreSummary {
  /** Finite scores only. */
  count: number;
  /** NaN and infinite scores, left out of the rest. */
  nonFinite: number;
  min: number;
  max: number;
  median: number;
}

/** Count, range and median of the finite scores (NaN when none is finite); null when there are no scores. */
export function summarizeScores(values: readonly number[]): ScoreSummary | null {
  if (values.length === 0) return null;
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  const count = finite.length;
  if (count === 0) return { count, nonFinite: values.length, min: Number.NaN, max: Number.NaN, median: Number.NaN };
  const middle = Math.floor(count / 2);
  const median = count % 2 === 1 ? (finite[middle] as number) : ((finite[middle - 1] as number) + (finite[middle] as number)) / 2;
  return { count, nonFinite: values.length - count, min: finite[0] as number, max: finite[count - 1] as number, median };
}

/** "12 scores from −3.1 to 5.9, median 1.2": the plot's summary for a screen reader. */
export function describeSummary(summary: ScoreSummary | null, format: (x: number) => string): string {
  if (!summary) return 'No scores yet';
  const f = (x: number) => format(x).replace('-', '−');
  const bad = summary.nonFinite > 0 ? `; ${summary.nonFinite} not a finite number` : '';
  if (summary.count === 0) return `No finite scores${bad}`;
  if (summary.count === 1) return `1 score: ${f(summary.min)}${bad}`;
  const spread = summary.min === summary.max ? `, all ${f(summary.min)}` : ` from ${f(summary.min)} to ${f(summary.max)}, median ${f(summary.median)}`;
  return `${summary.count} scores${spread}${bad}`;
}
