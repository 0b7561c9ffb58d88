import { useDeferredValue, useMemo } from 'react';
import { rankLinesBetween, type LineMove, type ListBox, type RankLine } from '../../core/rankLines';
import { useGutterMoves } from './gutterMoves';
import { selectHighlightedId, useLinkedHover } from './linkedHover';

// Literal class names, so that Tailwind finds them. The same hues as the rank-move badges.
const strokeClass: Record<LineMove, string> = {
  up: 'stroke-emerald-500',
  down: 'stroke-rose-500',
  same: 'stroke-slate-400',
  'not-reranked': 'stroke-slate-300',
};

interface DrawnLine extends RankLine {
  /** The gutter: between column `gutter` and column `gutter + 1` (the first stage is column 0). */
  gutter: number;
}

/**
 * The lines that join each document's rows across every gutter. Decoration only: hidden from screen
 * readers (the rank-move badge says the same in words) and transparent to the mouse.
 */
export function RankLines({ boxes }: { boxes: readonly (ListBox | null)[] }) {
  // The moves change with every keypress in Query and every streamed update: colours and widths follow a
  // step behind, in a render that does not hold up the keypress (positions follow `boxes` at once).
  const gutters = useDeferredValue(useGutterMoves());
  const highlightedId = useLinkedHover(selectHighlightedId);
  const lines = useMemo<DrawnLine[]>(
    () =>
      gutters.flatMap(({ moves, maxMove }, gutter) => {
        const left = boxes[gutter];
        const right = boxes[gutter + 1];
        return left && right ? rankLinesBetween(left, right, moves, maxMove).map((line) => ({ ...line, gutter })) : [];
      }),
    [gutters, boxes],
  );
  const width = Math.max(0, ...boxes.map((b) => b?.right ?? 0));
  const height = Math.max(0, ...boxes.flatMap((b) => b?.rows.map((r) => r.top + r.height) ?? []));
  // The highlighted lines last, so that they are drawn over the others.
  const ordered = highlightedId ? [...lines.filter((l) => l.docId !== highlightedId), ...lines.filter((l) => l.docId === highlightedId)] : lines;
  return (
    <svg aria-hidden="true" focusable="false" data-testid="rank-lines" width={width} height={height} className="pointer-events-none absolute top-0 left-0 overflow-visible">
      {ordered.map((line) => {
        const highlighted = line.docId === highlightedId;
        return (
          <path
            key={`${line.gutter}:${line.docId}`}
            data-testid="rank-line"
            data-doc-id={line.docId}
            data-move={line.move}
            data-gutter={`${line.gutter}-${line.gutter + 1}`}
            data-highlighted={highlighted ? 'true' : undefined}
            d={line.path}
            fill="none"
            className={strokeClass[line.move]}
            strokeWidth={highlighted ? line.width + 1.5 : line.width}
            strokeDasharray={line.dashed ? '4 3' : undefined}
            strokeLinecap="round"
            strokeOpacity={highlightedId === null ? 0.8 : highlighted ? 1 : 0.15}
          />
        );
      })}
    </svg>
  );
}
