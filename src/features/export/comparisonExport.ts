import type { ComparisonInput } from '../../core/export/comparisonModel';
import type { RerankedOrder } from '../../core/rerankedOrder';
import type { AppState } from '../../store';
import { columnTitle, runFor } from '../../store/columns';
import { selectColumnRankings } from '../../store/rankingSelectors';
import { firstStageNames, selectActiveQuery, selectFirstStage } from '../../store/selectors';
import { formatScore } from '../rankings/formatScore';
import { fileSafe } from '../sets/download';

const noOrder: RerankedOrder = { reranked: { scoreKind: 'raw logit', entries: [] }, pending: [], notReranked: [] };

/** The query on screen and every column, as the exports draw and write them (read once, on click). */
export function comparisonInputOf(state: AppState): ComparisonInput {
  const active = selectActiveQuery(state);
  const { ranking, source } = selectFirstStage(state);
  const rankings = selectColumnRankings(state);
  return {
    queryId: active.id,
    queryText: active.text,
    firstStageTitle: `First stage: ${firstStageNames[source]}`,
    firstStage: ranking,
    topN: state.topN,
    columns: state.columns.map((column) => ({
      title: `Reranked: ${columnTitle(column.config)}`,
      order: rankings.find((r) => r.columnId === column.id)?.order ?? noOrder,
      truncated: new Set(runFor(column, active.key).truncated),
    })),
    texts: new Map(active.candidates.map((c) => [c.id, c.text])),
    scoreDisplay: state.scoreDisplay,
    formatScore,
  };
}

/** "my-set.q12" for a set's query, the query's words for a paste: the start of each export's file name. */
export function exportBaseName(state: AppState): string {
  const active = selectActiveQuery(state);
  return state.querySet ? `${fileSafe(state.querySet.name)}.${fileSafe(active.id)}` : fileSafe(active.text.slice(0, 60));
}
