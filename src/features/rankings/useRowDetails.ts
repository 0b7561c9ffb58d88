import { createContext, useContext } from 'react';
import { useAppStore, type AppState } from '../../store';
import { runFor } from '../../store/columns';
import { selectActiveQuery } from '../../store/selectors';
import type { DocumentDetails } from '../../rerankers/local/protocol';

/**
 * The column a row belongs to. RerankedColumn should provide it (`<RowColumnContext.Provider value={column.id}>`);
 * without it a row looks for the one column whose run on screen has details for its document.
 */
export const RowColumnContext = createContext<string | null>(null);

function detailsFor(s: AppState, columnId: string | null, docId: string): DocumentDetails | undefined {
  const key = selectActiveQuery(s).key;
  if (columnId !== null) {
    const column = s.columns.find((c) => c.id === columnId);
    return column ? runFor(column, key).details?.get(docId) : undefined;
  }
  const found = s.columns.map((c) => runFor(c, key).details?.get(docId)).filter((d) => d !== undefined);
  // Two columns with details for the same document: without the context a row cannot tell which is its own.
  return found.length === 1 ? found[0] : undefined;
}

/** A local run's token budget and windows for one document of the query on screen; undefined when there are none. */
export function useRowDetails(docId: string): DocumentDetails | undefined {
  const columnId = useContext(RowColumnContext);
  return useAppStore((s) => detailsFor(s, columnId, docId));
}
