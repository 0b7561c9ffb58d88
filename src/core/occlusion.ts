/**
 * Leave-one-out occlusion: why a cross-encoder gave a document its score. The document is split into units
 * (words; sentences for long documents), each unit is removed in turn, and the variants are scored with the
 * original. A unit's effect is the original's score minus the variant's: positive when the unit raised the score.
 * Pure: the scoring itself is the column's reranker (store/whyActions.ts).
 */

/** Up to this many words a document is occluded word by word; past it, sentence by sentence. */
export const MAX_WORD_UNITS = 300;
/** A sentence longer than this (text without full stops) is cut into windows of this many words. */
export const MAX_WORDS_PER_SENTENCE = 40;

export type UnitKind = 'word' | 'sentence';

export interface TextUnit {
  /** Position among the units, 0-based. */
  index: number;
  /** Character offsets into the text: text.slice(start, end) is the unit. */
  start: number;
  end: number;
  text: string;
}

export interface OcclusionPlan {
  kind: UnitKind;
  units: TextUnit[];
  /** What the reranker scores: the original text first, then one variant per unit (unit i at i + 1). */
  docs: string[];
}

export interface UnitEffect extends TextUnit {
  /** Original score minus the score without this unit, in the reranker's units (raw logit): > 0 raised it. */
  effect: number;
  /** effect / the largest |effect| of the document, in -1..1 (0 when every effect is 0): the heat map's input. */
  normalized: number;
}

export interface OcclusionResult {
  kind: UnitKind;
  /** The original text's score, from the same run as the variants. */
  base: number;
  effects: UnitEffect[];
}

const WORD_CHUNK = /\S+/gu;
/** Letters, digits and combining marks: what is left of a chunk once its edge punctuation is trimmed. */
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;

/**
 * Words with their offsets: runs of non-space characters, without leading or trailing punctuation ("Paris," is
 * "Paris", "(AI)" is "AI"; "don't" and "state-of-the-art" stay whole). A chunk of punctuation only is no word.
 */
export function splitWords(text: string): TextUnit[] {
  const units: TextUnit[] = [];
  for (const match of text.matchAll(WORD_CHUNK)) {
    const chunk = match[0];
    const chars = Array.from(chunk);
    let first = 0;
    let last = chars.length - 1;
    while (first <= last && !WORD_CHARACTER.test(chars[first] ?? '')) first++;
    while (last >= first && !WORD_CHARACTER.test(chars[last] ?? '')) last--;
    if (first > last) continue;
    const lead = chars.slice(0, first).join('').length;
    const word = chars.slice(first, last + 1).join('');
    const start = match.index + lead;
    units.push({ index: units.length, start, end: start + word.length, text: word });
  }
  return units;
}

/**
 * Sentences with their offsets: a sentence ends after . ! ? or … followed by a space or the end, and at a line
 * break. Abbreviations ("e.g. this") end a sentence too: occlusion only needs pieces, not grammar.
 * A sentence over MAX_WORDS_PER_SENTENCE words is cut into windows of that many words.
 */
export function splitSentences(text: string): TextUnit[] {
  const pieces: { start: number; end: number }[] = [];
  const boundary = /[.!?…]+["'”’)\]]*(?=\s|$)|\r\n|\n|\r/gu;
  let from = 0;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + (match[0].includes('\n') || match[0].includes('\r') ? 0 : match[0].length);
    pieces.push({ start: from, end });
    from = match.index + match[0].length;
  }
  pieces.push({ start: from, end: text.length });
  const units: TextUnit[] = [];
  for (const piece of pieces) {
    const words = splitWords(text.slice(piece.start, piece.end));
    for (let w = 0; w < words.length; w += MAX_WORDS_PER_SENTENCE) {
      const window = words.slice(w, w + MAX_WORDS_PER_SENTENCE);
      const firstWord = window[0];
      const lastWord = window[window.length - 1];
      if (!firstWord || !lastWord) continue;
      // A whole sentence keeps its closing punctuation; a window of a long one ends at its last word.
      const isWhole = w === 0 && w + MAX_WORDS_PER_SENTENCE >= words.length;
      const start = piece.start + firstWord.start;
      const end = isWhole ? piece.start + text.slice(piece.start, piece.end).trimEnd().length : piece.start + lastWord.end;
      units.push({ index: units.length, start, end, text: text.slice(start, end) });
    }
  }
  return units;
}

/** The text without one unit; the space before or after it goes too, so no double space is left. */
export function withoutUnit(text: string, unit: Pick<TextUnit, 'start' | 'end'>): string {
  const before = text.slice(0, unit.start);
  const after = text.slice(unit.end);
  const spaceBefore = before.length === 0 || /\s$/u.test(before);
  if (spaceBefore && /^\s/u.test(after)) return before + after.replace(/^\s+/u, '');
  return before + after;
}

/** Splits the text (words up to MAX_WORD_UNITS words, sentences past it) and builds the texts to score. */
export function planOcclusion(text: string): OcclusionPlan {
  const words = splitWords(text);
  const kind: UnitKind = words.length > MAX_WORD_UNITS ? 'sentence' : 'word';
  const units = kind === 'word' ? words : splitSentences(text);
  return { kind, units, docs: [text, ...units.map((unit) => withoutUnit(text, unit))] };
}

/** Effects from the scores of plan.docs, in the same order: scores[0] is the original. */
export function occlusionEffects(plan: Pick<OcclusionPlan, 'kind' | 'units'>, scores: readonly number[]): OcclusionResult {
  if (scores.length !== plan.units.length + 1) {
    throw new Error(`occlusionEffects (src/core/occlusion.ts): expected ${plan.units.length + 1} scores (the original and one per unit), got ${scores.length}.`);
  }
  const base = scores[0] ?? Number.NaN;
  const raw = plan.units.map((_unit, i) => base - (scores[i + 1] ?? Number.NaN));
  const largest = raw.reduce((max, effect) => (Number.isFinite(effect) ? Math.max(max, Math.abs(effect)) : max), 0);
  const effects = plan.units.map((unit, i) => {
    const effect = raw[i] ?? Number.NaN;
    return { ...unit, effect, normalized: largest > 0 && Number.isFinite(effect) ? effect / largest : 0 };
  });
  return { kind: plan.kind, base, effects };
}

/**
 * The k units that moved the score most (largest |effect| first; ties by position). Units with no effect
 * (exactly 0, or not a number) are left out: they explain nothing.
 */
export function topEffects(effects: readonly UnitEffect[], k: number): UnitEffect[] {
  return effects
    .filter((e) => Number.isFinite(e.effect) && e.effect !== 0)
    .sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect) || a.index - b.index)
    .slice(0, Math.max(0, k));
}

export interface TextPiece {
  text: string;
  /** The unit this piece is, or null for the text between units (spaces, punctuation). */
  effect: UnitEffect | null;
}

/** The whole text cut into units and the gaps between them, in order: what the heat map draws. */
export function heatPieces(text: string, effects: readonly UnitEffect[]): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const unit of [...effects].sort((a, b) => a.start - b.start)) {
    if (unit.start < at) continue; // overlapping units cannot happen from the splitters; skip rather than garble
    if (unit.start > at) pieces.push({ text: text.slice(at, unit.start), effect: null });
    pieces.push({ text: text.slice(unit.start, unit.end), effect: unit });
    at = unit.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), effect: null });
  return pieces;
}
