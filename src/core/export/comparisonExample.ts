/**
 * A hand-made comparison for the export tests: five documents, a top-4 cut, and two reranked columns.
 *
 * First stage (retriever score): __proto__ 4 (1), constructor 3 (2), "c,1" 2 (3), =HYPERLINK 1 (4), e 0.5 (5).
 * Column 1 (raw logit): __proto__ 1, constructor -2, "c,1" 3, =HYPERLINK -3
 *   -> "c,1" 1 (▲2), __proto__ 2 (▼1), constructor 3 (▼1), =HYPERLINK 4 (=), then e 5 (not reranked).
 * Column 2 (BM25): __proto__ 2, constructor 5, "c,1" 1, =HYPERLINK 0
 *   -> constructor 1 (▲1), __proto__ 2 (▼1), "c,1" 3 (=), =HYPERLINK 4 (=), then e 5 (not reranked).
 */
import { firstStageRanking } from '../ranking';
import { rerankedOrder } from '../rerankedOrder';
import type { Candidate, ScoreKind } from '../types';
import type { ComparisonInput } from './comparisonModel';

export const FORMULA_ID = '=HYPERLINK("x")';
const ids = ['__proto__', 'constructor', 'c,1', FORMULA_ID, 'e'];
const firstStageScores = [4, 3, 2, 1, 0.5];

export const exampleCandidates: Candidate[] = ids.map((id, index) => ({ id, text: `text of ${id}`, index, score: firstStageScores[index] as number }));

const byId = new Map(exampleCandidates.map((c) => [c.id, c]));
const firstStage = firstStageRanking(exampleCandidates, 'supplied');
const sent = ids.slice(0, 4);

function orderOf(scores: number[], kind: ScoreKind, scoredIds: readonly string[] = sent) {
  return rerankedOrder(firstStage, byId, sent, new Map(scoredIds.map((id) => [id, scores[sent.indexOf(id)] as number])), kind);
}

/** Two decimals, enough to tell the rows apart (the app passes features/rankings/formatScore.ts). */
export const twoDecimals = (score: number): string => (Number.isFinite(score) ? score.toFixed(2) : '—');

export function exampleInput(overrides: Partial<ComparisonInput> = {}): ComparisonInput {
  return {
    queryId: 'q1',
    queryText: 'ai, drugs',
    firstStageTitle: 'First stage: retriever scores',
    firstStage,
    topN: 4,
    columns: [
      { title: 'Reranked: model-x', order: orderOf([1, -2, 3, -3], 'raw logit') },
      { title: 'Reranked: BM25 over the top N', order: orderOf([2, 5, 1, 0], 'BM25') },
    ],
    texts: new Map(exampleCandidates.map((c) => [c.id, c.text])),
    scoreDisplay: 'raw',
    formatScore: twoDecimals,
    ...overrides,
  };
}

/** Column 1 with only some documents scored: a run still streaming. */
export function streamingColumn(scoredIds: readonly string[]) {
  return { title: 'Reranked: streaming', order: orderOf([1, -2, 3, -3], 'raw logit', scoredIds) };
}
