import type { QuerySet, SetQuery } from '../core/sets/types';
import type { Candidate, Judgments } from '../core/types';
import type { AppState } from './index';
import { memoizeLast } from './memo';

/**
 * The query on screen. There is one model of state: a paste of one query and its documents is a set of one
 * (key `paste`), and an imported set's queries are keyed `set:<query id>`. Runs are stored per key, and
 * judgments per key too (a paste's judgments are kept per query text, so each example keeps its marks).
 */
export interface ActiveQuery {
  /** Where this query's runs are kept. */
  key: string;
  /** Where the user's judgments for this query are kept. */
  judgmentKey: string;
  /** The query id written to exported files. */
  id: string;
  text: string;
  candidates: readonly Candidate[];
  /** Judgments that came with the input (qrels, a `relevance` field); the user's marks override them. */
  supplied: Judgments;
}

export const PASTE_KEY = 'paste';
/** The query id of a paste in exported files (TREC wants one). */
export const PASTE_QUERY_ID = '1';

export const setQueryKey = (queryId: string): string => `set:${queryId}`;
export const pasteJudgmentKey = (query: string): string => query.trim();

const candidatesOfSetQuery = new WeakMap<SetQuery, Candidate[]>();

/** A set query's candidates as the single-query views know them, built once per query. */
export function setQueryCandidates(set: QuerySet, query: SetQuery): Candidate[] {
  const hit = candidatesOfSetQuery.get(query);
  if (hit) return hit;
  const candidates = query.candidates.map((c, index): Candidate => {
    const candidate: Candidate = { id: c.docId, text: set.documents.get(c.docId) ?? '', index };
    if (c.score !== undefined) candidate.score = c.score;
    return candidate;
  });
  candidatesOfSetQuery.set(query, candidates);
  return candidates;
}

const queryIndexMemo = memoizeLast((set: QuerySet) => new Map(set.queries.map((q, i) => [q.id, i])));

/** The position of each query id in the set. */
const noQueries: ReadonlyMap<string, number> = new Map();

export const selectQueryIndex = (s: AppState): ReadonlyMap<string, number> => (s.querySet ? queryIndexMemo(s.querySet) : noQueries);

/** The imported set's query on screen, or null for a paste. */
export const selectActiveSetQuery = (s: AppState): SetQuery | null => {
  if (!s.querySet) return null;
  const position = s.activeQueryId === null ? undefined : selectQueryIndex(s).get(s.activeQueryId);
  return s.querySet.queries[position ?? 0] ?? null;
};
