/**
 * Runs the dense first stage's embeddings in the bi-encoder worker: the query on screen and its documents,
 * or every query of an imported set with its own candidates. A set imported from a corpus without a run embeds
 * its whole corpus and then retrieves dense's top K over it (store/denseCorpus.ts). Only texts without a
 * vector for these settings are sent; the ranking appears when the vectors are in the cache.
 */
import { DenseEmbedder } from '../rerankers/dense/client';
import { setQueryCandidates, type ActiveQuery } from './activeQuery';
import { corpusRetrievalStale, corpusTextsToEmbed, isCorpusSet, retrieveOverCorpus } from './denseCorpus';
import { idleDenseRun } from './denseSlice';
import { cachedVector, embeddedTexts, resolveDense, storeVectors } from './denseVectors';
import { useAppStore, type AppState } from './index';
import { memoizeLast } from './memo';
import { selectActiveQuery, usesDense } from './selectors';

let embedder: DenseEmbedder | null = null;
let controller: AbortController | null = null;

/** The worker is started on the first run and kept, so the model loads once. */
function theEmbedder(): DenseEmbedder {
  embedder ??= new DenseEmbedder();
  return embedder;
}

/** The texts (prefixes applied) of every query the run covers and its documents, each once. */
export function textsToEmbed(dense: AppState['dense'], set: AppState['querySet'], active: ActiveQuery): string[] {
  const { prefixes } = resolveDense(dense);
  const texts = new Set<string>();
  const add = (query: string, documents: readonly string[]) => {
    const embedded = embeddedTexts(prefixes, query, documents);
    texts.add(embedded.query);
    for (const d of embedded.documents) texts.add(d);
  };
  if (set && isCorpusSet(set)) return corpusTextsToEmbed(dense, set);
  if (set) for (const q of set.queries) add(q.text, setQueryCandidates(set, q).map((c) => c.text));
  else {
    add(
      active.text,
      active.candidates.map((c) => c.text),
    );
  }
  return [...texts];
}

/** `_version` only makes the memo read the vector cache again after a run. */
const missingMemo = memoizeLast((dense: AppState['dense'], _version: number, set: AppState['querySet'], active: ActiveQuery): number => {
  const { key } = resolveDense(dense);
  return textsToEmbed(dense, set, active).filter((t) => !cachedVector(key, t)).length;
});

/** How many texts the Embed button would send: those of the run's queries without a vector for these settings. */
export const selectDenseMissing = (s: AppState): number => missingMemo(s.dense, s.denseVersion, s.querySet, selectActiveQuery(s));

/** A corpus set whose candidates are not dense's top K for these settings: Embed retrieves again (no texts to embed). */
export const selectCorpusRetrievalStale = (s: AppState): boolean =>
  s.querySet !== null && usesDense(s.firstStage) && corpusRetrievalStale(s.querySet, s.dense, s.corpusTopK);

/** Whether the set on screen is retrieved over its whole corpus (so Embed embeds all of it). */
export const selectIsCorpusSet = (s: AppState): boolean => isCorpusSet(s.querySet);

export async function runDenseFirstStage(): Promise<void> {
  controller?.abort();
  const mine = new AbortController();
  controller = mine;
  const state = useAppStore.getState();
  const { embed, key } = resolveDense(state.dense);
  const missing = textsToEmbed(state.dense, state.querySet, selectActiveQuery(state)).filter((t) => !cachedVector(key, t));
  if (missing.length === 0) {
    useAppStore.setState({ denseRun: { ...idleDenseRun, status: 'done' } });
    await retrieveIfCorpus(mine);
    return;
  }
  useAppStore.setState({ denseRun: { ...idleDenseRun, status: 'running', total: missing.length } });
  const result = await theEmbedder().embed(missing, embed, {
    signal: mine.signal,
    onProgress: ({ done, total }) => {
      if (controller === mine) useAppStore.setState((s) => ({ denseRun: { ...s.denseRun, done, total } }));
    },
  });
  if (controller !== mine) return;
  controller = null;
  if (!result.ok) {
    const cancelled = result.error.cancelled === true;
    useAppStore.setState((s) => ({
      denseRun: { ...s.denseRun, status: cancelled ? 'cancelled' : 'error', message: cancelled ? null : result.error.message },
    }));
    return;
  }
  const { vectors, timings, truncated, device, dtype, notes } = result.value;
  storeVectors(key, missing, vectors);
  useAppStore.setState((s) => ({
    denseVersion: s.denseVersion + 1,
    denseRun: {
      status: 'done',
      done: missing.length,
      total: missing.length,
      message: null,
      timings,
      truncatedCount: truncated.filter(Boolean).length,
      ranOn: `${device === 'webgpu' ? 'WebGPU' : 'WASM'} · ${dtype}`,
      notes,
    },
  }));
  await retrieveIfCorpus(mine);
}

/**
 * For a corpus set, once its vectors are in: each query's candidates become BM25's top K plus dense's top K
 * over the corpus (K = the import's "top K" setting). Skipped if the set, the settings or the run changed meanwhile.
 */
async function retrieveIfCorpus(mine: AbortController): Promise<void> {
  const state = useAppStore.getState();
  const set = state.querySet;
  if (!set || !isCorpusSet(set)) return;
  controller = mine;
  useAppStore.setState((s) => ({ denseRun: { ...s.denseRun, status: 'running' } }));
  const result = await retrieveOverCorpus(set, state.dense, state.corpusTopK, mine.signal);
  if (controller !== mine) return;
  controller = null;
  const now = useAppStore.getState();
  const finished = (status: AppState['denseRun']['status']) => ({ denseRun: { ...now.denseRun, status } });
  if (!result.ok) {
    useAppStore.setState(finished(result.reason === 'cancelled' ? 'cancelled' : 'done'));
    return;
  }
  if (now.querySet !== set || now.dense !== state.dense) {
    useAppStore.setState(finished('done'));
    return;
  }
  useAppStore.setState({ ...finished('done'), querySet: result.set, setFirstStageBm25: null });
}

export function cancelDenseFirstStage(): void {
  controller?.abort();
}
