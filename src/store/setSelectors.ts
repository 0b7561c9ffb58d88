import { computeMetrics, countRelevant, type MetricValues } from '../core/metrics';
import { finalRanking, rerankedOrder } from '../core/rerankedOrder';
import type { QuerySet, SetQuery } from '../core/sets/types';
import type { Candidate, Judgments, Ranking } from '../core/types';
import { setQueryCandidates, setQueryKey } from './activeQuery';
import { columnTitle, runSignature, scorerSignature, type Column, type RunState } from './columns';
import { runScoresName } from './runScorer';
import type { AppState } from './index';
import { mergeJudgments, type JudgmentOverrides } from './judgmentsSlice';
import { memoizeLast } from './memo';
import { corpusBm25Scores, isCorpusSet } from './denseCorpus';
import { denseScoresFor } from './denseSelectors';
import { decideFirstStage, firstStageNames, needsBm25, usesDense, type FirstStage } from './selectors';
import type { Bm25Settings, FirstStageSource } from './settingsSlice';

/** One ranker's ranking and metrics for one query of the set. */
export interface RankerResult {
  /** 'first' for the first stage, else the column id. */
  rankerId: string;
  /** The ranking metrics are computed on; null when the column has no scores for this query yet. */
  ranking: Ranking | null;
  values: MetricValues | null;
  /** Set when the column's scores for this query came from a run with other inputs or settings. */
  stale: boolean;
}

export interface SetRow {
  query: SetQuery;
  candidates: readonly Candidate[];
  judgments: Judgments;
  relevantCount: number;
  firstStage: FirstStage | null;
  /** First the first stage, then one per column in column order. */
  results: RankerResult[];
}

export interface RankerInfo {
  id: string;
  name: string;
}

/** The first stage's BM25 scores per query, computed in the compute worker; keyed by what they depend on. */
export interface SetBm25Scores {
  set: QuerySet;
  settingsKey: string;
  scores: ReadonlyMap<string, Float64Array>;
}

export const bm25SettingsKey = (s: Pick<AppState, 'bm25' | 'querySet'>): string => JSON.stringify([s.bm25.k1, s.bm25.b, s.bm25.stem, s.bm25.stopwords]);

interface RowInputs {
  firstStageSource: FirstStageSource;
  bm25: Float64Array | undefined;
  /** Cosine per candidate for a dense or hybrid first stage; null while embeddings are missing. */
  dense: Float64Array | null;
  hybrid: AppState['hybrid'];
  overrides: JudgmentOverrides | undefined;
  runs: readonly (RunState | undefined)[];
  /** Each column's settings, so a changed model marks its results stale. */
  configs: readonly string[];
  /** The page's BM25 settings: a BM25 column's scores depend on them. */
  bm25Settings: Bm25Settings;
  k: number;
  gain: AppState['gain'];
  topN: number;
}

const rowCache = new WeakMap<SetQuery, { inputs: RowInputs; row: SetRow }>();

function sameInputs(a: RowInputs, b: RowInputs): boolean {
  return (
    a.firstStageSource === b.firstStageSource &&
    a.bm25 === b.bm25 &&
    a.dense === b.dense &&
    a.hybrid === b.hybrid &&
    a.overrides === b.overrides &&
    a.k === b.k &&
    a.gain === b.gain &&
    a.topN === b.topN &&
    a.runs.length === b.runs.length &&
    a.runs.every((run, i) => run === b.runs[i]) &&
    a.configs.every((sig, i) => sig === b.configs[i])
  );
}

function buildRow(set: QuerySet, query: SetQuery, columns: readonly Column[], inputs: RowInputs): SetRow {
  const candidates = setQueryCandidates(set, query);
  const judgments = mergeJudgments(query.judgments, inputs.overrides);
  const relevantCount = countRelevant(judgments);
  // Hybrid over a corpus set fuses the import's corpus-wide BM25 scores (store/denseCorpus.ts).
  const bm25 = inputs.firstStageSource === 'hybrid' && isCorpusSet(set) ? corpusBm25Scores(candidates) : inputs.bm25;
  const wantsBm25 = needsBm25(candidates, inputs.firstStageSource);
  // A first stage still waiting for BM25 or embeddings has no ranking to measure yet.
  const waiting = (wantsBm25 && !bm25) || (usesDense(inputs.firstStageSource) && !inputs.dense);
  const firstStage = waiting ? null : decideFirstStage(candidates, inputs.firstStageSource, bm25 ?? null, inputs.dense, inputs.hybrid);
  const options = { k: inputs.k, gain: inputs.gain };
  const metricsOf = (ranking: Ranking) => (relevantCount > 0 ? computeMetrics(ranking, judgments, options) : null);
  const results: RankerResult[] = [{ rankerId: 'first', ranking: firstStage?.ranking ?? null, values: firstStage ? metricsOf(firstStage.ranking) : null, stale: false }];
  const byId = new Map(candidates.map((c) => [c.id, c]));
  columns.forEach((column, i) => {
    const run = inputs.runs[i];
    if (!firstStage || !run || run.scores.size === 0) {
      results.push({ rankerId: column.id, ranking: null, values: null, stale: false });
      return;
    }
    const ranking = finalRanking(rerankedOrder(firstStage.ranking, byId, run.ids, run.scores, run.scoreKind));
    const current = runSignature(column.config, inputs.bm25Settings, query.text, topIds(firstStage, inputs.topN));
    results.push({ rankerId: column.id, ranking, values: metricsOf(ranking), stale: run.signature !== current });
  });
  return { query, candidates, judgments, relevantCount, firstStage, results };
}

