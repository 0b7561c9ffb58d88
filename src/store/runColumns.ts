import { topCandidates } from '../core/ranking';
import { bm25OverTexts } from '../core/retrieval/bm25';
import type { Candidate } from '../core/types';
import type { LocalRerankerEvent } from '../rerankers/local/client';
import type { DocumentDetails } from '../rerankers/local/protocol';
import { detectDevices } from '../rerankers/local/device';
import type { Reranker } from '../rerankers/types';
import { selectActiveQuery } from './selectors';
import { configSignature, idleRun, type Column, type RunState } from './columns';
import { runStart } from './runScorer';
import type { AppState } from './index';
import { appScoreCache } from './scoreCache';
import { scoreQuery, type ScoredQuery } from './scoreRun';
import { createStreamBuffer } from './streamBuffer';
import { cohereReranker, localRerankerFor, resolveLocalSettings } from './rerankerRegistry';
import { selectBm25Scores, selectFirstStage } from './selectors';

type Get = () => AppState;
type Set = (partial: Partial<AppState>) => void;

/** Why a rerank cannot start, in words for the user; null when it can. */
export function rerankPrecondition(state: AppState): string | null {
  const active = selectActiveQuery(state);
  if (!active.text.trim()) return 'Enter a query first: a cross-encoder scores each document against the query.';
  if (active.candidates.length === 0) {
    return state.querySet ? 'This query has no candidates to rerank. Pick another query in the list.' : 'There are no documents to rerank. Paste some, upload a file, or pick an example.';
  }
  return null;
}

/**
 * Reranks the first stage's top N of the query on screen in every column, one column after another (local
 * models share the same CPU cores, so running them together would only make each slower). `isCurrent`
 * turns false when a newer rerank superseded this one: from then on this run writes nothing.
 */
export async function runAllColumns(get: Get, set: Set, signal: AbortSignal, isCurrent: () => boolean): Promise<void> {
  const state = get();
  const blocked = rerankPrecondition(state);
  if (blocked) {
    set({ rerankBlocked: blocked });
    return;
  }
  const active = selectActiveQuery(state);
  const top = topCandidates(selectFirstStage(state).ranking, active.candidates, state.topN);
  for (const column of state.columns) {
    if (signal.aborted || !isCurrent()) break;
    await runColumn(column, active.key, active.text, top, get, signal, isCurrent);
  }
}

async function runColumn(column: Column, queryKey: string, query: string, top: Candidate[], get: Get, signal: AbortSignal, isCurrent: () => boolean) {
  const patch = (p: Partial<RunState> | ((run: RunState) => Partial<RunState>)) => {
    if (isCurrent()) get().patchRun(column.id, queryKey, p);
  };
  const ids = top.map((c) => c.id);
  patch({
    ...idleRun,
    status: column.config.kind === 'local' ? 'loading' : 'running',
    // The signature, title and settings of the config it starts with: a switch mid-run leaves them the old model's.
    ...runStart(column.config, get().bm25, query, ids),
    ids,
    progress: { scored: 0, total: ids.length },
    details: undefined, // the last run's windows are not this run's
  });

  const buffer = createStreamBuffer((scores, progress) =>
    patch((run) => {
      const merged = new Map(run.scores);
      for (const [id, score] of scores) merged.set(id, score);
      return { scores: merged, ...(progress ? { status: 'running' as const, progress } : {}) };
    }),
  );
  const { reranker, cacheSignature } = await rerankerFor(column, top, get, (event) => onLocalEvent(event, patch), (notes) => patch({ notes }));
  const result = await scoreQuery(query, top, {
    reranker,
    cacheSignature,
    cache: cacheSignature === null ? null : appScoreCache(),
    signal,
    onProgress: buffer.setProgress,
    onScores: buffer.addScores,
  });
  buffer.flush();
  if (result.ok) patch(doneState(result.value, ids));
  else patch({ status: result.error.cancelled ? 'cancelled' : 'error', error: result.error.cancelled ? null : result.error });
}

