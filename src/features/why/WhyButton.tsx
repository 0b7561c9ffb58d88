import { useContext, useRef, useState } from 'react';
import { useAppStore, type AppState } from '../../store';
import { columnTitle, runFor } from '../../store/columns';
import { selectActiveQuery } from '../../store/selectors';
import { RowColumnContext } from '../rankings/useRowDetails';
import { WhyDialog } from './WhyDialog';
import { runWhy } from './WhyPanel';

/**
 * The row's column when it is a local model, else null. Without the column context (RerankedColumn should
 * provide it) a row can still tell when exactly one column scored its document: then the row is that column's.
 */
function localColumnOf(s: AppState, contextId: string | null, docId: string): { id: string; title: string } | null {
  const key = selectActiveQuery(s).key;
  const candidates = contextId !== null ? s.columns.filter((c) => c.id === contextId) : s.columns.filter((c) => runFor(c, key).scores.has(docId));
  const column = candidates.length === 1 ? candidates[0] : undefined;
  return column?.config.kind === 'local' ? { id: column.id, title: columnTitle(column.config) } : null;
}

/** "Why this score?" on a reranked row of a local-model column: opens the occlusion dialog and starts it. */
export function WhyButton({ docId }: { docId: string }) {
  const contextId = useContext(RowColumnContext);
  const columnId = useAppStore((s) => localColumnOf(s, contextId, docId)?.id ?? null);
  const title = useAppStore((s) => localColumnOf(s, contextId, docId)?.title ?? null);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  if (columnId === null || title === null) return null;
  const openDialog = () => {
    setOpen(true);
    void runWhy(columnId, docId, true);
  };
  const close = () => {
    setOpen(false);
    button.current?.focus(); // back to where the person was
  };
  return (
    <>
      <button ref={button} type="button" className="whitespace-nowrap text-xs text-indigo-700 underline" aria-haspopup="dialog" onClick={openDialog}>
        Why this score?<span className="sr-only"> of {docId}</span>
      </button>
      {open && <WhyDialog columnId={columnId} docId={docId} columnTitle={title} onClose={close} />}
    </>
  );
}
