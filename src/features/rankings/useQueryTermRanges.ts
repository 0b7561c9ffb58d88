import { useMemo } from 'react';
import type { HighlightRange } from '../../core/highlightSegments';
import { analyzeWords, matchingWords, queryTermSet } from '../../core/queryTermMatch';
import type { TokenizerOptions } from '../../core/retrieval/tokenize';
import { useAppStore, type AppState } from '../../store';
import { memoizeLast } from '../../store/memo';
import { selectQueryText } from '../../store/selectors';

const noRanges: readonly HighlightRange[] = [];

// Every row asks on every store update (a streamed run updates often), so the answers are primitives worked
// out once per (query, options): a row renders again only when the terms or the options change, not on a
// space or a stopword typed in Query.
const termsKeyMemo = memoizeLast((query: string, stem: boolean, stopwords: boolean): string => JSON.stringify([...queryTermSet(query, { stem, stopwords })].sort()));

/** The query's distinct terms as a sorted JSON array; '' while highlighting is off. */
export const selectHighlightTermsKey = (s: AppState): string => (s.highlightQueryTerms ? termsKeyMemo(selectQueryText(s), s.bm25.stem, s.bm25.stopwords) : '');

/** The first stage's tokenizer options as "stem,stopwords" flags ("10": stemmed, stopwords kept); '' while off. */
export const selectHighlightOptionsKey = (s: AppState): string => (s.highlightQueryTerms ? `${Number(s.bm25.stem)}${Number(s.bm25.stopwords)}` : '');

const optionsOf = (key: string): TokenizerOptions => ({ stem: key[0] === '1', stopwords: key[1] === '1' });
// One Set per query for all rows, not one per row.
const termSetOf = memoizeLast((termsKey: string): ReadonlySet<string> => new Set(JSON.parse(termsKey) as string[]));

/**
 * The spans of `text` that match a term of the query on screen, when the toggle is on, analyzed like the first
 * stage's BM25 (the same tokenizer, stemming and stopwords). The analysis of the text is kept while the query
 * changes, so a keypress only looks words up in a set.
 */
export function useQueryTermRanges(text: string): readonly HighlightRange[] {
  const optionsKey = useAppStore(selectHighlightOptionsKey);
  const termsKey = useAppStore(selectHighlightTermsKey);
  const words = useMemo(() => (optionsKey === '' ? null : analyzeWords(text, optionsOf(optionsKey))), [text, optionsKey]);
  return useMemo(() => {
    if (!words || termsKey === '') return noRanges;
    const ranges = matchingWords(words, termSetOf(termsKey));
    return ranges.length === 0 ? noRanges : ranges.map((r): HighlightRange => ({ ...r, kind: 'term' }));
  }, [words, termsKey]);
}
