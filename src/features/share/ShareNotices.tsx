import { useShareStore } from './openFlow';
import { PreviousWork } from './PreviousWork';

/**
 * What opening a link or file did: its problem (nothing was changed), or that it opened, with the way back.
 * Fixed at the bottom of the window, so it is seen wherever the page is scrolled.
 */
export function ShareNotices() {
  const problem = useShareStore((s) => s.problem);
  const notice = useShareStore((s) => s.notice);
  if (!problem && !notice) return null;
  const dismiss = () => useShareStore.setState({ problem: null, notice: null });
  return (
    <div className="fixed inset-x-0 bottom-4 z-40 flex justify-center px-4">
      <div
        role={problem ? 'alert' : 'status'}
        className={`w-full max-w-xl space-y-2 rounded-md border px-3 py-2 text-sm shadow-lg ${problem ? 'border-red-300 bg-red-50 text-red-900' : 'border-sky-200 bg-sky-50 text-sky-900'}`}
      >
        <p className="break-words">{problem ?? notice}</p>
        {!problem && <PreviousWork />}
        <button type="button" onClick={dismiss} className="text-xs underline">
          Dismiss
        </button>
      </div>
    </div>
  );
}
