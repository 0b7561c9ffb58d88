/**
 * Okapi BM25 over the pasted candidates, built for teaching and for sliders:
 * `buildBm25Index` does the tokenizing once; `scoreBm25` then only walks the postings of the
 * query terms, so moving k1 or b re-scores without re-reading any text.
 *
 * score(q, d) = sum over each DISTINCT query term t of  idf(t) * tf*(k1+1) / (tf + k1*(1 - b + b*dl/avgdl))
 * idf(t)      = ln(1 + (N - n + 0.5) / (n + 0.5))     (Lucene's idf: never negative)
 *
 * We keep the classic Okapi (k1+1) in the numerator, so a term seen once in an average-length
 * document weighs exactly idf. Lucene >= 8 drops that constant; it scales every score by the
 * same factor and does not change the order.
 * Each DISTINCT query term counts once: "cat cat" scores like "cat". (Lucene would weight a repeated
 * query term twice.) One term, one row in the explanation, and a stuffed query changes nothing.
 */
import { tokenize, type TokenizerOptions } from './tokenize';

export interface Bm25Parameters {
  /** Term-frequency saturation: 0 ignores tf beyond presence, large values make tf nearly linear. */
  k1: number;
  /** Length normalisation: 0 ignores document length, 1 normalises fully. */
  b: number;
}

export const defaultBm25Parameters: Readonly<Bm25Parameters> = { k1: 1.2, b: 0.75 };

/** Slider bounds for the UI. */
export const bm25ParameterRanges = {
  k1: { min: 0, max: 3, step: 0.05 },
  b: { min: 0, max: 1, step: 0.05 },
} as const;

/** The documents that contain one term, with how often. docIds ascend. */
export interface Posting {
  readonly docIds: Uint32Array;
  readonly termFrequencies: Uint32Array;
}

export interface Bm25Index {
  readonly tokenizerOptions: Readonly<TokenizerOptions>;
  readonly documentCount: number;
  /** Terms per document after tokenizing (stopwords removed when asked). */
  readonly docLengths: Uint32Array;
  readonly avgDocLength: number;
  readonly postings: ReadonlyMap<string, Posting>;
}

/** One query term's share of one document's score: the numbers behind "why 7.3?". */
export interface TermContribution {
  term: string;
  /** Occurrences in this document. */
  tf: number;
  /** Documents that contain the term. */
  df: number;
  idf: number;
  docLength: number;
  avgDocLength: number;
  contribution: number;
}

export function buildBm25Index(texts: readonly string[], tokenizerOptions: Readonly<TokenizerOptions>): Bm25Index {
  // Terms get dense ids so that counting within a document is array arithmetic, not a Map per document.
  const termIds = new Map<string, number>();
  const docIdsByTerm: number[][] = [];
  const frequenciesByTerm: number[][] = [];
  let counts: Uint32Array = new Uint32Array(1024);
  const termsInDoc: number[] = [];
  const docLengths = new Uint32Array(texts.length);
  let totalLength = 0;

  texts.forEach((text, docId) => {
    const terms = tokenize(text, tokenizerOptions);
    docLengths[docId] = terms.length;
    totalLength += terms.length;
    for (const term of terms) {
      let termId = termIds.get(term);
      if (termId === undefined) {
        termId = termIds.size;
        termIds.set(term, termId);
        docIdsByTerm.push([]);
        frequenciesByTerm.push([]);
        if (termId >= counts.length) counts = growTo(counts, termId + 1);
      }
      if (counts[termId] === 0) termsInDoc.push(termId);
      counts[termId] = (counts[termId] as number) + 1;
    }
    for (const termId of termsInDoc) {
      (docIdsByTerm[termId] as number[]).push(docId);
      (frequenciesByTerm[termId] as number[]).push(counts[termId] as number);
      counts[termId] = 0;
    }
    termsInDoc.length = 0;
  });

  const postings = new Map<string, Posting>();
  for (const [term, termId] of termIds) {
    postings.set(term, {
      docIds: Uint32Array.from(docIdsByTerm[termId] as number[]),
      termFrequencies: Uint32Array.from(frequenciesByTerm[termId] as number[]),
    });
  }
  return {
    tokenizerOptions: { ...tokenizerOptions },
    documentCount: texts.length,
    docLengths,
    avgDocLength: texts.length === 0 ? 0 : totalLength / texts.length,
    postings,
  };
}

