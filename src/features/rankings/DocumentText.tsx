import { Fragment, memo, useMemo } from 'react';
import { highlightSegments, type HighlightKind, type HighlightRange } from '../../core/highlightSegments';

export type { HighlightKind, HighlightRange };

interface DocumentTextProps {
  text: string;
  /** Spans to mark, of any kinds; they may overlap. Offsets are UTF-16 code units, end exclusive. */
  ranges: readonly HighlightRange[];
}

/**
 * Each kind has a background and a mark that is not a colour, so it reads without colour vision too:
 * a query term is bold and underlined, a window has a dotted line under it. Text is slate-900 on every
 * background (amber-200: 14.5:1, sky-100: 16:1), well past WCAG AA.
 */
const kindStyles: Record<HighlightKind, string> = {
  window: 'border-b-2 border-dotted border-sky-700',
  term: 'font-semibold underline decoration-amber-800 decoration-2 underline-offset-2',
};

function classesFor(kinds: readonly HighlightKind[]): string {
  // The term's background wins where a term lies inside a window: it is the smaller, more specific mark.
  const background = kinds.includes('term') ? 'bg-amber-200' : 'bg-sky-100';
  return ['rounded-sm text-slate-900', background, ...kinds.map((kind) => kindStyles[kind])].join(' ');
}

/**
 * A document's text with highlighted spans, as text nodes and <mark> elements (never HTML from the text).
 * Place it inside the element that sets the text's size and wrapping.
 */
export const DocumentText = memo(function DocumentText({ text, ranges }: DocumentTextProps) {
  const segments = useMemo(() => (ranges.length === 0 ? null : highlightSegments(text.length, ranges)), [text, ranges]);
  if (!segments) return <>{text}</>;
  return (
    <>
      {segments.map((segment) => {
        const part = text.slice(segment.start, segment.end);
        return segment.kinds.length === 0 ? (
          <Fragment key={segment.start}>{part}</Fragment>
        ) : (
          <mark key={segment.start} data-highlight={segment.kinds.join(' ')} className={classesFor(segment.kinds)}>
            {part}
          </mark>
        );
      })}
    </>
  );
});
