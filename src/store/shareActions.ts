import {
  encodeShareParam,
  sameSetup,
  sessionFileName,
  writeBackup,
  writeSessionFile,
  type Backup,
  type SharedColumnConfig,
  type SharedRun,
  type SharedSetup,
  type ShareError,
} from '../core/share';
import type { Result } from '../core/types';
import { normalizeCohereSettings } from '../rerankers/cohere/settings';
import { PASTE_KEY, pasteJudgmentKey, setQueryKey } from './activeQuery';
import { idleRun, type Column, type ColumnConfig, type RunState } from './columns';
import { useAppStore, type AppState } from './index';
import { initialInput } from './inputSlice';
import { initialJudgments, type JudgmentOverrides } from './judgmentsSlice';
import { disposeReranker } from './rerankerRegistry';
import { initialRerank, syncColumnCounter } from './rerankSlice';
import { initialSet } from './setSlice';
import { initialSettings } from './settingsSlice';

/**
 * The store's side of share links and session files: the state <-> a SharedSetup (core/share does the
 * rest). Asking before a setup replaces the user's work is features/share/openFlow.ts.
 */

/** The parts of the state a setup is made from (the initial slices are one such state). */
export type ShareableState = Pick<
  AppState,
  'query' | 'documentsText' | 'format' | 'textMode' | 'fields' | 'presetId' | 'fileName' | 'formatFromFile' | 'firstStage' | 'bm25' | 'dense' | 'hybrid' | 'topN'
  | 'corpusTopK' | 'scoreDisplay' | 'metricK' | 'gain' | 'setMetric' | 'highlightQueryTerms' | 'columns' | 'judgmentsByQuery' | 'querySet' | 'activeQueryId'
>;

export interface SetupScope {
  /** Every column's finished scores (a session file, when the user asks; a backup). */
  includeScores: boolean;
  /** The paste behind an open set too. A share leaves it out: the other person never saw it. */
  includeHiddenPaste: boolean;
}

export const SHARE_SCOPE: SetupScope = { includeScores: false, includeHiddenPaste: false };
export const BACKUP_SCOPE: SetupScope = { includeScores: true, includeHiddenPaste: true };
const SCORES_NOTE = 'These scores came with the shared setup: no model was run on this device.';

/** The keys on this device, which no link or file may contain. */
export const secretsOf = (state: Pick<AppState, 'cohereKeys'>): string[] => [...state.cohereKeys.values()];

function runsOf(column: Column, state: ShareableState, hasPaste: boolean): SharedRun[] {
  const runs: SharedRun[] = [];
  const setIds = new Set(state.querySet?.queries.map((q) => q.id));
  for (const [key, run] of column.runs) {
    if (run.status !== 'done' || run.scores.size === 0) continue;
    const queryId = key === PASTE_KEY ? null : key.startsWith('set:') ? key.slice(4) : undefined;
    if (queryId === undefined || (queryId === null ? !hasPaste : !setIds.has(queryId))) continue;
    const named = { ...(run.title !== undefined ? { title: run.title } : {}), ...(run.settings !== undefined ? { settings: [...run.settings] } : {}) };
    runs.push({ queryId, signature: run.signature, ids: run.ids, scores: run.scores, scoreKind: run.scoreKind, truncated: run.truncated, ranOn: run.ranOn, ...named });
  }
  return runs;
}

/** The setup on screen. Field by field: keys, workers, errors and flags never get in. */
export function setupOfState(state: ShareableState, scope: SetupScope): SharedSetup {
  const { querySet } = state;
  const hasPaste = querySet === null || scope.includeHiddenPaste;
  const setMarks = new Map<string, JudgmentOverrides>();
  for (const q of querySet?.queries ?? []) {
    const marks = state.judgmentsByQuery.get(setQueryKey(q.id));
    if (marks && marks.size > 0) setMarks.set(q.id, marks);
  }
  return {
    paste: hasPaste
      ? {
          query: state.query,
          documentsText: state.documentsText,
          format: state.format,
          textMode: state.textMode,
          fields: state.fields,
          presetId: state.presetId,
          fileName: state.fileName,
          formatFromFile: state.formatFromFile,
          marks: state.judgmentsByQuery.get(pasteJudgmentKey(state.query)) ?? new Map(),
        }
      : null,
    querySet: querySet && { set: querySet, marks: setMarks, openQueryId: state.activeQueryId },
    settings: { firstStage: state.firstStage, bm25: state.bm25, dense: state.dense, hybrid: state.hybrid, topN: state.topN, corpusTopK: state.corpusTopK, scoreDisplay: state.scoreDisplay, metricK: state.metricK, gain: state.gain, setMetric: state.setMetric, highlightQueryTerms: state.highlightQueryTerms },
    columns: state.columns.map((c) => ({ id: c.id, config: c.config, runs: scope.includeScores ? runsOf(c, state, hasPaste) : [] })),
  };
}

