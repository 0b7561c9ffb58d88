import { CandidateLookup } from '../core/candidateLookup';
import { parseDocuments, type ParseResult } from '../core/parse';
import { buildBm25Index, scoreBm25, type Bm25Index } from '../core/retrieval/bm25';
import { denseRanking, hybridRanking, type HybridSettings } from '../core/denseFirstStage';
import { firstStageRanking, rankByScore } from '../core/ranking';
import type { Candidate, Judgments, Ranking } from '../core/types';
import { PASTE_KEY, PASTE_QUERY_ID, pasteJudgmentKey, selectActiveSetQuery, setQueryCandidates, setQueryKey, type ActiveQuery } from './activeQuery';
import type { AppState } from './index';
import { mergeJudgments } from './judgmentsSlice';
import { corpusBm25Scores, isCorpusSet } from './denseCorpus';
import { denseScoresFor } from './denseSelectors';
import { currentAsyncBm25, currentAsyncParse, isLargeInput } from './largeInput';
import { memoizeLast } from './memo';
import type { Bm25Settings, FirstStageSource } from './settingsSlice';

const parseMemo = memoizeLast((documentsText: string, format: AppState['format'], textMode: AppState['textMode'], fields: AppState['fields']) =>
  parseDocuments(documentsText, { format, textMode, fields }),
);

/** Shown while a large input is parsed in the worker. */
const pendingParse: ParseResult = { candidates: [], format: 'text', fields: undefined, issues: [] };

/**
 * The pasted or uploaded documents, parsed (the paste's query only; a set's queries come parsed). A large
 * input is parsed in the compute worker with the same function; until it answers there are no candidates.
 */
export const selectParsed = (s: AppState): ParseResult =>
  isLargeInput(s.documentsText) ? (currentAsyncParse(s)?.result ?? pendingParse) : parseMemo(s.documentsText, s.format, s.textMode, s.fields);

/** Whether a large input is still being parsed in the worker. */
export const selectParsePending = (s: AppState): boolean => isLargeInput(s.documentsText) && currentAsyncParse(s) === null;

const suppliedMemo = memoizeLast((candidates: readonly Candidate[]): Judgments => {
  const supplied = new Map<string, number>();
  for (const c of candidates) if (c.relevance !== undefined) supplied.set(c.id, c.relevance);
  return supplied;
});

const pasteQueryMemo = memoizeLast(
  (query: string, candidates: readonly Candidate[]): ActiveQuery => ({
    key: PASTE_KEY,
    judgmentKey: pasteJudgmentKey(query),
    id: PASTE_QUERY_ID,
    text: query,
    candidates,
    supplied: suppliedMemo(candidates),
  }),
);

const setQueryMemo = new WeakMap<object, ActiveQuery>();

/** The query on screen: the paste, or the open query of an imported set. */
export const selectActiveQuery = (s: AppState): ActiveQuery => {
  const setQuery = selectActiveSetQuery(s);
  if (!s.querySet || !setQuery) return pasteQueryMemo(s.query, selectParsed(s).candidates);
  const hit = setQueryMemo.get(setQuery);
  if (hit) return hit;
  const key = setQueryKey(setQuery.id);
  const active = { key, judgmentKey: key, id: setQuery.id, text: setQuery.text, candidates: setQueryCandidates(s.querySet, setQuery), supplied: setQuery.judgments };
  setQueryMemo.set(setQuery, active);
  return active;
};

/** The candidates of the query on screen. */
export const selectCandidates = (s: AppState): readonly Candidate[] => selectActiveQuery(s).candidates;

/** The text of the query on screen. */
export const selectQueryText = (s: AppState): string => selectActiveQuery(s).text;

const indexMemo = memoizeLast((candidates: readonly Candidate[], stem: boolean, stopwords: boolean) =>
  buildBm25Index(
    candidates.map((c) => c.text),
    { stem, stopwords },
  ),
);

export const selectBm25Index = (s: AppState): Bm25Index => indexMemo(selectCandidates(s), s.bm25.stem, s.bm25.stopwords);

const bm25ScoresMemo = memoizeLast((index: Bm25Index, query: string, k1: number, b: number) => scoreBm25(index, query, { k1, b }));

/**
 * BM25 of the query on screen over its candidates. A large paste's are computed in the worker: null until it
 * answers. Everything else is small enough for the main thread.
 */
export const selectBm25Scores = (s: AppState): Float64Array | null =>
  !s.querySet && isLargeInput(s.documentsText) ? currentAsyncBm25(s) : bm25ScoresMemo(selectBm25Index(s), selectQueryText(s), s.bm25.k1, s.bm25.b);

