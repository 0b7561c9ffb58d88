import { Notice } from '../../components/Notice';
import { ProgressBar } from '../../components/ProgressBar';
import { useAppStore } from '../../store';
import type { RerankAllProgress } from '../../store/rerankAll';

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} min ${Math.round(seconds % 60)} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function rateLine(p: RerankAllProgress): string {
  const perSecond = p.freshMs > 0 ? p.freshPairs / (p.freshMs / 1000) : null;
  const left = p.pairsTotal - p.pairsDone;
  const eta = perSecond ? formatDuration(left / perSecond) : '—';
  return `${perSecond ? `${perSecond.toFixed(1)} pairs/s` : 'measuring speed'}${p.status === 'running' ? ` · about ${eta} left` : ''}`;
}

/** One action over the whole set, with progress over queries and pairs, cancel, and resume. */
export function RerankAllBar() {
  const progress = useAppStore((s) => s.rerankAll);
  const running = useAppStore((s) => s.running);
  const rerankAll = useAppStore((s) => s.rerankAllQueries);
  const cancel = useAppStore((s) => s.cancelRerank);
  const resumable = progress !== null && (progress.status === 'cancelled' || progress.status === 'error') && progress.pairsDone < progress.pairsTotal;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          // aria-disabled, not disabled: a disabled button drops keyboard focus to <body> mid-run.
          onClick={() => {
            if (!running) void rerankAll();
          }}
          aria-disabled={running}
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow hover:bg-indigo-700 aria-disabled:cursor-not-allowed aria-disabled:bg-indigo-400"
        >
          {running && progress?.status === 'running' ? 'Reranking all…' : resumable ? 'Resume rerank all' : 'Rerank all queries'}
        </button>
        {running && (
          <button type="button" onClick={cancel} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-800 hover:bg-slate-50">
            Cancel
          </button>
        )}
      </div>
      {progress && (
        <div data-testid="rerank-all-progress" className="space-y-1 text-xs text-slate-700">
          <ProgressBar max={Math.max(1, progress.pairsTotal)} value={progress.pairsDone} label="pairs scored over the set" />
          <p className="tabular-nums">
            <span data-testid="rerank-all-counts">
              {progress.queriesDone.toLocaleString('en-US')} / {progress.queriesTotal.toLocaleString('en-US')} queries · {progress.pairsDone.toLocaleString('en-US')} /{' '}
              {progress.pairsTotal.toLocaleString('en-US')} pairs
            </span>{' '}
            · {rateLine(progress)}
            {progress.status === 'running' && progress.columnTitle && ` · ${progress.columnTitle}`}
          </p>
          {progress.status === 'done' && <p data-testid="rerank-all-done">Every query is scored in every column.</p>}
          {progress.status === 'cancelled' && <p>Cancelled. What was scored is kept; Resume goes on from there.</p>}
          {progress.message && <Notice tone={progress.status === 'error' ? 'error' : 'info'}>{progress.message}</Notice>}
        </div>
      )}
    </div>
  );
}
