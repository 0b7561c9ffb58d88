import { useAppStore } from '../../store';
import { selectActiveSetQuery } from '../../store/activeQuery';
import { useVisibleQueryOrder } from './queryListState';

/** The open query of a set, with previous and next in the list's order (as sorted and filtered). */
export function QueryNavigator() {
  const query = useAppStore(selectActiveSetQuery);
  const step = useAppStore((s) => s.stepQuery);
  const order = useVisibleQueryOrder();
  if (!query) return null;
  const at = order.indexOf(query.id);
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-md bg-slate-50 px-3 py-2" data-testid="query-navigator">
      <button type="button" onClick={() => step(-1, order)} disabled={order.length < 2} className="rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-800 hover:bg-slate-50 disabled:opacity-50" aria-label="Previous query">
        ← Previous
      </button>
      <p className="min-w-0 flex-1 text-sm text-slate-900">
        <span className="font-mono text-xs text-slate-700">
          {query.id}
          {at >= 0 && ` · ${at + 1} of ${order.length}`}
        </span>{' '}
        <span data-testid="open-query-text" className="font-medium">
          {query.text || '(empty query)'}
        </span>
      </p>
      <button type="button" onClick={() => step(1, order)} disabled={order.length < 2} className="rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-800 hover:bg-slate-50 disabled:opacity-50" aria-label="Next query">
        Next →
      </button>
    </div>
  );
}