/** The ids a reranker is sent for this first stage. */
export function topIds(firstStage: FirstStage, topN: number): string[] {
  return firstStage.ranking.entries.slice(0, topN).map((e) => e.id);
}

const rowsMemo = memoizeLast(
  (
    set: QuerySet,
    columns: readonly Column[],
    source: FirstStageSource,
    bm25: SetBm25Scores | null,
    judgmentsByQuery: AppState['judgmentsByQuery'],
    k: number,
    gain: AppState['gain'],
    topN: number,
    settingsKey: string,
    dense: AppState['dense'],
    hybrid: AppState['hybrid'],
    denseVersion: number,
    bm25Settings: Bm25Settings,
  ): SetRow[] => {
    const bm25Scores = bm25 && bm25.set === set && bm25.settingsKey === settingsKey ? bm25.scores : null;
    return set.queries.map((query) => {
      const key = setQueryKey(query.id);
      const inputs: RowInputs = {
        firstStageSource: source,
        bm25: bm25Scores?.get(query.id),
        dense: usesDense(source) ? setDenseScores(set, query, dense, denseVersion) : null,
        hybrid,
        overrides: judgmentsByQuery.get(key),
        runs: columns.map((c) => c.runs.get(key)),
        configs: columns.map((c) => scorerSignature(c.config, bm25Settings)),
        bm25Settings,
        k,
        gain,
        topN,
      };
      const hit = rowCache.get(query);
      if (hit && sameInputs(hit.inputs, inputs)) return hit.row;
      const row = buildRow(set, query, columns, inputs);
      rowCache.set(query, { inputs, row });
      return row;
    });
  },
);

const noRows: SetRow[] = [];

/** One row per query of the imported set, with every ranker's metrics; none for a paste. */
export const selectSetRows = (s: AppState): SetRow[] =>
  s.querySet ? rowsMemo(s.querySet, s.columns, s.firstStage, s.setFirstStageBm25, s.judgmentsByQuery, s.metricK, s.gain, s.topN, bm25SettingsKey(s), s.dense, s.hybrid, s.denseVersion, s.bm25)
    : noRows;

const denseCache = new WeakMap<SetQuery, { dense: AppState['dense']; version: number; scores: Float64Array | null }>();

/** One set query's cosine scores, kept per query so a row is rebuilt only when its embeddings change. */
function setDenseScores(set: QuerySet, query: SetQuery, dense: AppState['dense'], version: number): Float64Array | null {
  const hit = denseCache.get(query);
  if (hit && hit.dense === dense && hit.version === version) return hit.scores;
  const scores = denseScoresFor(dense, query.text, setQueryCandidates(set, query), version);
  denseCache.set(query, { dense, version, scores });
  return scores;
}

/**
 * A column's name over the set: its current title, or the model its scores came from when every scored query
 * has that other model's; when queries were scored by several, all of them.
 */
export function setColumnName(column: Column, set: QuerySet | null, bm25: Bm25Settings): string {
  const current = columnTitle(column.config);
  const names = new Set<string>();
  for (const query of set?.queries ?? []) {
    const run = column.runs.get(setQueryKey(query.id));
    if (run && run.scores.size > 0) names.add(runScoresName(run, column.config, bm25));
  }
  const [only] = names;
  if (names.size <= 1) return `Reranked: ${only ?? current}`;
  const others = [...names].filter((name) => name !== current);
  return names.has(current) ? `Reranked: ${current}; some queries scored by ${others.join('; ')}` : `Reranked: scores from ${others.join('; ')}`;
}

const rankersMemo = memoizeLast((columns: readonly Column[], source: FirstStageSource, set: QuerySet | null, bm25: Bm25Settings): RankerInfo[] => [
  { id: 'first', name: `First stage: ${firstStageNames[source]}` },
  ...columns.map((c) => ({ id: c.id, name: setColumnName(c, set, bm25) })),
]);

/** The rankers of the set view: the first stage, then every column. */
export const selectRankers = (s: AppState): RankerInfo[] => rankersMemo(s.columns, s.firstStage, s.querySet, s.bm25);
