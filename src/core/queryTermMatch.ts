/**
 * Where a query's terms occur in a document's own text, for highlighting: the words of the text that BM25
 * would count for the query, with the same analysis (retrieval/tokenize.ts: NFKC, lowercase, stopwords, Porter).
 *
 * tokenize() works on the normalized text, whose offsets differ from the original's (a ligature "ﬁ" becomes "fi",
 * "e" + U+0301 becomes "é"). So the words are found in the original text, and each word is tokenized on its own:
 * a word matches when any term it yields is a query term. Nearly every word yields exactly one term; "½"
 * (NFKC "1⁄2") yields two.
 */
import { tokenize, type TokenizerOptions } from './retrieval/tokenize';

/** A span of a text in UTF-16 code units (what String.prototype.slice takes), end exclusive. */
export interface TextRange {
  start: number;
  end: number;
}

/** One word of a document, with the terms the first stage's tokenizer makes of it (none for a stopword). */
export interface AnalyzedWord extends TextRange {
  terms: readonly string[];
}

// The tokenizer's token characters (tokenize.ts): letters, digits and combining marks, in any script.
const tokenChar = /[\p{L}\p{N}\p{M}]/u;
const asciiWordChar = /[A-Za-z0-9]/;

/** Whether a character belongs to a word: a token character itself, or one that NFKC makes into some ("㎏" -> "kg"). */
function isWordChar(char: string): boolean {
  if (char.length === 1 && char.charCodeAt(0) < 0x80) return asciiWordChar.test(char);
  if (tokenChar.test(char)) return true;
  const normalized = char.normalize('NFKC');
  return normalized !== char && tokenChar.test(normalized);
}

/**
 * The words of `text` and their terms, in text order. Depends on the text and the tokenizer options only, so a
 * caller can keep it while the query changes and redo only the cheap `matchingWords`.
 */
export function analyzeWords(text: string, options: Readonly<TokenizerOptions>): AnalyzedWord[] {
  const words: AnalyzedWord[] = [];
  let start = -1;
  let offset = 0;
  const close = (end: number) => {
    if (start < 0) return;
    words.push({ start, end, terms: tokenize(text.slice(start, end), options) });
    start = -1;
  };
  // for...of walks code points, so a letter outside the BMP (two code units) is one character.
  for (const char of text) {
    if (isWordChar(char)) {
      if (start < 0) start = offset;
    } else {
      close(offset);
    }
    offset += char.length;
  }
  close(offset);
  return words;
}

/** The distinct terms of a query, analyzed like the documents (what BM25 scores with). */
export function queryTermSet(query: string, options: Readonly<TokenizerOptions>): Set<string> {
  return new Set(tokenize(query, options));
}

/** The spans of the words that yield at least one of `terms`, in text order. */
export function matchingWords(words: readonly AnalyzedWord[], terms: ReadonlySet<string>): TextRange[] {
  if (terms.size === 0) return [];
  const ranges: TextRange[] = [];
  for (const word of words) {
    if (word.terms.some((term) => terms.has(term))) ranges.push({ start: word.start, end: word.end });
  }
  return ranges;
}

/** Both steps at once: the spans of `text` that match a term of `query`. */
export function queryTermRanges(text: string, query: string, options: Readonly<TokenizerOptions>): TextRange[] {
  const terms = queryTermSet(query, options);
  return terms.size === 0 ? [] : matchingWords(analyzeWords(text, options), terms);
}
