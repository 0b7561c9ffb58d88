import { parseDocuments, type ParseOptions, type ParseResult } from '../core/parse';
import { rankingPositions } from '../core/ranking';
import type { Candidate } from '../core/types';
import { buildBm25Index, scoreBm25, type Bm25Index, type Bm25Parameters } from '../core/retrieval/bm25';
import type { TokenizerOptions } from '../core/retrieval/tokenize';

/**
 * The worker's copy of the last large paste: its parse, and the BM25 index over it for the tokenizer options
 * last asked for. A slider move then only rescores (fast); a new paste or tokenizer rebuilds. The scores come
 * ranked too, so the page does not sort 50,000 of them.
 */
export function createParsedDocuments() {
  let current: { version: number; candidates: readonly Candidate[]; texts: string[] } | null = null;
  let index: { version: number; key: string; index: Bm25Index } | null = null;
  return {
    parse(version: number, text: string, options: ParseOptions): ParseResult {
      const result = parseDocuments(text, options);
      current = { version, candidates: result.candidates, texts: result.candidates.map((c) => c.text) };
      index = null;
      return result;
    },
    /** null when the worker no longer holds that version (a newer paste replaced it). */
    bm25(version: number, query: string, params: Readonly<Bm25Parameters>, tokenizer: Readonly<TokenizerOptions>): { scores: Float64Array; order: Uint32Array } | null {
      if (!current || current.version !== version) return null;
      const key = `${tokenizer.stem}:${tokenizer.stopwords}`;
      if (!index || index.version !== version || index.key !== key) index = { version, key, index: buildBm25Index(current.texts, tokenizer) };
      const scores = scoreBm25(index.index, query, params);
      return { scores, order: rankingPositions(current.candidates, scores) };
    },
  };
}
