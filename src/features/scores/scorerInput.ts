/**
 * From the store's runs to the sanity checks' input: one entry per query the column has finished scoring.
 * A run still streaming is left out, so that its first batch is not taken for the model's verdict.
 */
import type { ScorerInput, ScorerQueryResult } from '../../core/sanity';
import type { Ranking } from '../../core/types';
import { setQueryKey } from '../../store/activeQuery';
import type { Column, RunState } from '../../store/columns';
import type { SetRow } from '../../store/setSelectors';

const settled = (run: RunState): boolean => run.status === 'done' || run.status === 'cancelled';

/**
 * One query's results: `ranking` is the column's order for it (the reranked documents, and perhaps those below
 * the cut after them); only the documents this run scored are kept, in that order.
 */
export function queryResultOf(run: RunState, ranking: Ranking): ScorerQueryResult {
  const scored = ranking.entries.filter((e) => run.scores.has(e.id));
  return {
    scores: scored.map((e) => run.scores.get(e.id) ?? e.score),
    reranked: scored.map((e) => e.id),
    firstStage: run.ids,
    truncated: run.truncated.filter((id) => run.scores.has(id)).length,
    total: scored.length,
  };
}

/** The query on screen in a paste: its run and the column's reranked order (`order.reranked`). */
export interface ActiveQueryResults {
  key: string;
  reranked: Ranking | undefined;
}

/**
 * Every query of an imported set the column has finished (`rows` from selectSetRows), or, for a paste
 * (no rows), the query on screen.
 */
export function scorerInputFor(column: Column, rows: readonly SetRow[], active: ActiveQueryResults): ScorerInput {
  const perQuery: ScorerQueryResult[] = [];
  if (rows.length > 0) {
    for (const row of rows) {
      const run = column.runs.get(setQueryKey(row.query.id));
      const ranking = row.results.find((r) => r.rankerId === column.id)?.ranking;
      if (run && ranking && settled(run)) perQuery.push(queryResultOf(run, ranking));
    }
    return { perQuery };
  }
  const run = column.runs.get(active.key);
  if (run && active.reranked && settled(run)) perQuery.push(queryResultOf(run, active.reranked));
  return { perQuery };
}
