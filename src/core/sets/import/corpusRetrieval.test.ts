import { describe, expect, it } from 'vitest';
import { bm25CorpusRetriever, topScoring } from './corpusRetrieval';

describe('topScoring', () => {
  it('keeps the k best positive scores, best first, equal scores in corpus order', () => {
    const scores = Float64Array.from([0, 3, 1, 3, 0, 2]);
    expect(topScoring(scores, 3)).toEqual([1, 3, 5]);
    expect(topScoring(scores, 2)).toEqual([1, 3]);
    expect(topScoring(scores, 1)).toEqual([1]);
    // Zero means no shared term: never retrieved, even with room to spare.
    expect(topScoring(scores, 10)).toEqual([1, 3, 5, 2]);
    expect(topScoring(scores, 0)).toEqual([]);
  });

  it('breaks a tie at the cut by corpus order, however the ties arrive', () => {
    expect(topScoring(Float64Array.from([1, 1, 1, 1, 1]), 2)).toEqual([0, 1]);
    expect(topScoring(Float64Array.from([1, 5, 1, 5, 1, 5]), 2)).toEqual([1, 3]);
  });

  it('agrees with a full sort on a larger list', () => {
    // A fixed pseudo-random sequence with many repeats (x -> 37x + 11 mod 101, scores mod 13).
    const values: number[] = [];
    for (let i = 0, x = 7; i < 500; i += 1, x = (37 * x + 11) % 101) values.push(x % 13);
    const byHand = values
      .map((score, position) => ({ score, position }))
      .filter(({ score }) => score > 0)
      .sort((a, b) => b.score - a.score || a.position - b.position)
      .slice(0, 25)
      .map(({ position }) => position);
    expect(topScoring(Float64Array.from(values), 25)).toEqual(byHand);
  });
});

describe('bm25CorpusRetriever', () => {
  // Tokenized with the app's defaults (no stemming, stopwords kept):
  //   __proto__   "apple banana"   dl 2
  //   constructor "apple"          dl 1
  //   toString    "banana cherry"  dl 2
  //   d           "apple"          dl 1
  // N = 4, avgdl = 6/4 = 1.5. "apple" is in n = 3: idf = ln(1 + (4 - 3 + 0.5) / (3 + 0.5)) = ln(10/7) = 0.35667494393873245
  // K(dl 1) = 1.2 * (0.25 + 0.75 * 1/1.5) = 0.9;  K(dl 2) = 1.2 * (0.25 + 0.75 * 2/1.5) = 1.5
  //   dl 1, tf 1: 0.35667494 * 2.2 / (1 + 0.9) = 0.41299204035
  //   dl 2, tf 1: 0.35667494 * 2.2 / (1 + 1.5) = 0.31387395067
  const corpus = new Map([
    ['__proto__', 'apple banana'],
    ['constructor', 'apple'],
    ['toString', 'banana cherry'],
    ['d', 'apple'],
  ]);

  it('returns the top K by BM25, ties in corpus order, documents sharing no term left out', () => {
    const found = bm25CorpusRetriever()([{ id: 'q', text: 'apple' }], corpus, 10).get('q') ?? [];
    expect(found.map((hit) => hit.docId)).toEqual(['constructor', 'd', '__proto__']);
    expect(found[0]?.score).toBeCloseTo(0.41299204035, 9);
    expect(found[1]?.score).toBeCloseTo(0.41299204035, 9);
    expect(found[2]?.score).toBeCloseTo(0.31387395067, 9);
  });

  it('cuts at K', () => {
    const found = bm25CorpusRetriever()([{ id: 'q', text: 'apple' }], corpus, 2);
    expect(found.get('q')?.map((hit) => hit.docId)).toEqual(['constructor', 'd']);
  });

  it('answers every query by its id, an empty list when nothing matches', () => {
    const found = bm25CorpusRetriever()([{ id: '__proto__', text: 'cherry' }, { id: 'constructor', text: 'durian' }], corpus, 5);
    expect(found.get('__proto__')?.map((hit) => hit.docId)).toEqual(['toString']);
    expect(found.get('constructor')).toEqual([]);
  });

  it('does not stem by default, as the app does not; stemming is an option', () => {
    expect(bm25CorpusRetriever()([{ id: 'q', text: 'apples' }], corpus, 5).get('q')).toEqual([]);
    expect(bm25CorpusRetriever({ stem: true })([{ id: 'q', text: 'apples' }], corpus, 5).get('q')?.length).toBe(3);
  });
});
