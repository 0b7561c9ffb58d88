import { Notice } from '../../components/Notice';
import { useAppStore } from '../../store';
import { CacheControls } from './CacheControls';
import { ImportSummary } from './ImportSummary';
import { RerankAllBar } from './RerankAllBar';
import { SetExports } from './SetExports';
import { SetImport } from './SetImport';

/** The set's own controls: what was imported, rerank all, the cache, exports, and the way back to a paste. */
export function SetPanel() {
  const set = useAppStore((s) => s.querySet);
  const closeSet = useAppStore((s) => s.closeSet);
  if (!set) return null;
  const judged = set.queries.filter((q) => [...q.judgments.values()].some((g) => g >= 1)).length;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="break-all text-sm font-semibold text-slate-900" data-testid="set-name">
            {set.name}
          </p>
          <p className="text-xs text-slate-700" data-testid="set-counts">
            {set.queries.length.toLocaleString('en-US')} queries · {set.documents.size.toLocaleString('en-US')} documents · {judged.toLocaleString('en-US')} queries with a relevant judgment
          </p>
        </div>
        <button type="button" onClick={closeSet} className="rounded border border-slate-300 bg-white px-2 py-1 text-xs text-slate-800 hover:bg-slate-50">
          Close the set
        </button>
      </div>
      <ImportSummary />
      <RerankAllBar />
      <CacheControls />
      <SetExports />
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-800">Import another set</summary>
        <div className="mt-2">
          <SetImport />
        </div>
      </details>
    </div>
  );
}

/** Messages about the set: import failures, storage refusals. */
export function SetNoticeView() {
  const notice = useAppStore((s) => s.setNotice);
  const clear = useAppStore((s) => s.setSetNotice);
  if (!notice) return null;
  return (
    <Notice tone={notice.tone}>
      <p>{notice.text}</p>
      <button type="button" onClick={() => clear(null)} className="mt-1 text-xs underline">
        Dismiss
      </button>
    </Notice>
  );
}
