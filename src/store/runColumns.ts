import { topCandidates } from '../core/ranking';
import type { Candidate } from '../core/types';
import type { LocalRerankerEvent } from '../rerankers/local/client';
import { detectDevices } from '../rerankers/local/device';
import type { Reranker, RerankOutcome } from '../rerankers/types';
import { idleRun, runSignature, scoreKindOf, type Column, type RunState } from './columns';
import type { AppState } from './index';
import { createStreamBuffer } from './streamBuffer';
import { cohereReranker, localRerankerFor, resolveLocalSettings } from './rerankerRegistry';
import { selectBm25Scores, selectFirstStage, selectParsed } from './selectors';

type Get = () => AppState;
type Set = (partial: Partial<AppState>) => void;

/** Why a rerank cannot start, in words for the user; null when it can. */
export function rerankPrecondition(state: AppState): string | null {
  if (!state.query.trim()) return 'Enter a query first: a cross-encoder scores each document against the query.';
  if (selectParsed(state).candidates.length === 0) {
    return 'There are no documents to rerank. Paste some, upload a file, or pick an example.';
  }
  return null;
}

/**
 * Reranks the first stage's top N in every column, one column after another (local models share the
 * same CPU cores, so running them together would only make each slower). `isCurrent` turns false when a
 * newer rerank superseded this one: from then on this run writes nothing.
 */
export async function runAllColumns(get: Get, set: Set, signal: AbortSignal, isCurrent: () => boolean): Promise<void> {
  const state = get();
  const blocked = rerankPrecondition(state);
  if (blocked) {
    set({ rerankBlocked: blocked });
    return;
  }
  const top = topCandidates(selectFirstStage(state).ranking, selectParsed(state).candidates, state.topN);
  for (const column of state.columns) {
    if (signal.aborted || !isCurrent()) break;
    await runColumn(column, state.query, top, get, signal, isCurrent);
  }
}

async function runColumn(column: Column, query: string, top: Candidate[], get: Get, signal: AbortSignal, isCurrent: () => boolean) {
  const patch = (p: Partial<RunState> | ((run: RunState) => Partial<RunState>)) => {
    if (isCurrent()) get().patchRun(column.id, p);
  };
  const ids = top.map((c) => c.id);
  patch({
    ...idleRun,
    status: column.config.kind === 'local' ? 'loading' : 'running',
    signature: runSignature(query, ids),
    ids,
    scoreKind: scoreKindOf(column.config),
    progress: { scored: 0, total: ids.length },
  });

  const buffer = createStreamBuffer((scores, progress) =>
    patch((run) => ({ scores: { ...run.scores, ...scores }, ...(progress ? { status: 'running' as const, progress } : {}) })),
  );
  const reranker = await rerankerFor(column, top, get, (event) => onLocalEvent(event, patch), (notes) => patch({ notes }));
  const result = await reranker.rank(
    query,
    top.map((c) => c.text),
    {
      signal,
      onProgress: buffer.setProgress,
      onPartial: (indices, scores) => {
        const byId: Record<string, number> = {};
        indices.forEach((docIndex, k) => {
          const id = ids[docIndex];
          const score = scores[k];
          if (id !== undefined && score !== undefined) byId[id] = score;
        });
        buffer.addScores(byId);
      },
    },
  );
  buffer.flush();
  if (result.ok) patch(doneState(result.value, ids));
  else patch({ status: result.error.cancelled ? 'cancelled' : 'error', error: result.error.cancelled ? null : result.error });
}

function doneState(outcome: RerankOutcome & { device?: string; dtype?: string }, ids: string[]): Partial<RunState> {
  const scores: Record<string, number> = {};
  ids.forEach((id, i) => {
    const score = outcome.scores[i];
    if (score !== undefined && Number.isFinite(score)) scores[id] = score;
  });
  return {
    status: 'done',
    scores,
    truncated: ids.filter((_, i) => outcome.truncated?.[i]),
    timings: outcome.timings,
    notes: outcome.notes,
    billedUnits: outcome.billedUnits,
    ranOn: outcome.device ? `${outcome.device === 'webgpu' ? 'WebGPU' : 'WASM'} · ${outcome.dtype ?? ''}` : null,
    progress: { scored: ids.length, total: ids.length },
  };
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

async function rerankerFor(column: Column, top: readonly Candidate[], get: Get, onEvent: (event: LocalRerankerEvent) => void, onNotes: (notes: string[]) => void): Promise<Reranker> {
  const { config } = column;
  if (config.kind === 'local') {
    let support = get().deviceSupport;
    if (!support) {
      support = await detectDevices();
      get().setDeviceSupport(support);
    }
    return localRerankerFor(column.id, resolveLocalSettings(config, support), onEvent);
  }
  if (config.kind === 'cohere') return cohereReranker(config, get().cohereApiKey, onNotes);
  return bm25Reranker(top, get);
}

/** BM25 as a reranker: the whole candidate set's BM25 scores, looked up for the top N that was sent. */
function bm25Reranker(top: readonly Candidate[], get: Get): Reranker {
  return {
    rank: async () => {
      const started = performance.now();
      const all = selectBm25Scores(get());
      const scores = top.map((c) => all[c.index] ?? 0);
      return { ok: true, value: { scores, scoreKind: 'BM25', timings: { totalMs: performance.now() - started }, notes: [] } };
    },
  };
}
