/**
 * "Why this score?": leave-one-out occlusion of one document, scored by the column's own local reranker (the
 * worker batches the variants and streams progress). No new worker protocol: it is a rerank of the query
 * against the original text and its variants. One occlusion runs at a time; a new one stops the previous.
 */
import { occlusionEffects, planOcclusion } from '../core/occlusion';
import type { Reranker } from '../rerankers/types';
import { configSignature, type Column } from './columns';
import type { AppState } from './index';
import { rerankerFor } from './runColumns';
import { selectActiveQuery, selectCandidateById } from './selectors';
import { useWhyStore, whyKey, type WhyRun } from './whyStore';

export interface WhyDeps {
  get: () => AppState;
  /** The column's reranker; by default its LocalReranker from the registry (shared with its reranks). */
  rerankerOf?: (column: Column) => Promise<Reranker>;
  /** Keep a finished result that is still current instead of computing it again (opening the panel again). */
  reuse?: boolean;
}

const defaultRerankerOf = (get: () => AppState) => async (column: Column): Promise<Reranker> =>
  // Model download events belong to the column's own run display; occlusion shows its own progress.
  (await rerankerFor(column, [], get, () => undefined, () => undefined)).reranker;

let current: { key: string; controller: AbortController } | null = null;

/** Why occlusion cannot run for this column now, in words for the user; null when it can. */
export function whyPrecondition(state: AppState, columnId: string): string | null {
  const column = state.columns.find((c) => c.id === columnId);
  if (!column) return 'This column was removed.';
  if (column.config.kind !== 'local') return 'Why this score? needs a local model: a remote API or BM25 column is not rerun word by word.';
  if (state.running || state.rerankAll?.status === 'running') {
    return 'The column is reranking now, and its model takes one request at a time. Ask again when the run has finished.';
  }
  return null;
}

/** What an occlusion result belongs to: when any of it changes, the result is out of date. */
export function whySignature(column: Column, query: string, docText: string): string {
  return JSON.stringify([configSignature(column.config), query, docText]);
}

/** Stops the occlusion that is running, if any; its run is marked cancelled. */
export function cancelWhy(): void {
  current?.controller.abort();
}

/**
 * Occludes the document `docId` of the query on screen in the column `columnId`, writing progress and the
 * result to the why store under whyKey(columnId, queryKey, docId). Resolves when it is over.
 */
export async function explainScore(columnId: string, docId: string, deps: WhyDeps): Promise<void> {
  const state = deps.get();
  const active = selectActiveQuery(state);
  const key = whyKey(columnId, active.key, docId);
  const store = useWhyStore.getState();
  const blocked = whyPrecondition(state, columnId);
  const column = state.columns.find((c) => c.id === columnId);
  const doc = selectCandidateById(state).get(docId);
  const plan = planOcclusion(doc?.text ?? '');
  const base: WhyRun = {
    status: 'running',
    columnId,
    queryKey: active.key,
    docId,
    kind: plan.kind,
    progress: { scored: 0, total: plan.docs.length },
    result: null,
    message: null,
    signature: column && doc ? whySignature(column, active.text, doc.text) : '',
    elapsedMs: null,
    inferenceMs: null,
    truncated: false,
  };
  if (blocked || !column || !doc) {
    store.putRun(key, { ...base, status: 'error', message: blocked ?? `Document ${docId} is not among this query's candidates any more. Rerank, then ask again.` });
    return;
  }
  const previous = store.getRun(key);
  if (deps.reuse && previous && (previous.status === 'done' || previous.status === 'running') && previous.signature === base.signature) return;
  if (plan.units.length === 0) {
    store.putRun(key, { ...base, status: 'error', message: 'This document has no words to leave out.' });
    return;
  }
  cancelWhy();
  const controller = new AbortController();
  current = { key, controller };
  store.putRun(key, base);
  const started = performance.now();
  const isMine = () => current?.controller === controller;
  try {
    const reranker = await (deps.rerankerOf ?? defaultRerankerOf(deps.get))(column);
    const outcome = await reranker.rank(active.text, plan.docs, {
      signal: controller.signal,
      onProgress: (progress) => useWhyStore.getState().patchRun(key, { progress }),
    });
    if (outcome.ok) {
      const result = occlusionEffects(plan, outcome.value.scores);
      useWhyStore.getState().patchRun(key, {
        status: 'done',
        result,
        progress: { scored: plan.docs.length, total: plan.docs.length },
        elapsedMs: performance.now() - started,
        inferenceMs: outcome.value.timings.inferenceMs ?? null,
        truncated: outcome.value.truncated?.[0] ?? false,
      });
    } else if (outcome.error.cancelled) {
      // Our own Cancel, or the column's Rerank, which takes the model over (its rank() stops ours).
      const byUser = controller.signal.aborted;
      useWhyStore.getState().patchRun(key, { status: 'cancelled', message: byUser ? 'Cancelled.' : 'Stopped: the column started a new run. Ask again when it has finished.' });
    } else {
      useWhyStore.getState().patchRun(key, { status: 'error', message: `The model failed on the variants: ${outcome.error.message}` });
    }
  } catch (error) {
    // rerankerFor or the store threw: a bug, not a model failure. Say so rather than leave a spinner.
    const cause = error instanceof Error ? error.message : String(error);
    useWhyStore.getState().patchRun(key, { status: 'error', message: `Why this score? stopped on an unexpected error (src/store/whyActions.ts): ${cause}` });
  } finally {
    if (isMine()) current = null;
  }
}

/** Whether an occlusion is running now, and for which key. */
export function runningWhyKey(): string | null {
  return current?.key ?? null;
}
