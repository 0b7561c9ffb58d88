import { useMemo } from 'react';
import { checkScorer, type ScorerWarning } from '../../core/sanity';
import { useAppStore } from '../../store';
import { selectColumnRankings } from '../../store/rankingSelectors';
import { selectActiveQuery } from '../../store/selectors';
import { selectSetRows } from '../../store/setSelectors';
import { scorerInputFor } from './scorerInput';

const none: ScorerWarning[] = [];

/** The sanity warnings of one column: over every query of an imported set it has finished, or the paste on screen. */
export function useScorerWarnings(columnId: string): ScorerWarning[] {
  const column = useAppStore((s) => s.columns.find((c) => c.id === columnId));
  const rows = useAppStore(selectSetRows);
  const activeKey = useAppStore((s) => selectActiveQuery(s).key);
  const reranked = useAppStore((s) => selectColumnRankings(s).find((c) => c.columnId === columnId)?.order.reranked);
  return useMemo(() => (column ? checkScorer(scorerInputFor(column, rows, { key: activeKey, reranked })) : none), [column, rows, activeKey, reranked]);
}
