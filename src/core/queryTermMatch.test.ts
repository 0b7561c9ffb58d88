import { describe, expect, it } from 'vitest';
import { analyzeWords, matchingWords, queryTermRanges, queryTermSet } from './queryTermMatch';

const stemAndStop = { stem: true, stopwords: true };
const plain = { stem: false, stopwords: false };

// Offsets of the text below, worked by hand:
// "Running shoes: the runner runs."
//  R=0 .. g=6 | shoes 8..13 | ':' 13 | the 15..18 | runner 19..25 | runs 26..30 | '.' 30
const shoes = 'Running shoes: the runner runs.';

describe('queryTermRanges', () => {
  it('highlights stemmed matches: "run" finds "Running" and "runs" (Porter: both -> run), not "runner" (stays runner)', () => {
    expect(queryTermRanges(shoes, 'run', stemAndStop)).toEqual([
      { start: 0, end: 7 },
      { start: 26, end: 30 },
    ]);
  });

  it('does not highlight a stopword when stopwords are dropped, and does when they are kept', () => {
    // "the running" -> stopwords drop "the", so the only term is "run".
    expect(queryTermRanges(shoes, 'the running', stemAndStop)).toEqual([
      { start: 0, end: 7 },
      { start: 26, end: 30 },
    ]);
    // Kept, "the" is a term and matches "the" at 15..18.
    expect(queryTermRanges(shoes, 'the running', { stem: true, stopwords: false })).toEqual([
      { start: 0, end: 7 },
      { start: 15, end: 18 },
      { start: 26, end: 30 },
    ]);
  });

  it('without stemming matches whole words only, ignoring case', () => {
    expect(queryTermRanges(shoes, 'RUNNING', plain)).toEqual([{ start: 0, end: 7 }]);
  });

  it('cuts words at punctuation like the tokenizer does', () => {
    // "AI-driven (drug) discovery." : AI 0..2, driven 3..9, drug 11..15, discovery 17..26
    expect(queryTermRanges('AI-driven (drug) discovery.', 'drug', plain)).toEqual([{ start: 11, end: 15 }]);
    expect(queryTermRanges('AI-driven (drug) discovery.', 'ai driven', plain)).toEqual([
      { start: 0, end: 2 },
      { start: 3, end: 9 },
    ]);
  });

  it('matches composed and decomposed accents alike (NFKC), but not the unaccented word', () => {
    // "Café" 0..4, "CAFE" + U+0301 5..10 (5 code units), "cafe" 11..15
    expect(queryTermRanges('Café CAFE\u0301 cafe', 'café', stemAndStop)).toEqual([
      { start: 0, end: 4 },
      { start: 5, end: 10 },
    ]);
  });

  it('maps full-width, ligature and astral letters back to their place in the original text', () => {
    // Full-width RUNNING: 7 code units, NFKC "running" -> run.
    expect(queryTermRanges('ＲＵＮＮＩＮＧ fast', 'run', stemAndStop)).toEqual([{ start: 0, end: 7 }]);
    // U+FB01 "ﬁ" is one code unit: "ﬁnding" is 0..6, NFKC "finding" -> find.
    expect(queryTermRanges('ﬁnding drugs', 'find', stemAndStop)).toEqual([{ start: 0, end: 6 }]);
    // Mathematical bold "Runs": 4 letters outside the BMP, 2 code units each, so 0..8.
    expect(queryTermRanges('\u{1D411}\u{1D42E}\u{1D427}\u{1D42C} ok', 'run', stemAndStop)).toEqual([{ start: 0, end: 8 }]);
  });

  it('counts a symbol that NFKC turns into letters or digits as a word', () => {
    // "㎏" (U+338F, a symbol) is "kg" after NFKC; "½" is "1⁄2", the two terms 1 and 2.
    expect(queryTermRanges('5 ㎏ bag', 'kg', plain)).toEqual([{ start: 2, end: 3 }]);
    expect(queryTermRanges('½ cup', '2', plain)).toEqual([{ start: 0, end: 1 }]);
  });

  it('treats words like __proto__, constructor and toString as plain words', () => {
    // "__proto__ constructor toString": proto 2..7 (underscores are not word characters), constructor 10..21, toString 22..30
    const text = '__proto__ constructor toString';
    expect(queryTermRanges(text, 'constructor tostring', plain)).toEqual([
      { start: 10, end: 21 },
      { start: 22, end: 30 },
    ]);
    expect(queryTermRanges(text, '__proto__', plain)).toEqual([{ start: 2, end: 7 }]);
  });

  it('finds nothing for an empty query or one of stopwords only', () => {
    expect(queryTermRanges(shoes, '', stemAndStop)).toEqual([]);
    expect(queryTermRanges(shoes, 'the of and', stemAndStop)).toEqual([]);
    expect(queryTermRanges('', 'run', stemAndStop)).toEqual([]);
  });
});

describe('analyzeWords and matchingWords', () => {
  it('keeps a stopword as a word with no terms', () => {
    expect(analyzeWords('The cat', stemAndStop)).toEqual([
      { start: 0, end: 3, terms: [] },
      { start: 4, end: 7, terms: ['cat'] },
    ]);
  });

  it('reuses one analysis for several queries', () => {
    const words = analyzeWords(shoes, stemAndStop);
    expect(matchingWords(words, queryTermSet('shoe', stemAndStop))).toEqual([{ start: 8, end: 13 }]);
    expect(matchingWords(words, queryTermSet('runner', stemAndStop))).toEqual([{ start: 19, end: 25 }]);
    expect(matchingWords(words, new Set())).toEqual([]);
  });
});
