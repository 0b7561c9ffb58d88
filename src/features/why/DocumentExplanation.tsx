import { ProgressBar } from '../../components/ProgressBar';
import { formatScore } from '../rankings/formatScore';
import { useWhyStore, whyKey } from '../../store/whyStore';
import { cancelWhy } from '../../store/whyActions';
import { MAX_WORD_UNITS } from '../../core/occlusion';
import { HeatMap } from './HeatMap';
import { TopEffects } from './TopEffects';

export interface ExplainedDoc {
  columnId: string;
  queryKey: string;
  docId: string;
  text: string;
  rank: number | null;
  /** The column's raw logit for the document, from its last run. */
  score: number | null;
  /** whySignature of the column, query and text as they are now. */
  signature: string;
}

/** One document's occlusion: progress with Cancel while it runs, then its heat map and top words. */
export function DocumentExplanation({ doc, label, onRun }: { doc: ExplainedDoc; label: string; onRun: () => void }) {
  const run = useWhyStore((s) => s.runs.get(whyKey(doc.columnId, doc.queryKey, doc.docId)));
  const heading = (
    <h3 className="text-sm font-semibold text-slate-900">
      {label}: <span className="font-mono">{doc.docId}</span>
      {doc.rank !== null && doc.score !== null && (
        <span className="font-normal text-slate-700">
          {' '}
          · rank {doc.rank} · {formatScore(doc.score, 'raw logit')} raw logit
        </span>
      )}
    </h3>
  );
  if (!run) return <section className="space-y-2">{heading}</section>;
  const stale = run.status === 'done' && run.signature !== doc.signature;
  return (
    <section className="min-w-0 space-y-2" aria-label={`${label}: ${doc.docId}`} data-testid="why-document" data-doc-id={doc.docId}>
      {heading}
      {run.status === 'running' && (
        <div className="space-y-1" data-testid="why-progress">
          <ProgressBar value={run.progress.scored} max={run.progress.total} label={`Scoring the variants of ${doc.docId}`} />
          <div className="flex items-center justify-between gap-2 text-xs text-slate-700">
            <span role="status">
              {run.progress.scored} of {run.progress.total} texts scored (the original and one without each {run.kind})
            </span>
            <button type="button" onClick={cancelWhy} className="rounded border border-slate-300 bg-white px-2 py-0.5 text-sm text-slate-800 hover:bg-slate-50">
              Cancel
            </button>
          </div>
        </div>
      )}
      {(run.status === 'error' || run.status === 'cancelled' || stale) && (
        <div role={run.status === 'error' ? 'alert' : 'status'} className="flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="why-message">
          <span>{stale ? 'The model, query or text changed since this was computed.' : run.message}</span>
          <button type="button" onClick={onRun} className="rounded border border-amber-400 bg-white px-2 py-0.5 text-sm text-slate-900 hover:bg-amber-100">
            {stale ? 'Compute again' : 'Try again'}
          </button>
        </div>
      )}
      {run.status === 'done' && run.result && !stale && (
        <>
          <p className="text-xs text-slate-700" data-testid="why-status" data-elapsed-ms={run.elapsedMs ?? undefined} data-base={run.result.base}>
            Full text: {formatScore(run.result.base, 'raw logit')} raw logit. {run.result.effects.length} {run.kind}s left out one at a time
            {run.elapsedMs !== null && `, ${run.progress.total} texts scored in ${(run.elapsedMs / 1000).toFixed(1)} s`}.
            {run.kind === 'sentence' && ` Over ${MAX_WORD_UNITS} words, so sentences (or windows of long ones) are left out instead of words.`}
            {run.truncated && ' The model cut this text to its maximum length: what lies past the cut shows no effect.'}
            {' '}A word that occurs twice still counts through its other copy.
          </p>
          <HeatMap text={doc.text} result={run.result} docId={doc.docId} />
          <TopEffects result={run.result} docId={doc.docId} />
        </>
      )}
    </section>
  );
}