/** How the first stage is named on screen: "First stage: BM25". */
export const firstStageNames: Record<FirstStageSource, string> = {
  supplied: 'retriever scores',
  bm25: 'BM25',
  input: 'input order',
  dense: 'dense (cosine)',
  hybrid: 'hybrid (BM25 + dense)',
};

export interface FirstStage {
  ranking: Ranking;
  /** The source in force: a "supplied" choice without any supplied score falls back to BM25. */
  source: FirstStageSource;
  /** Why the source in force differs from the one chosen, if it does. */
  notice: string | null;
}

/** Shown while a dense or hybrid first stage waits for embeddings. */
export const denseMissingNotice = 'No embeddings yet for this query and these documents with these model settings: press Embed. Until then the list is in input order.';

/**
 * The first stage of one query's candidates; `bm25Scores` is needed when the source is (or falls back to) BM25,
 * and for hybrid; `denseScores` (cosine per candidate) and `hybrid` for dense and hybrid.
 */
export function decideFirstStage(
  candidates: readonly Candidate[],
  chosen: FirstStageSource,
  bm25Scores: Float64Array | null,
  denseScores: Float64Array | null = null,
  hybrid?: HybridSettings,
): FirstStage {
  const pending = 'Computing BM25 in the background: the list is in input order until it is ready.';
  if (chosen === 'dense' || chosen === 'hybrid') {
    const inputOrder = firstStageRanking(candidates, 'input');
    if (!denseScores) return { ranking: inputOrder, source: chosen, notice: denseMissingNotice };
    if (chosen === 'dense') return { ranking: denseRanking(candidates, denseScores), source: chosen, notice: null };
    if (!bm25Scores || !hybrid) return { ranking: inputOrder, source: chosen, notice: pending };
    return { ranking: hybridRanking(candidates, bm25Scores, denseScores, hybrid), source: chosen, notice: null };
  }
  {
    const hasScores = candidates.some((c) => c.score !== undefined);
    if (chosen === 'supplied' && !hasScores) {
      return {
        ranking: bm25Scores ? rankByScore(candidates, bm25Scores, 'BM25') : firstStageRanking(candidates, 'input'),
        source: 'bm25',
        notice: bm25Scores ? 'These documents carry no scores, so the first stage is BM25 over the query.' : pending,
      };
    }
    if (chosen === 'bm25' && bm25Scores) {
      return { ranking: rankByScore(candidates, bm25Scores, 'BM25'), source: 'bm25', notice: null };
    }
    if (chosen === 'bm25') {
      return { ranking: firstStageRanking(candidates, 'input'), source: 'bm25', notice: pending };
    }
    return { ranking: firstStageRanking(candidates, chosen), source: chosen, notice: null };
  }
}

const firstStageMemo = memoizeLast(decideFirstStage);

/** Whether a query's first stage needs BM25 scores: chosen, or the fallback for candidates without scores. */
export function needsBm25(candidates: readonly Candidate[], chosen: FirstStageSource): boolean {
  return chosen === 'bm25' || chosen === 'hybrid' || (chosen === 'supplied' && !candidates.some((c) => c.score !== undefined));
}

export const selectFirstStage = (s: AppState): FirstStage => {
  const candidates = selectCandidates(s);
  // Hybrid over a corpus set fuses the import's corpus-wide BM25 scores (store/denseCorpus.ts).
  const corpusHybrid = s.firstStage === 'hybrid' && isCorpusSet(s.querySet);
  const bm25 = corpusHybrid ? corpusBm25Scores(candidates) : needsBm25(candidates, s.firstStage) ? selectBm25Scores(s) : null;
  const dense = usesDense(s.firstStage) ? denseScoresMemo(s.dense, selectQueryText(s), candidates, s.denseVersion) : null;
  return firstStageMemo(candidates, s.firstStage, bm25, dense, s.hybrid);
};

/** Whether the first stage ranks by embeddings (dense alone, or fused with BM25). */
export const usesDense = (source: FirstStageSource): boolean => source === 'dense' || source === 'hybrid';

const denseScoresMemo = memoizeLast(denseScoresFor);

export const selectCandidateById = (s: AppState): CandidateLookup => candidateLookupMemo(selectCandidates(s));
const candidateLookupMemo = memoizeLast((candidates: readonly Candidate[]) => new CandidateLookup(candidates));

export type { Bm25Settings };

const judgmentsMemo = memoizeLast(mergeJudgments);

/** The judgments in force for the query on screen: the input's grades, overridden by the user's marks. */
export const selectJudgments = (s: AppState): Judgments => {
  const active = selectActiveQuery(s);
  return judgmentsMemo(active.supplied, s.judgmentsByQuery.get(active.judgmentKey));
};
