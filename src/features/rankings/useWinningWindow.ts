import { useMemo } from 'react';
import type { HighlightRange } from '../../core/highlightSegments';
import type { DocumentDetails } from '../../rerankers/local/protocol';

const none: readonly HighlightRange[] = [];

/** The window that decided a split document's score, as a highlight; none when the document was one window. */
export function useWinningWindow(details: DocumentDetails | undefined): readonly HighlightRange[] {
  const windows = details?.windows;
  const winner = windows && windows.length > 1 && details.winner !== undefined ? windows[details.winner] : undefined;
  const start = winner?.charStart;
  const end = winner?.charEnd;
  return useMemo(() => (start === undefined || end === undefined ? none : [{ start, end, kind: 'window' as const }]), [start, end]);
}
