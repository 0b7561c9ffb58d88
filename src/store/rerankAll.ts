import { topCandidates } from '../core/ranking';
import { bm25OverTexts } from '../core/retrieval/bm25';
import type { Candidate } from '../core/types';
import { setQueryKey } from './activeQuery';
import { columnTitle, idleRun, runSignature, type Column, type RunState } from './columns';
import { runStart } from './runScorer';
import { concurrencyOf } from '../rerankers/cohere/settings';
import type { AppState } from './index';
import { doneState, rerankerFor } from './runColumns';
import { appScoreCache } from './scoreCache';
import { scoreQuery } from './scoreRun';
import { selectSetRows } from './setSelectors';
import { usesDense } from './selectors';
import type { FirstStageSource } from '../core/ranking';

type Get = () => AppState;
type Set = (partial: Partial<AppState>) => void;

/** Why some queries had no first stage yet, and what to do: a dense first stage waits for the user's Embed. */
export function waitingMessage(waiting: number, firstStage: FirstStageSource): string {
  const why = usesDense(firstStage) ? 'their embeddings are missing: press Embed in the first stage' : 'BM25 is still being computed';
  const next = usesDense(firstStage) ? 'then press Rerank all again' : 'press Rerank all again';
  return `${waiting} queries wait for their first stage (${why}) and were left out; ${next}.`;
}

export interface RerankAllProgress {
  status: 'running' | 'done' | 'cancelled' | 'error';
  /** The column being scored now. */
  columnTitle: string;
  queriesDone: number;
  queriesTotal: number;
  pairsDone: number;
  pairsTotal: number;
  /** Pairs scored by a reranker in this run (not read from the cache or kept from before), and the time they took. */
  freshPairs: number;
  freshMs: number;
  message: string | null;
}

interface Job {
  column: Column;
  queryId: string;
  queryKey: string;
  query: string;
  top: Candidate[];
  allCandidates: readonly Candidate[];
  signature: string;
}

/** How often finished queries are written to the store: one render per query would compete with the model for the cores. */
const FLUSH_MS = 500;

/**
 * Every (column, query) pair of the set whose current result is missing or out of date: what rerank all has to do.
 * Queries without candidates have nothing to score and are not counted.
 */
export function pendingJobs(state: AppState): { jobs: Job[]; pairsTotal: number; pairsKept: number; queriesTotal: number; waiting: number } {
  const rows = selectSetRows(state);
  const jobs: Job[] = [];
  let pairsTotal = 0;
  let pairsKept = 0;
  let waiting = 0;
  let queriesTotal = 0;
  for (const column of state.columns) {
    for (const row of rows) {
      if (!row.firstStage) {
        waiting += 1;
        continue;
      }
      const top = topCandidates(row.firstStage.ranking, row.candidates, state.topN);
      if (top.length === 0) continue;
      queriesTotal += 1;
      const queryKey = setQueryKey(row.query.id);
      const signature = runSignature(column.config, state.bm25, row.query.text, top.map((c) => c.id));
      pairsTotal += top.length;
      const existing = column.runs.get(queryKey);
      if (existing?.status === 'done' && existing.signature === signature) {
        pairsKept += top.length;
        continue;
      }
      jobs.push({ column, queryId: row.query.id, queryKey, query: row.query.text, top, allCandidates: row.candidates, signature });
    }
  }
  return { jobs, pairsTotal, pairsKept, queriesTotal: queriesTotal + waiting, waiting };
}

/**
 * Reranks every query's top N in every column. What is already current is kept, so a cancelled run resumes
 * where it stopped, and the score cache makes a changed N or new queries cost only the new pairs.
 * Columns run one after another; within a remote column, up to its concurrency setting of queries are in flight.
 */
export async function rerankAllQueries(get: Get, set: Set, signal: AbortSignal, isCurrent: () => boolean): Promise<void> {
  const plan = pendingJobs(get());
  let progress: RerankAllProgress = {
    status: 'running',
    columnTitle: '',
    queriesDone: plan.queriesTotal - plan.jobs.length - plan.waiting,
    queriesTotal: plan.queriesTotal,
    pairsDone: plan.pairsKept,
    pairsTotal: plan.pairsTotal,
    freshPairs: 0,
    freshMs: 0,
    message: plan.waiting > 0 ? waitingMessage(plan.waiting, get().firstStage) : null,
  };
  set({ rerankAll: progress });
  let finished: { columnId: string; queryKey: string; run: RunState }[] = [];
  let lastFlush = performance.now();
  const flush = (force: boolean) => {
    if (!isCurrent() || (!force && performance.now() - lastFlush < FLUSH_MS)) return;
    lastFlush = performance.now();
    if (finished.length > 0) get().putRuns(finished);
    finished = [];
    set({ rerankAll: progress });
  };

  for (const column of get().columns) {
    const jobs = plan.jobs.filter((j) => j.column.id === column.id);
    if (jobs.length === 0) continue;
    progress = { ...progress, columnTitle: columnTitle(column.config) };
    const concurrency = column.config.kind === 'cohere' ? concurrencyOf(column.config.settings) : 1;
    let next = 0;
    let failure: string | null = null;
    const worker = async () => {
      while (next < jobs.length && !signal.aborted && failure === null && isCurrent()) {
        const job = jobs[next++];
        if (!job) break;
        const started = performance.now();
        const outcome = await runJob(job, get, signal);
        if (outcome.run.status === 'done') {
          progress = { ...progress, freshPairs: progress.freshPairs + outcome.fresh, freshMs: progress.freshMs + (outcome.fresh > 0 ? performance.now() - started : 0) };
        } else if (outcome.run.status === 'error') {
          failure = `${columnTitle(column.config)} failed on query ${job.queryId}: ${outcome.run.error?.message ?? 'unknown error'}`;
        }
        if (outcome.run.status !== 'cancelled') {
          finished.push({ columnId: column.id, queryKey: job.queryKey, run: outcome.run });
          progress = { ...progress, queriesDone: progress.queriesDone + 1, pairsDone: progress.pairsDone + (outcome.run.status === 'done' ? job.top.length : 0) };
        }
        flush(false);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
    if (failure !== null) {
      progress = { ...progress, status: 'error', message: `${failure} The queries scored so far are kept; fix the column and press Rerank all to go on.` };
      flush(true);
      return;
    }
    if (signal.aborted || !isCurrent()) break;
  }
  progress = { ...progress, status: signal.aborted ? 'cancelled' : 'done' };
  flush(true);
}

async function runJob(job: Job, get: Get, signal: AbortSignal): Promise<{ run: RunState; fresh: number }> {
  const ids = job.top.map((c) => c.id);
  const base: RunState = { ...idleRun, ...runStart(job.column.config, get().bm25, job.query, ids), signature: job.signature, ids };
  const bm25Of = () => bm25OverTexts(job.allCandidates.map((c) => c.text), job.query, get().bm25, get().bm25);
  const { reranker, cacheSignature } = await rerankerFor(job.column, job.top, get, () => {}, () => {}, bm25Of);
  const result = await scoreQuery(job.query, job.top, { reranker, cacheSignature, cache: cacheSignature === null ? null : appScoreCache(), signal });
  if (result.ok) return { run: { ...base, ...doneState(result.value, ids) }, fresh: result.value.fresh };
  if (result.error.cancelled) return { run: { ...base, status: 'cancelled', scores: result.scores }, fresh: 0 };
  return { run: { ...base, status: 'error', error: result.error, scores: result.scores }, fresh: 0 };
}
