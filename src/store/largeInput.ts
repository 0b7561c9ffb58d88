import type { ParseResult } from '../core/parse';
import type { AppState } from './index';

/**
 * Past this many characters, the documents are not put in the textarea (Chromium spends most of a big
 * paste laying one out: 0.85 s for 6 MB) and are parsed and BM25-indexed in the compute worker, so the
 * page never freezes. About 1,500 documents of 100 words; below it parsing takes a few milliseconds.
 */
export const LARGE_INPUT_CHARS = 1_000_000;

export const isLargeInput = (text: string): boolean => text.length >= LARGE_INPUT_CHARS;

/** A worker's parse of the documents, with what it was computed from (compared by identity). */
export interface AsyncParse {
  text: string;
  format: AppState['format'];
  textMode: AppState['textMode'];
  fields: AppState['fields'];
  version: number;
  result: ParseResult;
}

/** BM25 of the paste's query over a worker parse. */
export interface AsyncBm25 {
  version: number;
  query: string;
  settingsKey: string;
  scores: Float64Array;
}

export const bm25Key = (s: Pick<AppState, 'bm25'>): string => JSON.stringify([s.bm25.k1, s.bm25.b, s.bm25.stem, s.bm25.stopwords]);

/** The worker's parse if it is of the inputs now on screen. */
export function currentAsyncParse(s: AppState): AsyncParse | null {
  const parsed = s.asyncParse;
  return parsed && parsed.text === s.documentsText && parsed.format === s.format && parsed.textMode === s.textMode && parsed.fields === s.fields ? parsed : null;
}

/** The worker's BM25 scores if they are for the parse, query and settings now on screen. */
export function currentAsyncBm25(s: AppState): Float64Array | null {
  const parsed = currentAsyncParse(s);
  const bm25 = s.asyncBm25;
  return parsed && bm25 && bm25.version === parsed.version && bm25.query === s.query && bm25.settingsKey === bm25Key(s) ? bm25.scores : null;
}
