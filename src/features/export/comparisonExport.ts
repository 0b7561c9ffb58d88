import type { ComparisonInput } from '../../core/export/comparisonModel';
import type { RerankedOrder } from '../../core/rerankedOrder';
import type { AppState } from '../../store';
import { runFor } from '../../store/columns';
import { outOfDateNotice, runScoresName } from '../../store/runScorer';
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
  const currentIds = ranking.entries.slice(0, state.topN).map((e) => e.id);
  return {
    queryId: active.id,
    queryText: active.text,
    firstStageTitle: `First stage: ${firstStageNames[source]}`,
    firstStage: ranking,
    topN: state.topN,
    columns: state.columns.map((column) => {
      const run = runFor(column, active.key);
      // Named after the model that gave the scores; a picture of stale scores says so.
      const stale = run.ids.length > 0 && outOfDateNotice(run, column.config, state.bm25, active.text, currentIds) !== null;
      return {
        title: `Reranked: ${runScoresName(run, column.config, state.bm25)}${stale ? ' (out of date)' : ''}`,
        order: rankings.find((r) => r.columnId === column.id)?.order ?? noOrder,
        truncated: new Set(run.truncated),
      };
    }),
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
