import { Notice } from '../../components/Notice';
import { NumberField } from '../../components/NumberField';
import type { NumberBounds } from '../../core/numberInput';
import { scoreDisplayLabels, type ScoreDisplay } from '../../core/scoreDisplay';
import { useAppStore } from '../../store';

const topNBounds: NumberBounds = { min: 1, max: 10_000, integer: true, label: 'Top N' };

/** The one action of the page, the top-N cut it works on, and how its scores are shown. */
export function RerankBar() {
  const topN = useAppStore((s) => s.topN);
  const setTopN = useAppStore((s) => s.setTopN);
  const running = useAppStore((s) => s.running);
  const rerank = useAppStore((s) => s.rerank);
  const cancel = useAppStore((s) => s.cancelRerank);
  const blocked = useAppStore((s) => s.rerankBlocked);
  const scoreDisplay = useAppStore((s) => s.scoreDisplay);
  const setScoreDisplay = useAppStore((s) => s.setScoreDisplay);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-3">
        <NumberField label="Rerank the top N" bounds={topNBounds} value={topN} onCommit={setTopN} layout="stacked" inputClassName="w-24 rounded-md px-2 py-1.5 text-sm" />
        <button
          type="button"
          // aria-disabled, not disabled: a disabled button drops keyboard focus to <body> mid-run.
          onClick={() => {
            if (!running) void rerank();
          }}
          aria-disabled={running}
          className="rounded-md bg-indigo-600 px-5 py-2 text-sm font-semibold text-white shadow hover:bg-indigo-700 aria-disabled:cursor-not-allowed aria-disabled:bg-indigo-400"
        >
          {running ? 'Reranking…' : 'Rerank'}
        </button>
        {running && (
          <button type="button" onClick={cancel} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50">
            Cancel
          </button>
        )}
        <label className="ml-auto text-sm text-slate-700">
          <span className="block text-xs font-medium">Show reranker scores as</span>
          <select
            value={scoreDisplay}
            onChange={(e) => setScoreDisplay(e.target.value as ScoreDisplay)}
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
          >
            {(Object.keys(scoreDisplayLabels) as ScoreDisplay[]).map((mode) => (
              <option key={mode} value={mode}>
                {scoreDisplayLabels[mode]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="text-xs text-slate-500">
        A cross-encoder's score orders documents; it is not a probability. Only the top {topN} first-stage candidates are rescored: a
        reranker can promote only what the first stage let in.
      </p>
      {blocked && <Notice tone="error">{blocked}</Notice>}
    </div>
  );
}
