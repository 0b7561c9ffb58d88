import { Notice } from '../../components/Notice';
import { ProgressBar } from '../../components/ProgressBar';
import { useAppStore } from '../../store';
import { cancelDenseFirstStage, runDenseFirstStage, selectCorpusRetrievalStale, selectDenseMissing, selectIsCorpusSet } from '../../store/denseActions';

const formatMs = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

/** Embeds what the dense first stage needs, with progress and cancel like a rerank run. */
export function DenseRunBar() {
  const run = useAppStore((s) => s.denseRun);
  const missing = useAppStore(selectDenseMissing);
  const model = useAppStore((s) => s.dense.model);
  const inSet = useAppStore((s) => s.querySet !== null);
  // A set imported from a corpus without a run: Embed embeds the whole corpus, then retrieves dense's top K from it.
  const corpus = useAppStore(selectIsCorpusSet);
  const stale = useAppStore(selectCorpusRetrievalStale);
  const topK = useAppStore((s) => s.corpusTopK);
  const running = run.status === 'running';
  return (
    <div data-testid="dense-run" className="mb-2 space-y-1.5 rounded-md border border-slate-200 bg-slate-50 p-2 text-xs text-slate-700">
      <div className="flex flex-wrap items-center gap-2">
        {running ? (
          <button type="button" onClick={cancelDenseFirstStage} className="rounded border border-slate-300 bg-white px-2 py-1 font-medium hover:bg-slate-100">
            Cancel embedding
          </button>
        ) : (
          <button
            type="button"
            onClick={() => void runDenseFirstStage()}
            disabled={missing === 0 && !stale}
            className="rounded bg-indigo-600 px-2 py-1 font-medium text-white hover:bg-indigo-700 disabled:cursor-not-allowed disabled:bg-slate-300 disabled:text-slate-600"
          >
            Embed
          </button>
        )}
        <span data-testid="dense-missing">
          {missing === 0
            ? stale
              ? `Embeddings ready (${model}). Press Embed to retrieve the top ${topK} from the corpus.`
              : `Embeddings ready (${model}).`
            : `${missing.toLocaleString('en-US')} text${missing === 1 ? '' : 's'} to embed with ${model}${corpus ? ', the whole corpus and every query' : inSet ? ', for every query of the set' : ''}.`}
        </span>
      </div>
      {running && (
        <div className="flex items-center gap-2">
          <ProgressBar max={run.total} value={run.done} label="texts embedded" className="flex-1 [&>div]:transition-none" />
          <span data-testid="embedded-count" className="tabular-nums">
            {run.done === 0 ? 'Loading the model…' : `${run.done} / ${run.total} embedded`}
          </span>
        </div>
      )}
      {run.status === 'cancelled' && <Notice tone="info">Embedding cancelled. Press Embed to start again.</Notice>}
      {run.status === 'done' && run.notes.map((note) => <Notice key={note} tone="info">{note}</Notice>)}
      {run.status === 'error' && run.message && <Notice tone="error">{run.message}</Notice>}
      {run.status === 'done' && run.timings && (
        <p data-testid="dense-timings" className="tabular-nums text-slate-500">
          {run.ranOn && `${run.ranOn} · `}load {formatMs(run.timings.loadMs)} · inference {formatMs(run.timings.inferenceMs)}
          {run.truncatedCount > 0 && ` · ${run.truncatedCount} text${run.truncatedCount === 1 ? '' : 's'} cut at the token limit`}
        </p>
      )}
    </div>
  );
}
