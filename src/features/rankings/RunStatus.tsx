import { Notice } from '../../components/Notice';
import { ProgressBar } from '../../components/ProgressBar';
import type { RunState } from '../../store/columns';

function formatBytes(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${Math.round(bytes / 1e3)} kB`;
}

function formatMs(ms: number | undefined): string {
  if (ms === undefined) return '—';
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
}

/**
 * The bar's width transition would lay out and paint the page for a dozen frames after every update, on the
 * cores the model needs: here the bar just takes its new width.
 */
const stillBar = 'flex-1 [&>div]:transition-none';

/** Download progress per file, scoring progress, timings, notes and errors of one column's run (its out-of-date notice is under the heading). */
export function RunStatus({ run }: { run: RunState }) {
  const files = Object.entries(run.files);
  const loaded = files.reduce((sum, [, f]) => sum + f.loaded, 0);
  const total = files.reduce((sum, [, f]) => sum + f.total, 0);
  const { progress, timings } = run;
  return (
    <div className="space-y-1.5 text-xs text-slate-600">
      {run.status === 'loading' && files.length > 0 && (
        <div data-testid="download-progress">
          <p>
            Downloading the model: {formatBytes(loaded)} of {formatBytes(total)}
          </p>
          <ul className="ml-2">
            {files.map(([file, f]) => (
              <li key={file} className="flex items-center gap-2">
                <span className="w-40 truncate font-mono">{file}</span>
                <ProgressBar max={f.total} value={f.loaded} label={`download of ${file}`} className={stillBar} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {run.status === 'loading' && files.length === 0 && <p>Loading the model…</p>}
      {progress && (run.status === 'running' || run.status === 'cancelled') && (
        <div className="flex items-center gap-2">
          <ProgressBar max={progress.total} value={progress.scored} label="documents scored" className={stillBar} />
          <span data-testid="scored-count" className="tabular-nums">
            {progress.scored} / {progress.total} scored
          </span>
        </div>
      )}
      {run.status === 'cancelled' && <Notice tone="info">Cancelled. The scores that arrived are shown; press Rerank to start again.</Notice>}
      {run.status === 'done' && timings && (
        <p data-testid="timings" className="tabular-nums">
          {run.ranOn && <span>{run.ranOn} · </span>}
          {timings.loadMs !== undefined && <span>load {formatMs(timings.loadMs)} · </span>}
          {timings.inferenceMs !== undefined && <span data-testid="inference-ms" data-ms={timings.inferenceMs}>inference {formatMs(timings.inferenceMs)} · </span>}
          {timings.msPerDoc !== undefined && <span>{formatMs(timings.msPerDoc)} per document</span>}
          {timings.calls !== undefined && (
            <span>
              {timings.calls} call{timings.calls === 1 ? '' : 's'} · {formatMs(timings.perCallMs?.length ? timings.totalMs / timings.perCallMs.length : timings.totalMs)} per call
            </span>
          )}
          {timings.inferenceMs === undefined && timings.calls === undefined && <span>{formatMs(timings.totalMs)}</span>}
          {run.billedUnits && <span> · billed {Object.entries(run.billedUnits).map(([k, v]) => `${v} ${k.replace(/_/g, ' ')}`).join(', ')}</span>}
        </p>
      )}
      {run.notes.map((note) => (
        <Notice key={note} tone="info">
          {note}
        </Notice>
      ))}
      {run.error && (
        <Notice tone="error" title="The reranker failed">
          {run.error.message}
        </Notice>
      )}
    </div>
  );
}
