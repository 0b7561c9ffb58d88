import type { MetricValues } from '../core/metrics';
import { aggregate, compareRankers, type PerQueryMetrics, type RankerComparison, type SetSummary } from '../core/sets/aggregate';
import { idealRerankNdcg } from '../core/sets/headroom';
import type { AppState } from './index';
import { memoizeLast } from './memo';
import { selectRankers, selectSetRows, topIds, type RankerInfo, type SetRow } from './setSelectors';
import type { SetMetric } from './setSlice';

const noValues: MetricValues = { precision: null, recall: null, rr: null, ap: null, ndcg: null };

export interface RankerSummary extends RankerInfo {
  /** Queries this ranker has results for (a column only has the queries it has scored). */
  scoredQueries: number;
  summary: SetSummary;
  /** Against the first stage, on the set metric; null for the first stage itself. */
  vsFirstStage: RankerComparison | null;
  perQuery: PerQueryMetrics[];
}

export interface SetAggregate {
  rankers: RankerSummary[];
  /** Every pair of reranked columns, on the set metric: [a, b, b compared with a]. */
  pairs: { a: RankerInfo; b: RankerInfo; comparison: RankerComparison }[];
  /** Mean nDCG@k of the best reordering of each query's top N, over the queries with a relevant judgment. */
  headroom: { mean: number | null; queries: number };
  totalQueries: number;
}

function perQueryOf(rows: readonly SetRow[], position: number): PerQueryMetrics[] {
  return rows.flatMap((row) => {
    const result = row.results[position];
    if (!result?.ranking) return [];
    return [{ queryId: row.query.id, relevantCount: row.relevantCount, values: result.values ?? noValues }];
  });
}

const aggregateMemo = memoizeLast((rows: SetRow[], rankers: RankerInfo[], metric: SetMetric, topN: number, k: number, gain: AppState['gain']): SetAggregate => {
  const perRanker = rankers.map((_, i) => perQueryOf(rows, i));
  const first = perRanker[0] ?? [];
  const summaries: RankerSummary[] = rankers.map((ranker, i) => {
    const perQuery = perRanker[i] ?? [];
    return { ...ranker, scoredQueries: perQuery.length, summary: aggregate(perQuery), vsFirstStage: i === 0 || perQuery.length === 0 ? null : compareRankers(first, perQuery, metric), perQuery };
  });
  const pairs: SetAggregate['pairs'] = [];
  for (let i = 1; i < rankers.length; i += 1) {
    for (let j = i + 1; j < rankers.length; j += 1) {
      const a = summaries[i];
      const b = summaries[j];
      if (a && b && a.perQuery.length > 0 && b.perQuery.length > 0) pairs.push({ a, b, comparison: compareRankers(a.perQuery, b.perQuery, metric) });
    }
  }
  const ideal = rows.flatMap((row) => (row.firstStage && row.relevantCount > 0 ? [idealRerankNdcg(topIds(row.firstStage, topN), row.judgments, k, gain)] : []));
  const usable = ideal.filter((v): v is number => v !== null);
  return {
    rankers: summaries,
    pairs,
    headroom: { mean: usable.length ? usable.reduce((a, b) => a + b, 0) / usable.length : null, queries: usable.length },
    totalQueries: rows.length,
  };
});

/** Means, wins/ties/losses, paired tests and headroom over the whole set. */
export const selectSetAggregate = (s: AppState): SetAggregate => aggregateMemo(selectSetRows(s), selectRankers(s), s.setMetric, s.topN, s.metricK, s.gain);
