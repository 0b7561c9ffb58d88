import { describe, expect, it } from 'vitest';
import { rankByScore } from '../ranking';
import { buildBm25Index, explainBm25, scoreBm25 } from './bm25';

const plain = { stem: false, stopwords: false };
const defaults = { k1: 1.2, b: 0.75 };
const closeTo = (actual: number | undefined, expected: number) => expect(actual).toBeCloseTo(expected, 9);

// The tiny corpus, tokenized with stopwords kept and no stemming:
//   d0 "the cat sat on the mat"  dl = 6
//   d1 "the dog sat"             dl = 3
//   d2 "cat cat dog"             dl = 3
// N = 3, avgdl = 12 / 3 = 4.
// Length norm K(d) = k1 * (1 - b + b * dl / avgdl) with k1 = 1.2, b = 0.75:
//   K(d0) = 1.2 * (0.25 + 0.75 * 6/4) = 1.2 * 1.375  = 1.65
//   K(d1) = K(d2) = 1.2 * (0.25 + 0.75 * 3/4) = 1.2 * 0.8125 = 0.975
// idf: "cat", "the", "sat", "dog" are in n = 2 docs: ln(1 + (3 - 2 + 0.5) / 2.5) = ln(1.6) = 0.4700036292457356
//      "mat" is in n = 1 doc:                      ln(1 + (3 - 1 + 0.5) / 1.5) = ln(8/3) = 0.9808292530117262
const corpus = ['The cat sat on the mat.', 'The dog sat', 'cat cat dog'];

describe('scoreBm25 on a corpus worked by hand', () => {
  const index = buildBm25Index(corpus, plain);

  it('records document lengths and their mean', () => {
    expect([...index.docLengths]).toEqual([6, 3, 3]);
    expect(index.avgDocLength).toBe(4);
  });

  it('scores a single term', () => {
    const scores = scoreBm25(index, 'cat', defaults);
    // d0: tf 1 -> ln(1.6) * 1 * 2.2 / (1 + 1.65)   = 0.4700036292457356 * 2.2 / 2.65  = 0.3901916922040069
    closeTo(scores[0], 0.3901916922040069);
    // d1: no "cat"
    expect(scores[1]).toBe(0);
    // d2: tf 2 -> ln(1.6) * 2 * 2.2 / (2 + 0.975)  = 0.4700036292457356 * 4.4 / 2.975 = 0.695131418044113
    closeTo(scores[2], 0.695131418044113);
  });

  it('adds the terms of a query, a rarer term weighing more', () => {
    const scores = scoreBm25(index, 'cat mat', defaults);
    // d0: cat 0.3901916922040069 + mat ln(8/3) * 2.2 / 2.65 = 0.8142733421229427  -> 1.2044650343269496
    closeTo(scores[0], 1.2044650343269496);
    closeTo(scores[2], 0.695131418044113);
  });

  it('counts each distinct query term once', () => {
    const once = scoreBm25(index, 'cat', defaults);
    const repeated = scoreBm25(index, 'cat CAT cat', defaults);
    expect([...repeated]).toEqual([...once]);
  });

  it('follows k1 and b without rebuilding the index', () => {
    // k1 = 2, b = 0: K = 2 everywhere. d0: ln(1.6) * 1 * 3 / (1 + 2) = 0.4700036292457356
    //                                  d2: ln(1.6) * 2 * 3 / (2 + 2) = 0.7050054438686033
    const flat = scoreBm25(index, 'cat', { k1: 2, b: 0 });
    closeTo(flat[0], 0.4700036292457356);
    closeTo(flat[2], 0.7050054438686033);
    // k1 = 0: tf stops mattering, each matching doc gets exactly idf = ln(1.6)
    const presence = scoreBm25(index, 'cat', { k1: 0, b: 0.75 });
    closeTo(presence[0], 0.4700036292457356);
    closeTo(presence[2], 0.4700036292457356);
  });

  it('at k1 = 0 gives every matching document exactly idf, so equal documents keep input order', () => {
    // ["cat cat cat", "cat", "dog"]: N = 3, "cat" in n = 2 -> idf = ln(1 + 1.5 / 2.5) = ln(1.6) = 0.4700036292457356.
    // k1 = 0 makes the tf part tf * 1 / (tf + 0) = 1, so both cat documents score idf, whatever their tf.
    // (Computed as idf * tf / tf, tf = 3 gives 0.4700036292457355, one ulp below, and the tf = 1 document jumps ahead.)
    const texts = ['cat cat cat', 'cat', 'dog'];
    const scores = scoreBm25(buildBm25Index(texts, plain), 'cat', { k1: 0, b: 0.75 });
    expect(scores[0]).toBe(Math.log(1.6));
    expect(scores[1]).toBe(Math.log(1.6));
    expect(scores[0]).toBe(scores[1]);
    const candidates = texts.map((text, index) => ({ id: ['__proto__', 'constructor', 'toString'][index] as string, text, index }));
    expect(rankByScore(candidates, scores, 'BM25').entries.map((e) => e.id)).toEqual(['__proto__', 'constructor', 'toString']);
    // explainBm25 shows the same exact idf for the tf = 3 document.
    expect(explainBm25(buildBm25Index(texts, plain), 'cat', 0, { k1: 0, b: 0.75 })[0]?.contribution).toBe(Math.log(1.6));
  });

  it('scores 0 everywhere for an empty query or a term absent from the corpus', () => {
    expect([...scoreBm25(index, '', defaults)]).toEqual([0, 0, 0]);
    expect([...scoreBm25(index, '?!', defaults)]).toEqual([0, 0, 0]);
    expect([...scoreBm25(index, 'zebra', defaults)]).toEqual([0, 0, 0]);
  });
});

