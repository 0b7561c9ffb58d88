import { useEffect, useRef } from 'react';
import { useAppStore } from '../../store';
import { leavePresenting, takeFocusAfterLeaving } from './leavePresenting';

/**
 * Enters presenter mode (in the page's header) or leaves it (in the presenter's bar). Presenter mode can also be
 * opened with `#present` or `?present=1` in the address, and left with Esc.
 */
export function PresenterToggle({ className = '' }: { className?: string }) {
  const presenting = useAppStore((s) => s.presenting);
  const start = useAppStore((s) => s.startPresenting);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!presenting && takeFocusAfterLeaving()) button.current?.focus();
  }, [presenting]);
  const look = presenting
    ? 'border-slate-400 bg-white text-slate-900 hover:bg-slate-100'
    : 'border-indigo-300 bg-indigo-50 text-indigo-900 hover:bg-indigo-100';
  return (
    <button
      ref={button}
      type="button"
      onClick={presenting ? leavePresenting : start}
      aria-keyshortcuts={presenting ? 'Escape' : undefined}
      title={presenting ? 'Back to the full page (Esc)' : 'Big text for a projector; step through with → and ←, Esc leaves'}
      className={`rounded border px-3 py-1 text-sm font-medium ${look} ${className}`}
    >
      {presenting ? 'Leave presenter mode' : 'Present'}
    </button>
  );
}
