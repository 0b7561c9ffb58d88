/** The score views wired to the store, for the places that hold no score data of their own. */
import { useMemo } from 'react';
import { useAppStore } from '../../store';
import { selectScoredColumnRankings } from '../../store/rankingSelectors';
import { firstStageNames, selectFirstStage } from '../../store/selectors';
import { SanityWarnings } from './SanityWarnings';
import { ThresholdExplorer, type ThresholdExplorerProps } from './ThresholdExplorer';
import { useScorerWarnings } from './useScorerWarnings';

/** One column's sanity warnings, by column id. */
export function ColumnSanityWarnings({ columnId }: { columnId: string }) {
  return <SanityWarnings warnings={useScorerWarnings(columnId)} />;
}

/**
 * The threshold explorer over the query on screen: every scored column, and the first stage's scores for the same
 * top N documents when it has scores of its own (BM25 or a retriever's), so one column is already a comparison.
 */
export function ActiveThresholdExplorer() {
  const rankings = useAppStore(selectScoredColumnRankings);
  const firstStage = useAppStore(selectFirstStage);
  const topN = useAppStore((s) => s.topN);
  const scoreDisplay = useAppStore((s) => s.scoreDisplay);
  const columns = useMemo(() => {
    const list: ThresholdExplorerProps['columns'] = rankings.map((c) => ({
      name: c.title,
      scores: c.order.reranked.entries.map((e) => e.score),
      kind: c.order.reranked.scoreKind,
    }));
    const { ranking, source } = firstStage;
    if (list.length > 0 && ranking.scoreKind !== 'input order') {
      const top = ranking.entries.slice(0, topN).map((e) => e.score);
      list.push({ name: `First stage: ${firstStageNames[source]} (top ${topN})`, scores: top, kind: ranking.scoreKind });
    }
    return list;
  }, [rankings, firstStage, topN]);
  if (columns.length === 0) return null;
  // Opens on the page's display when that is a transform, else on sigmoid (the scale people read as a probability).
  return <ThresholdExplorer columns={columns} defaultScale={scoreDisplay === 'raw' ? undefined : scoreDisplay} />;
}
