import { useMemo, type FocusEvent } from 'react';
import { selectHighlightedId, useLinkedHover } from './linkedHover';

/**
 * Wires a row into the linked highlight: hovering it or focusing anything inside it highlights the
 * document everywhere. Each row subscribes to a yes/no, so a hover re-renders two rows, not all of them.
 */
export function useRowHighlight(docId: string) {
  const highlighted = useLinkedHover((s) => selectHighlightedId(s) === docId);
  const handlers = useMemo(() => {
    const { hover, unhover, focus, blur } = useLinkedHover.getState();
    return {
      onMouseEnter: () => hover(docId),
      onMouseLeave: () => unhover(docId),
      onFocus: () => focus(docId),
      onBlur: (e: FocusEvent<HTMLElement>) => {
        // Focus moving between controls of the same row keeps it highlighted.
        if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) blur(docId);
      },
    };
  }, [docId]);
  return { highlighted, handlers };
}
