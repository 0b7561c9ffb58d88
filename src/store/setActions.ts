import { exampleSetFile, exampleSetTitle } from '../core/exampleSet';
import type { QuerySet } from '../core/sets/types';
import { computeClient } from '../compute/client';
import type { ComputeFile } from '../compute/protocol';
import { setQueryCandidates } from './activeQuery';
import { useAppStore } from './index';
import { bm25SettingsKey } from './setSelectors';
import { needsBm25 } from './selectors';

let importController: AbortController | null = null;

/**
 * Imports a query set from files (TREC, BEIR, query JSONL, a long CSV) in the compute worker, so the page
 * stays responsive. On failure the set on screen, and the paste behind it, stay as they were.
 */
export async function importSetFiles(files: readonly ComputeFile[], name?: string): Promise<void> {
  importController?.abort();
  const controller = new AbortController();
  importController = controller;
  const store = useAppStore.getState();
  store.setSetNotice(null);
  useAppStore.setState({ importing: { stage: 'reading', done: 0, total: files.length } });
  const result = await computeClient().importSet(files, { corpusTopK: store.corpusTopK }, {
    signal: controller.signal,
    onProgress: (p) => useAppStore.setState({ importing: { stage: p.stage, done: p.done, total: p.total } }),
  });
  if (importController !== controller) return;
  importController = null;
  useAppStore.setState({ importing: null });
  if (!result.ok) {
    if ('cancelled' in result && result.cancelled) return;
    store.setSetNotice({ tone: 'error', text: `${result.message} Your current work is unchanged.` });
    if ('report' in result) useAppStore.setState({ setReport: result.report });
    return;
  }
  const set: QuerySet = name ? { ...result.set, name } : result.set;
  useAppStore.getState().showSet(set, result.report);
}

export function cancelImport(): void {
  importController?.abort();
  importController = null;
  useAppStore.setState({ importing: null });
}

/** The bundled workshop set, through the same importer as any file. */
export const loadExampleSet = (): Promise<void> => importSetFiles([exampleSetFile], exampleSetTitle);

let bm25Controller: AbortController | null = null;

/**
 * Computes, in the compute worker, BM25 over each query's own candidates for the queries whose first stage
 * needs it (chosen, or no supplied scores). The result is keyed by the set and the BM25 settings, so a stale
 * answer is never shown.
 */
export async function refreshSetBm25(): Promise<void> {
  const state = useAppStore.getState();
  const set = state.querySet;
  if (!set) return;
  const settingsKey = bm25SettingsKey(state);
  const current = state.setFirstStageBm25;
  if (current && current.set === set && current.settingsKey === settingsKey) return;
  const queries = set.queries
    .filter((q) => needsBm25(setQueryCandidates(set, q), state.firstStage))
    .map((q) => ({ queryId: q.id, query: q.text, texts: setQueryCandidates(set, q).map((c) => c.text) }));
  if (queries.length === 0) return;
  bm25Controller?.abort();
  const controller = new AbortController();
  bm25Controller = controller;
  const { k1, b, stem, stopwords } = state.bm25;
  try {
    const scores = await computeClient().bm25PerQuery(queries, { k1, b }, { stem, stopwords }, { signal: controller.signal });
    if (bm25Controller !== controller) return;
    const now = useAppStore.getState();
    if (now.querySet === set && bm25SettingsKey(now) === settingsKey) useAppStore.setState({ setFirstStageBm25: { set, settingsKey, scores } });
  } catch (error) {
    if (bm25Controller !== controller || controller.signal.aborted) return;
    useAppStore.getState().setSetNotice({ tone: 'error', text: `BM25 for the set's queries could not be computed: ${error instanceof Error ? error.message : String(error)}` });
  }
}
