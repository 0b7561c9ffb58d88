/**
 * Cuts a text into runs that each carry the set of highlights covering them, so that overlapping highlights
 * (a query term inside split mode's winning window, say) render as nested styles without any HTML.
 */

/** 'term': a word that matches a query term. 'window': the window of a long document that scored best. */
export type HighlightKind = 'term' | 'window';

/** A highlighted span in UTF-16 code units, end exclusive. */
export interface HighlightRange {
  start: number;
  end: number;
  kind: HighlightKind;
}

export interface TextSegment {
  start: number;
  end: number;
  /** The kinds covering this run, each once, in `kindOrder`; empty for plain text. */
  kinds: readonly HighlightKind[];
}

/** A fixed order, so that equal sets compare equal and styles stack the same way everywhere. */
export const kindOrder: readonly HighlightKind[] = ['window', 'term'];

/**
 * The runs of a text of `textLength` code units: they cover 0..textLength in order, without gaps, and two
 * neighbours never carry the same kinds. Ranges are clamped to the text; empty, reversed or non-finite ones are
 * ignored.
 */
export function highlightSegments(textLength: number, ranges: readonly HighlightRange[]): TextSegment[] {
  const length = Math.max(0, Math.floor(textLength));
  if (length === 0) return [];
  // A sweep over the ends of the ranges: +1 where one opens, -1 where it closes, counted per kind.
  const events: { at: number; kind: HighlightKind; delta: 1 | -1 }[] = [];
  for (const range of ranges) {
    if (!Number.isFinite(range.start) || !Number.isFinite(range.end)) continue;
    const start = Math.min(length, Math.max(0, Math.floor(range.start)));
    const end = Math.min(length, Math.max(0, Math.floor(range.end)));
    if (end <= start) continue;
    events.push({ at: start, kind: range.kind, delta: 1 }, { at: end, kind: range.kind, delta: -1 });
  }
  events.sort((a, b) => a.at - b.at);
  const open = new Map<HighlightKind, number>(kindOrder.map((kind) => [kind, 0]));
  const segments: TextSegment[] = [];
  const push = (start: number, end: number) => {
    if (end <= start) return;
    const kinds = kindOrder.filter((kind) => (open.get(kind) ?? 0) > 0);
    const last = segments[segments.length - 1];
    if (last && sameKinds(last.kinds, kinds)) last.end = end;
    else segments.push({ start, end, kinds });
  };
  let position = 0;
  for (const event of events) {
    push(position, event.at);
    position = Math.max(position, event.at);
    open.set(event.kind, (open.get(event.kind) ?? 0) + event.delta);
  }
  push(position, length);
  return segments;
}

function sameKinds(a: readonly HighlightKind[], b: readonly HighlightKind[]): boolean {
  return a.length === b.length && a.every((kind, i) => kind === b[i]);
}
