/**
 * Set-level summaries of per-query metrics: the means shown for a whole query set, and the comparison of two
 * rankers query by query (wins, ties, losses and paired tests).
 */
import type { MetricValues } from '../metrics';
import { pairedRandomizationTest, pairedTTest, type RandomizationResult, type TTestResult } from '../stats';

/** One query's metrics for one ranker. */
export interface PerQueryMetrics {
  queryId: string;
  /** How many documents the query's judgments call relevant (grade >= 1), retrieved or not. */
  relevantCount: number;
  values: MetricValues;
}

export type MetricName = keyof MetricValues;

export const METRIC_NAMES: readonly MetricName[] = ['precision', 'recall', 'rr', 'ap', 'ndcg'];

export interface LeftOutQuery {
  queryId: string;
  reason: 'no relevant judgments';
}

export interface SetSummary {
  /** The mean of each metric over the included queries; null when no included query has a value for it. */
  means: MetricValues;
  /** How many queries the means are over. */
  included: number;
  leftOut: LeftOutQuery[];
}

/**
 * The mean of each metric over the queries with at least one relevant judgment.
 * Queries with none are left out and listed: their metrics are undefined ("n/a"), not 0.
 * trec_eval differs here: a query that is in the qrels (all grades 0) and in the run is averaged in with
 * every metric 0, which pulls its means down (and with `-c`, queries missing from the run count as 0 too).
 * So on sets with such queries our means are higher than trec_eval's, and `included` says over how many.
 * A value that is null on an included query (a metric with no usable cut) is left out of that metric's mean only.
 */
export function aggregate(rows: readonly PerQueryMetrics[]): SetSummary {
  const includedRows = rows.filter((row) => row.relevantCount >= 1);
  const leftOut = rows
    .filter((row) => row.relevantCount < 1)
    .map((row): LeftOutQuery => ({ queryId: row.queryId, reason: 'no relevant judgments' }));
  const meanOf = (metric: MetricName): number | null => {
    const values = includedRows.flatMap((row) => (row.values[metric] === null ? [] : [row.values[metric]]));
    return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
  };
  return {
    means: { precision: meanOf('precision'), recall: meanOf('recall'), rr: meanOf('rr'), ap: meanOf('ap'), ndcg: meanOf('ndcg') },
    included: includedRows.length,
    leftOut,
  };
}

export type Outcome = 'win' | 'tie' | 'loss';

export interface QueryComparison {
  queryId: string;
  base: number;
  other: number;
  /** other − base. */
  delta: number;
  /** From `other`'s side: a win is a query where `other` scores higher than `base`. */
  outcome: Outcome;
}

export interface CompareOptions {
  /** |delta| at or below this is a tie: float noise is not a win. Default 1e-9. */
  tieEpsilon?: number;
  /** Passed to the randomization test. */
  trials?: number;
  seed?: number;
}

export interface RankerComparison {
  wins: number;
  ties: number;
  losses: number;
  /** The compared queries, in `base`'s order. */
  perQuery: QueryComparison[];
  /** null when no query could be compared. */
  randomization: RandomizationResult | null;
  /** null when fewer than 2 queries could be compared. */
  tTest: TTestResult | null;
  /** mean(other − base); null when no query could be compared. */
  meanDelta: number | null;
  /** How many queries were compared. */
  n: number;
  /** Queries not compared: the metric is n/a on either side, or the query is missing from one side. */
  notCompared: { queryId: string; reason: 'n/a on either side' | 'missing on one side' }[];
}

function byQueryId(rows: readonly PerQueryMetrics[], side: string): Map<string, PerQueryMetrics> {
  const map = new Map<string, PerQueryMetrics>();
  for (const row of rows) {
    if (map.has(row.queryId)) {
      throw new RangeError(`Query id "${row.queryId}" appears twice in the ${side} rows; each query must appear once.`);
    }
    map.set(row.queryId, row);
  }
  return map;
}

/**
 * Compare `other` with `base` on one metric, query by query, paired by query id.
 * Only queries where both values are non-null are compared (so queries with no relevant judgments drop out).
 */
export function compareRankers(
  base: readonly PerQueryMetrics[],
  other: readonly PerQueryMetrics[],
  metric: MetricName,
  options: CompareOptions = {},
): RankerComparison {
  const tieEpsilon = options.tieEpsilon ?? 1e-9;
  const otherById = byQueryId(other, 'second ranker’s');
  const baseById = byQueryId(base, 'first ranker’s');
  const perQuery: QueryComparison[] = [];
  const notCompared: RankerComparison['notCompared'] = [];
  for (const row of base) {
    const match = otherById.get(row.queryId);
    if (match === undefined) {
      notCompared.push({ queryId: row.queryId, reason: 'missing on one side' });
      continue;
    }
    const baseValue = row.values[metric];
    const otherValue = match.values[metric];
    if (baseValue === null || otherValue === null) {
      notCompared.push({ queryId: row.queryId, reason: 'n/a on either side' });
      continue;
    }
    const delta = otherValue - baseValue;
    const outcome: Outcome = Math.abs(delta) <= tieEpsilon ? 'tie' : delta > 0 ? 'win' : 'loss';
    perQuery.push({ queryId: row.queryId, base: baseValue, other: otherValue, delta, outcome });
  }
  for (const row of other) {
    if (!baseById.has(row.queryId)) notCompared.push({ queryId: row.queryId, reason: 'missing on one side' });
  }
  const baseValues = perQuery.map((query) => query.base);
  const otherValues = perQuery.map((query) => query.other);
  const n = perQuery.length;
  const count = (outcome: Outcome) => perQuery.filter((query) => query.outcome === outcome).length;
  return {
    wins: count('win'),
    ties: count('tie'),
    losses: count('loss'),
    perQuery,
    randomization: n === 0 ? null : pairedRandomizationTest(baseValues, otherValues, { trials: options.trials, seed: options.seed }),
    tTest: pairedTTest(baseValues, otherValues),
    meanDelta: n === 0 ? null : perQuery.reduce((sum, query) => sum + query.delta, 0) / n,
    n,
    notCompared,
  };
}