/** A run's final state from its scores; shared by the single-query rerank and rerank all. */
export function doneState(scored: ScoredQuery, ids: readonly string[]): Partial<RunState> {
  const { outcome } = scored;
  const cachedNote = scored.fresh < ids.length ? [`${ids.length - scored.fresh} of ${ids.length} scores came from the score cache.`] : [];
  return {
    status: 'done',
    scores: scored.scores,
    truncated: scored.truncated,
    timings: outcome?.timings ?? { totalMs: 0 },
    notes: [...(outcome?.notes ?? []), ...cachedNote],
    billedUnits: outcome?.billedUnits,
    details: detailsById(scored, ids),
    ranOn: outcome?.device ? `${outcome.device === 'webgpu' ? 'WebGPU' : 'WASM'} · ${outcome.dtype ?? ''}` : null,
    progress: { scored: ids.length, total: ids.length },
  };
}

/**
 * A local run's per-document details by id. They come in the order the reranker was sent, which is `ids`
 * only when nothing came from the score cache; with cached scores they are left out (the cache has none).
 */
function detailsById(scored: ScoredQuery, ids: readonly string[]): Map<string, DocumentDetails> | undefined {
  const outcome = scored.outcome;
  if (!outcome || !('details' in outcome) || scored.fresh !== ids.length) return undefined;
  const perDocument: unknown = outcome.details;
  if (!Array.isArray(perDocument)) return undefined;
  const byId = new Map<string, DocumentDetails>();
  ids.forEach((id, i) => {
    const detail = (perDocument as readonly (DocumentDetails | undefined)[])[i];
    if (detail) byId.set(id, detail);
  });
  return byId;
}

function onLocalEvent(event: LocalRerankerEvent, patch: (p: (run: RunState) => Partial<RunState>) => void) {
  if (event.type === 'progress') {
    const { file, loaded, total, status } = event.event;
    if (status === 'progress' && file && typeof loaded === 'number' && typeof total === 'number') {
      patch((run) => ({ files: { ...run.files, [file]: { loaded, total } } }));
    }
  } else if (event.type === 'loaded') {
    patch(() => ({ status: 'running', ranOn: `${event.info.device === 'webgpu' ? 'WebGPU' : 'WASM'} · ${event.info.dtype}` }));
  } else {
    patch((run) => ({
      notes: [...run.notes, `WebGPU failed (${event.reason.message}); retrying on WASM in a fresh worker.`],
    }));
  }
}

/** The column's reranker and the cache signature of its scores (null: not cached). */
export async function rerankerFor(
  column: Column,
  top: readonly Candidate[],
  get: Get,
  onEvent: (event: LocalRerankerEvent) => void,
  onNotes: (notes: string[]) => void,
  bm25Of: () => ArrayLike<number> = () => selectBm25Scores(get()) ?? bm25OverCandidates(get()),
): Promise<{ reranker: Reranker; cacheSignature: string | null }> {
  const { config } = column;
  if (config.kind === 'local') {
    let support = get().deviceSupport;
    if (!support) {
      support = await detectDevices();
      get().setDeviceSupport(support);
    }
    const settings = resolveLocalSettings(config, support);
    // WebGPU and WASM logits differ in the last digits, so where it ran is part of what the scores are.
    // Split mode is not cached: the cache holds scores only, and a split row needs its windows too.
    const split = settings.longDocuments?.mode === 'split';
    const cacheSignature = split ? null : JSON.stringify(['local', settings.model, settings.device, settings.dtype, settings.maxLength]);
    return { reranker: localRerankerFor(column.id, settings, onEvent), cacheSignature };
  }
  if (config.kind === 'cohere') return { reranker: cohereReranker(config, get(), onNotes), cacheSignature: configSignature(config) };
  return { reranker: bm25Reranker(top, bm25Of), cacheSignature: null };
}

/** BM25 of the query on screen, computed here: the fallback while the worker's scores of a large paste are not in yet. */
function bm25OverCandidates(state: AppState): Float64Array {
  const active = selectActiveQuery(state);
  return bm25OverTexts(active.candidates.map((c) => c.text), active.text, state.bm25, state.bm25);
}

/** BM25 as a reranker: the query's BM25 scores over all its candidates, looked up for the top N that was sent. */
function bm25Reranker(top: readonly Candidate[], bm25Of: () => ArrayLike<number>): Reranker {
  return {
    rank: async () => {
      const started = performance.now();
      const all = bm25Of();
      const scores = top.map((c) => all[c.index] ?? 0);
      return { ok: true, value: { scores, scoreKind: 'BM25', timings: { totalMs: performance.now() - started }, notes: [] } };
    },
  };
}