function columnConfigOf(config: SharedColumnConfig): ColumnConfig {
  return config.kind === 'cohere' ? { kind: 'cohere', settings: normalizeCohereSettings(config.settings) } : config;
}

function runStateOf(run: SharedRun, fromShare: boolean): RunState {
  const { signature, ids, scoreKind, truncated, ranOn, title, settings } = run;
  const named = { ...(title !== undefined ? { title } : {}), ...(settings !== undefined ? { settings } : {}) };
  return { ...idleRun, status: 'done', signature, ids, scores: new Map(run.scores), scoreKind, truncated, ranOn, ...named, notes: fromShare ? [SCORES_NOTE] : [] };
}

/**
 * Puts a (validated) setup on screen. Marks of other pasted queries stay; the rest is the setup's.
 * `fromShare`: the scores came from someone else, and their columns say so (a restored backup's do not).
 */
export function applySetup(setup: SharedSetup, { fromShare }: { fromShare: boolean } = { fromShare: true }): void {
  const store = useAppStore.getState();
  store.cancelRerank();
  // A set's results and marks are keyed by its query ids: showSet and closeSet clear the old ones first.
  if (setup.querySet) store.showSet(setup.querySet.set, null, setup.querySet.openQueryId);
  else if (store.querySet) store.closeSet();
  const columns: Column[] = setup.columns.map((c) => ({
    id: c.id,
    config: columnConfigOf(c.config),
    runs: new Map(c.runs.map((run) => [run.queryId === null ? PASTE_KEY : setQueryKey(run.queryId), runStateOf(run, fromShare)])),
  }));
  for (const old of useAppStore.getState().columns) if (!columns.some((c) => c.id === old.id)) disposeReranker(old.id);
  syncColumnCounter(columns);
  useAppStore.setState((s) => {
    const judgmentsByQuery = new Map(s.judgmentsByQuery);
    const { paste, querySet } = setup;
    if (paste) {
      if (paste.marks.size > 0) judgmentsByQuery.set(pasteJudgmentKey(paste.query), new Map(paste.marks));
      else judgmentsByQuery.delete(pasteJudgmentKey(paste.query));
    }
    for (const [queryId, marks] of querySet?.marks ?? []) judgmentsByQuery.set(setQueryKey(queryId), new Map(marks));
    const pasteFields = paste && {
      query: paste.query,
      documentsText: paste.documentsText,
      format: paste.format,
      textMode: paste.textMode,
      fields: paste.fields,
      presetId: paste.presetId,
      fileName: paste.fileName,
      formatFromFile: paste.formatFromFile,
    };
    return { ...pasteFields, ...setup.settings, columns, judgmentsByQuery, rerankBlocked: null };
  });
}

/** Whether the state is still the app's defaults as far as a setup goes: then there is nothing to ask about. */
export function isUntouched(state: ShareableState): boolean {
  return sameSetup(setupOfState(state, SHARE_SCOPE), setupOfState(defaults, SHARE_SCOPE));
}

const defaults: ShareableState = { ...initialInput, ...initialSettings, ...initialRerank, ...initialJudgments, ...initialSet };

/**
 * Everything a setup could replace, to keep before it does: the whole setup with every score, the paste
 * behind an open set, and the marks of other pasted queries. It never leaves this device, so it is not searched for
 * keys (one the user pasted into the documents is theirs to keep).
 */
export function backupOf(state: AppState): string | null {
  const session = writeSessionFile(setupOfState(state, BACKUP_SCOPE), { includeScores: true, secrets: [] });
  if (!session.ok) return null;
  return writeBackup(session.value, new Map([...state.judgmentsByQuery].filter(([key]) => !key.startsWith('set:'))), Date.now());
}

/** Puts a backup (validated by readBackup) back on screen, with the marks of every pasted query as they were. */
export function restoreBackup(backup: Backup): void {
  applySetup(backup.setup, { fromShare: false });
  useAppStore.setState((s) => ({ judgmentsByQuery: new Map([...[...s.judgmentsByQuery].filter(([key]) => key.startsWith('set:')), ...backup.pasteMarks]) }));
}

/** The page's address with the setup in its fragment; `pageUrl` is the address without any fragment. */
export async function shareLinkOf(state: AppState, pageUrl: string): Promise<Result<string, ShareError>> {
  const param = await encodeShareParam(setupOfState(state, SHARE_SCOPE), { secrets: secretsOf(state) });
  return param.ok ? { ok: true, value: `${pageUrl}#${param.value}` } : param;
}

export function sessionFileOf(state: AppState, includeScores: boolean): Result<{ name: string; text: string }, ShareError> {
  const text = writeSessionFile(setupOfState(state, { ...SHARE_SCOPE, includeScores }), { includeScores, secrets: secretsOf(state) });
  if (!text.ok) return text;
  return { ok: true, value: { name: sessionFileName(state.querySet?.name ?? state.presetId ?? state.fileName ?? 'session'), text: text.value } };
}

