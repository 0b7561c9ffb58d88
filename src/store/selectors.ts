import { parseDocuments, type ParseResult } from '../core/parse';
import { buildBm25Index, scoreBm25, type Bm25Index } from '../core/retrieval/bm25';
import { firstStageRanking, rankByScore } from '../core/ranking';
import type { Candidate, Judgments, Ranking } from '../core/types';
import type { AppState } from './index';
import { judgmentKey } from './judgmentsSlice';
import { memoizeLast } from './memo';
import type { Bm25Settings, FirstStageSource } from './settingsSlice';

const parseMemo = memoizeLast((documentsText: string, format: AppState['format'], textMode: AppState['textMode'], fields: AppState['fields']) =>
  parseDocuments(documentsText, { format, textMode, fields }),
);

export const selectParsed = (s: AppState): ParseResult => parseMemo(s.documentsText, s.format, s.textMode, s.fields);

const indexMemo = memoizeLast((candidates: readonly Candidate[], stem: boolean, stopwords: boolean) =>
  buildBm25Index(
    candidates.map((c) => c.text),
    { stem, stopwords },
  ),
);

export const selectBm25Index = (s: AppState): Bm25Index => {
  const { candidates } = selectParsed(s);
  return indexMemo(candidates, s.bm25.stem, s.bm25.stopwords);
};

const bm25ScoresMemo = memoizeLast((index: Bm25Index, query: string, k1: number, b: number) => scoreBm25(index, query, { k1, b }));

export const selectBm25Scores = (s: AppState): Float64Array => bm25ScoresMemo(selectBm25Index(s), s.query, s.bm25.k1, s.bm25.b);

/** How the first stage is named on screen: "First stage: BM25". */
export const firstStageNames: Record<FirstStageSource, string> = { supplied: 'retriever scores', bm25: 'BM25', input: 'input order' };

export interface FirstStage {
  ranking: Ranking;
  /** The source in force: a "supplied" choice without any supplied score falls back to BM25. */
  source: FirstStageSource;
  /** Why the source in force differs from the one chosen, if it does. */
  notice: string | null;
}

const firstStageMemo = memoizeLast(
  (candidates: readonly Candidate[], chosen: FirstStageSource, bm25Scores: Float64Array | null): FirstStage => {
    const hasScores = candidates.some((c) => c.score !== undefined);
    if (chosen === 'supplied' && !hasScores) {
      return {
        ranking: bm25Scores ? rankByScore(candidates, bm25Scores, 'BM25') : firstStageRanking(candidates, 'input'),
        source: 'bm25',
        notice: 'These documents carry no scores, so the first stage is BM25 over the query.',
      };
    }
    if (chosen === 'bm25' && bm25Scores) {
      return { ranking: rankByScore(candidates, bm25Scores, 'BM25'), source: 'bm25', notice: null };
    }
    return { ranking: firstStageRanking(candidates, chosen === 'bm25' ? 'input' : chosen), source: chosen, notice: null };
  },
);

export const selectFirstStage = (s: AppState): FirstStage => {
  const { candidates } = selectParsed(s);
  const needsBm25 = s.firstStage === 'bm25' || !candidates.some((c) => c.score !== undefined);
  return firstStageMemo(candidates, s.firstStage, needsBm25 ? selectBm25Scores(s) : null);
};

export const selectCandidateById = (s: AppState): ReadonlyMap<string, Candidate> => candidateMapMemo(selectParsed(s).candidates);
const candidateMapMemo = memoizeLast((candidates: readonly Candidate[]) => new Map(candidates.map((c) => [c.id, c])));

export type { Bm25Settings };

const judgmentsMemo = memoizeLast((candidates: readonly Candidate[], saved: Judgments | undefined): Judgments => {
  const merged: Record<string, number> = {};
  // Judgments that came with the documents (a `relevance`, `label` or `qrel` field) are the starting point...
  for (const c of candidates) if (c.relevance !== undefined) merged[c.id] = c.relevance;
  // ...and the user's own marks for this query win.
  return { ...merged, ...(saved ?? {}) };
});

/** The judgments in force for the current query. */
export const selectJudgments = (s: AppState): Judgments =>
  judgmentsMemo(selectParsed(s).candidates, s.judgmentsByQuery[judgmentKey(s.query)]);
