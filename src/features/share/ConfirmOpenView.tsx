import { useEffect, useRef } from 'react';

export interface ConfirmOpenViewProps {
  /** "the shared setup" or the file's name, as text. */
  what: string;
  /** What the setup holds (describeSetup), as text. */
  lines: readonly string[];
  onOpen: () => void;
  onKeep: () => void;
}

/**
 * The question before a link or file replaces the work on screen. Everything from the setup is rendered as
 * React text, never as HTML. Esc keeps the current work.
 */
export function ConfirmOpenView({ what, lines, onOpen, onKeep }: ConfirmOpenViewProps) {
  const openButton = useRef<HTMLButtonElement>(null);
  useEffect(() => openButton.current?.focus(), []);
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-4" onKeyDown={(e) => e.key === 'Escape' && onKeep()}>
      <div role="dialog" aria-modal="true" aria-labelledby="share-confirm-title" className="w-full max-w-lg space-y-3 rounded-lg bg-white p-4 shadow-xl">
        <h2 id="share-confirm-title" className="text-base font-semibold text-slate-900">
          Open {what}?
        </h2>
        <p className="text-sm text-slate-700">It replaces what is on screen. Your current work is kept and can be restored.</p>
        <ul className="list-disc space-y-0.5 break-words pl-5 text-sm text-slate-700">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <div className="flex flex-wrap justify-end gap-2">
          <button type="button" onClick={onKeep} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-50">
            Keep my work
          </button>
          <button ref={openButton} type="button" onClick={onOpen} className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700">
            Open it
          </button>
        </div>
      </div>
    </div>
  );
}