describe('tokenizer options change what matches', () => {
  it('with stopwords removed, "the" matches nothing and lengths shrink', () => {
    const index = buildBm25Index(corpus, { stem: false, stopwords: true });
    // d0 "cat sat mat" dl 3, d1 "dog sat" dl 2, d2 "cat cat dog" dl 3: avgdl = 8/3
    expect([...index.docLengths]).toEqual([3, 2, 3]);
    expect([...scoreBm25(index, 'the', defaults)]).toEqual([0, 0, 0]);
    // K(d0) = 1.2 * (0.25 + 0.75 * 3 / (8/3)) = 1.2 * 1.09375 = 1.3125
    // d0 "cat": ln(1.6) * 2.2 / (1 + 1.3125) = 0.4700036292457356 * 2.2 / 2.3125 = 0.44713858782297006
    closeTo(scoreBm25(index, 'cat', defaults)[0], 0.44713858782297006);
  });

  it('with stopwords kept, "the" matches d0 (tf 2) and d1 (tf 1)', () => {
    const scores = scoreBm25(buildBm25Index(corpus, plain), 'the', defaults);
    // d0: ln(1.6) * 2 * 2.2 / (2 + 1.65) = 0.4700036292457356 * 4.4 / 3.65  = 0.5665797174469142
    // d1: ln(1.6) * 1 * 2.2 / (1 + 0.975) = 0.4700036292457356 * 2.2 / 1.975 = 0.5235483465015789
    closeTo(scores[0], 0.5665797174469142);
    closeTo(scores[1], 0.5235483465015789);
    expect(scores[2]).toBe(0);
  });

  it('stemming lets "runs" match "running"', () => {
    const docs = ['running shoes', 'shoe rack'];
    expect([...scoreBm25(buildBm25Index(docs, plain), 'runs shoe', defaults)].map((s) => s > 0)).toEqual([false, true]);
    const stemmed = scoreBm25(buildBm25Index(docs, { stem: true, stopwords: false }), 'runs shoe', defaults);
    expect(stemmed[0]).toBeGreaterThan(stemmed[1] as number);
  });

  it('matches accented and non-Latin words, whatever their case or Unicode form', () => {
    const index = buildBm25Index(['Un café à Москва', 'un thé', '東京タワー'], plain);
    const scores = scoreBm25(index, 'CAFE\u0301 москва', defaults);
    expect(scores[0]).toBeGreaterThan(0);
    expect(scores[1]).toBe(0);
    expect(scoreBm25(index, '東京タワー', defaults)[2]).toBeGreaterThan(0);
  });

  it('handles empty documents and an empty corpus', () => {
    const index = buildBm25Index(['', 'cat'], plain);
    // avgdl = (0 + 1) / 2 = 0.5. "cat": n = 1, N = 2: idf = ln(1 + 1.5/1.5) = ln 2 = 0.6931471805599453
    // d1: K = 1.2 * (0.25 + 0.75 * 1/0.5) = 1.2 * 1.75 = 2.1; ln 2 * 2.2 / 3.1 = 0.4919109023328644
    const scores = scoreBm25(index, 'cat', defaults);
    expect(scores[0]).toBe(0);
    closeTo(scores[1], 0.4919109023328644);
    const empty = buildBm25Index([], plain);
    expect(empty.avgDocLength).toBe(0);
    expect(scoreBm25(empty, 'cat', defaults).length).toBe(0);
  });
});

describe('explainBm25', () => {
  const index = buildBm25Index(corpus, plain);

  it('gives each distinct query term its numbers, in query order', () => {
    const rows = explainBm25(index, 'mat cat zebra cat', 0, defaults);
    expect(rows.map((r) => r.term)).toEqual(['mat', 'cat', 'zebra']);
    const [mat, cat, zebra] = rows;
    expect(mat).toMatchObject({ tf: 1, df: 1, docLength: 6, avgDocLength: 4 });
    closeTo(mat?.idf, 0.9808292530117262);
    closeTo(mat?.contribution, 0.8142733421229427);
    expect(cat).toMatchObject({ tf: 1, df: 2 });
    closeTo(cat?.contribution, 0.3901916922040069);
    // Absent from the corpus: df 0, idf ln(1 + 3.5/0.5) = ln 8 = 2.0794415416798357, nothing contributed
    expect(zebra).toMatchObject({ tf: 0, df: 0, contribution: 0 });
    closeTo(zebra?.idf, 2.0794415416798357);
  });

  it('sums to the score, for every document and other parameters', () => {
    const params = { k1: 0.9, b: 0.4 };
    const scores = scoreBm25(index, 'the cat sat', params);
    for (let doc = 0; doc < corpus.length; doc++) {
      const sum = explainBm25(index, 'the cat sat', doc, params).reduce((total, r) => total + r.contribution, 0);
      closeTo(sum, scores[doc] as number);
    }
  });

  it('shows a term the document lacks with tf 0', () => {
    const [cat] = explainBm25(index, 'cat', 1, defaults);
    expect(cat).toMatchObject({ term: 'cat', tf: 0, df: 2, docLength: 3, contribution: 0 });
  });

  it('rejects a document number outside the corpus', () => {
    expect(() => explainBm25(index, 'cat', 3, defaults)).toThrow(RangeError);
  });
});