function growTo(counts: Uint32Array, minimumLength: number): Uint32Array {
  const grown = new Uint32Array(Math.max(minimumLength, counts.length * 2));
  grown.set(counts);
  return grown;
}

/** The distinct query terms, in first-seen order, tokenized like the documents. */
export function queryTerms(index: Bm25Index, query: string): string[] {
  return [...new Set(tokenize(query, index.tokenizerOptions))];
}

/** Lucene's idf for a term found in `df` of `documentCount` documents. */
export function bm25Idf(documentCount: number, df: number): number {
  return Math.log(1 + (documentCount - df + 0.5) / (df + 0.5));
}

/** One term's weight in one document; 0 when the term is absent. */
function termWeight(idf: number, tf: number, docLength: number, avgDocLength: number, params: Bm25Parameters): number {
  if (tf === 0) return 0;
  // An empty corpus has avgdl 0; no term occurs in it, so this only guards explainBm25's arithmetic.
  const relativeLength = avgDocLength > 0 ? docLength / avgDocLength : 1;
  const lengthNorm = params.k1 * (1 - params.b + params.b * relativeLength);
  // The tf part first, then times idf: at k1 = 0 it is tf / tf, exactly 1, so the weight is exactly idf.
  // (idf * tf / tf can land an ulp off idf, and documents that should tie would leave input order.)
  // Documents with the same tf and length get the same bits either way: same operations, same operands.
  const tfPart = (tf * (params.k1 + 1)) / (tf + lengthNorm);
  return idf * tfPart;
}

/** BM25 of every document for `query`, in document order. Documents that share no term score 0. */
export function scoreBm25(index: Bm25Index, query: string, params: Readonly<Bm25Parameters> = defaultBm25Parameters): Float64Array {
  const scores = new Float64Array(index.documentCount);
  for (const term of queryTerms(index, query)) {
    const posting = index.postings.get(term);
    if (!posting) continue;
    const idf = bm25Idf(index.documentCount, posting.docIds.length);
    for (let i = 0; i < posting.docIds.length; i++) {
      const docId = posting.docIds[i] as number;
      const tf = posting.termFrequencies[i] as number;
      scores[docId] = (scores[docId] as number) + termWeight(idf, tf, index.docLengths[docId] as number, index.avgDocLength, params);
    }
  }
  return scores;
}

/** How often `term` occurs in document `docId` (binary search: docIds ascend). */
function termFrequencyIn(posting: Posting | undefined, docId: number): number {
  if (!posting) return 0;
  let low = 0;
  let high = posting.docIds.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const found = posting.docIds[mid] as number;
    if (found === docId) return posting.termFrequencies[mid] as number;
    if (found < docId) low = mid + 1;
    else high = mid - 1;
  }
  return 0;
}

/**
 * Each distinct query term's share of document `docId`'s BM25 score, in query order.
 * The contributions sum to `scoreBm25(...)[docId]`. Terms absent from the corpus appear with df 0.
 */
export function explainBm25(
  index: Bm25Index,
  query: string,
  docId: number,
  params: Readonly<Bm25Parameters> = defaultBm25Parameters,
): TermContribution[] {
  if (!Number.isInteger(docId) || docId < 0 || docId >= index.documentCount) {
    throw new RangeError(`explainBm25: docId ${docId} is outside 0..${index.documentCount - 1}`);
  }
  const docLength = index.docLengths[docId] as number;
  return queryTerms(index, query).map((term) => {
    const posting = index.postings.get(term);
    const df = posting ? posting.docIds.length : 0;
    const tf = termFrequencyIn(posting, docId);
    const idf = bm25Idf(index.documentCount, df);
    const contribution = termWeight(idf, tf, docLength, index.avgDocLength, params);
    return { term, tf, df, idf, docLength, avgDocLength: index.avgDocLength, contribution };
  });
}

/**
 * BM25 of one query over just these texts (an index over them, then the query's scores in text order): what
 * a query's first stage and the BM25 column compute, on the main thread or in the compute worker alike.
 */
export function bm25OverTexts(texts: readonly string[], query: string, params: Readonly<Bm25Parameters>, tokenizer: Readonly<TokenizerOptions>): Float64Array {
  return scoreBm25(buildBm25Index(texts, tokenizer), query, params);
}
