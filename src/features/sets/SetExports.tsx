import { useState } from 'react';
import { useAppStore } from '../../store';
import { metricsCsvOf, qrelsFileOf, runFileOf } from '../../store/setExports';
import { selectRankers } from '../../store/setSelectors';
import { downloadText, fileSafe } from './download';

const buttonClass = 'rounded border border-slate-300 bg-white px-2 py-1 text-xs text-slate-800 hover:bg-slate-50';

/** Downloads for trec_eval and spreadsheets: a run per ranker, the qrels, and the per-query metrics. */
export function SetExports() {
  const rankers = useAppStore(selectRankers);
  const setName = useAppStore((s) => s.querySet?.name ?? 'set');
  const [warnings, setWarnings] = useState<string[]>([]);
  const run = (rankerId: string, name: string) => {
    const result = runFileOf(useAppStore.getState(), rankerId, fileSafe(name));
    setWarnings(result.warnings);
    downloadText(`${fileSafe(setName)}.${fileSafe(name)}.run`, result.text);
  };
  return (
    <div className="space-y-1">
      <p className="text-xs font-medium text-slate-800">Export</p>
      <div className="flex flex-wrap gap-1.5">
        {rankers.map((r) => (
          <button key={r.id} type="button" className={buttonClass} onClick={() => run(r.id, r.name.replace(/^(First stage|Reranked): /, ''))}>
            Run: {r.name}
          </button>
        ))}
        <button
          type="button"
          className={buttonClass}
          onClick={() => {
            const result = qrelsFileOf(useAppStore.getState());
            setWarnings(result.warnings);
            downloadText(`${fileSafe(setName)}.qrels`, result.text);
          }}
        >
          Qrels (all queries)
        </button>
        <button type="button" className={buttonClass} onClick={() => downloadText(`${fileSafe(setName)}.metrics.csv`, metricsCsvOf(useAppStore.getState()), 'text/csv')}>
          Per-query metrics (CSV)
        </button>
      </div>
      {warnings.length > 0 && (
        <ul role="status" className="list-disc pl-4 text-xs text-amber-900">
          {warnings.slice(0, 10).map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
