import { porterStem } from './porter';
import { englishStopwords } from './stopwords';

export interface TokenizerOptions {
  /** Reduce English words to their Porter stem ("running" -> "run"). */
  stem: boolean;
  /** Drop English stopwords (NLTK's list, see stopwords.ts) before stemming. */
  stopwords: boolean;
}

/** What Lucene's EnglishAnalyzer does too: drop stopwords, then stem. */
export const defaultTokenizerOptions: Readonly<TokenizerOptions> = { stem: true, stopwords: true };

// A token is a run of letters, digits and combining marks, in any script.
const tokenPattern = /[\p{L}\p{N}\p{M}]+/gu;
// The Porter stemmer only knows English; other words (café, москва, 東京) pass through.
const plainEnglishWord = /^[a-z]+$/;

// Stemming is most of the tokenizing time, and text repeats its words (Zipf): remember stems.
// Cleared when full, so a huge paste cannot grow it without bound.
const stemCache = new Map<string, string>();
const stemCacheLimit = 100_000;

function cachedStem(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    if (stemCache.size >= stemCacheLimit) stemCache.clear();
    stem = porterStem(word);
    stemCache.set(word, stem);
  }
  return stem;
}

/**
 * Splits text into lowercase terms. NFKC first, so full-width letters, ligatures and
 * decomposed accents ("e" + U+0301) become the same term as their ordinary forms.
 */
export function tokenize(text: string, options: Readonly<TokenizerOptions>): string[] {
  const normalized = text.normalize('NFKC').toLowerCase();
  const terms: string[] = [];
  // match() beats matchAll() here: no match objects, just strings.
  for (const word of normalized.match(tokenPattern) ?? []) {
    if (options.stopwords && englishStopwords.has(word)) continue;
    terms.push(options.stem && plainEnglishWord.test(word) ? cachedStem(word) : word);
  }
  return terms;
}
