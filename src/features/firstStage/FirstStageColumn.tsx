import { Fragment, useMemo, useState } from 'react';
import { Notice } from '../../components/Notice';
import { barFraction, scoreRange } from '../../core/ranking';
import { useAppStore } from '../../store';
import { firstStageNames, selectCandidateById, selectFirstStage, usesDense } from '../../store/selectors';
import { RankingRow } from '../rankings/RankingRow';
import { useShowMore } from '../rankings/useShowMore';
import { Bm25Explanation } from './Bm25Explanation';
import { DenseRunBar } from './DenseRunBar';

export function FirstStageColumn() {
  const { ranking, source, notice } = useAppStore(selectFirstStage);
  const byId = useAppStore(selectCandidateById);
  const topN = useAppStore((s) => s.topN);
  const { visible, hasMore, showMore } = useShowMore(ranking.entries.length);
  const [explained, setExplained] = useState<string | null>(null);
  // Once per ranking, not per relevance click: a first stage can hold 50,000 scores.
  const range = useMemo(() => scoreRange(ranking), [ranking]);
  const label = `First stage: ${firstStageNames[source]}`;
  return (
    <div className="min-w-0">
      <h3 className="mb-1 text-sm font-semibold text-slate-800">{label}</h3>
      <p className="mb-2 text-xs text-slate-500">
        {ranking.entries.length.toLocaleString('en-US')} candidates · score: {ranking.scoreKind}
        {ranking.scoreKind === 'retriever score' && ', ties broken by input order'}
      </p>
      {usesDense(source) && <DenseRunBar />}
      {notice && <Notice tone="info">{notice}</Notice>}
      {ranking.entries.length === 0 ? (
        <p className="py-6 text-center text-sm text-slate-500">No documents yet. Paste some, upload a file, or pick an example.</p>
      ) : (
        <ol aria-label={label} className="mt-1">
          {ranking.entries.slice(0, visible).map((entry) => {
            const candidate = byId.of(entry);
            const open = explained === entry.id;
            return (
              <Fragment key={entry.id}>
                <RankingRow
                  testId="first-stage-row"
                  tone="first"
                  scoreKind={ranking.scoreKind}
                  row={{ id: entry.id, rank: entry.rank, score: entry.score, text: candidate?.text ?? '', fraction: barFraction(entry.score, range) }}
                  badge={
                    source === 'bm25' ? (
                      <button
                        type="button"
                        className="text-xs text-indigo-700 underline"
                        aria-expanded={open}
                        onClick={() => setExplained(open ? null : entry.id)}
                      >
                        Why {entry.score.toFixed(2)}?<span className="sr-only"> BM25 terms for {entry.id}</span>
                      </button>
                    ) : undefined
                  }
                  details={open ? <Bm25Explanation docIndex={entry.index} docId={entry.id} /> : undefined}
                />
                {entry.rank === topN && ranking.entries.length > topN && <TopNCut topN={topN} />}
              </Fragment>
            );
          })}
        </ol>
      )}
      {hasMore && (
        <button type="button" onClick={showMore} className="mt-2 w-full rounded border border-slate-300 py-1 text-sm text-slate-700 hover:bg-slate-50">
          Show more ({visible.toLocaleString('en-US')} of {ranking.entries.length.toLocaleString('en-US')} shown)
        </button>
      )}
    </div>
  );
}

/** The line below which the reranker never looks. */
function TopNCut({ topN }: { topN: number }) {
  return (
    // A list item holding the separator: an <li role="separator"> would leave the list with a child that is not an item.
    <li data-testid="top-n-cut" className="my-1 text-xs font-medium text-amber-800">
      <div role="separator" aria-label={`top-${topN} cut: the reranker sees only the documents above`} className="flex items-center gap-2">
        <span className="h-0 flex-1 border-t-2 border-dashed border-amber-400" />
        top-{topN} cut · the reranker never sees what is below
        <span className="h-0 flex-1 border-t-2 border-dashed border-amber-400" />
      </div>
    </li>
  );
}
