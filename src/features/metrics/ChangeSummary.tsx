import { describeChange, summarizeChange } from '../../core/summary';
import { useAppStore } from '../../store';
import { selectScoredColumnRankings } from '../../store/rankingSelectors';
import { selectFirstStage, selectJudgments } from '../../store/selectors';

/** What the reranking changed, in words, for each reranked column. */
export function ChangeSummary() {
  const firstStage = useAppStore(selectFirstStage).ranking;
  const columns = useAppStore(selectScoredColumnRankings);
  const judgments = useAppStore(selectJudgments);
  if (columns.length === 0) return null;
  return (
    <section aria-label="What changed" className="rounded-md border border-indigo-100 bg-indigo-50/60 px-3 py-2 text-sm text-slate-800">
      {columns.map((c) => (
        <div key={c.columnId}>
          <p className="text-xs font-semibold text-indigo-900">What changed with {c.title}</p>
          <ul data-testid="change-summary" className="list-disc pl-5 text-xs leading-relaxed">
            {describeChange(summarizeChange(firstStage, c.order.reranked, judgments)).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
