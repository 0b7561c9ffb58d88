export { tokenize, defaultTokenizerOptions, type TokenizerOptions } from './tokenize';
export { porterStem } from './porter';
export { englishStopwords } from './stopwords';
export {
  buildBm25Index,
  scoreBm25,
  explainBm25,
  queryTerms,
  bm25Idf,
  defaultBm25Parameters,
  bm25ParameterRanges,
  type Bm25Index,
  type Bm25Parameters,
  type Posting,
  type TermContribution,
} from './bm25';
