import { useState } from 'react';
import { forgetPreviousWork, restorePreviousWork, useShareStore } from './openFlow';

const buttonClass = 'rounded border border-slate-300 bg-white px-2 py-1 text-xs text-slate-800 hover:bg-slate-50';

/** "Restore what was here": the work that a shared setup replaced, while it is kept. */
export function PreviousWork() {
  const previous = useShareStore((s) => s.previous);
  const [error, setError] = useState<string | null>(null);
  if (!previous) return null;
  const when = previous.savedAt > 0 ? new Date(previous.savedAt).toLocaleString() : 'earlier';
  return (
    <div className="space-y-1">
      <p className="text-xs text-slate-700">
        Your work from before a shared setup was opened ({when}) is kept{previous.inThisTabOnly ? ' in this tab only: this browser refused to store it, so restore it before you close the tab' : ''}.
      </p>
      <div className="flex flex-wrap gap-1.5">
        <button
          type="button"
          className={buttonClass}
          onClick={() =>
            void restorePreviousWork().then((r) => {
              setError(r.ok ? null : r.error.message);
            })
          }
        >
          Restore what was here
        </button>
        <button type="button" className={buttonClass} onClick={() => void forgetPreviousWork()}>
          Forget it
        </button>
      </div>
      {error && (
        <p role="alert" className="text-xs text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
