import { useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { cancelWhy } from '../../store/whyActions';
import { WhyPanel } from './WhyPanel';

interface WhyDialogProps {
  columnId: string;
  docId: string;
  columnTitle: string;
  onClose: () => void;
}

/**
 * A modal dialog (the native <dialog>: the page behind is inert, Esc closes it, focus stays inside).
 * It lives in document.body, outside the row's off-screen skipping. Closing it stops a run in progress,
 * so the column's model is free again.
 */
export function WhyDialog({ columnId, docId, columnTitle, onClose }: WhyDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  const closed = () => {
    cancelWhy();
    onClose();
  };
  return createPortal(
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onClose={closed}
      data-testid="why-dialog"
      className="m-auto max-h-[92vh] w-[calc(100%-1rem)] max-w-6xl overflow-auto rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="sticky top-0 z-10 flex items-start justify-between gap-2 border-b border-slate-200 bg-white px-4 py-3">
        <div className="min-w-0">
          <h2 id={titleId} className="break-words text-base font-semibold">
            Why this score? <span className="font-mono">{docId}</span>
          </h2>
          <p id={descriptionId} className="text-xs text-slate-700">
            {columnTitle}: each word (each sentence, in a long text) is left out in turn and the text scored again: leave-one-out occlusion.
          </p>
        </div>
        <button type="button" onClick={() => dialog.current?.close()} className="rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-800 hover:bg-slate-50">
          Close
        </button>
      </div>
      <div className="px-4 py-3">
        <WhyPanel columnId={columnId} docId={docId} />
      </div>
    </dialog>,
    document.body,
  );
}
