import { describe, expect, it } from 'vitest';
import type { ParseOptions } from '../core/parse';
import { rankByScore, rememberRankingPositions } from '../core/ranking';
import { createParsedDocuments } from './parsedDocuments';

const options: ParseOptions = { format: 'text', textMode: 'lines', fields: {} };

describe('createParsedDocuments', () => {
  it('ranks the BM25 scores it computes: highest first, ties (here the zeros) in input order', () => {
    const parsed = createParsedDocuments();
    const result = parsed.parse(1, 'cat\ndog\ncat cat\nbird', options);
    const ranked = parsed.bm25(1, 'cat', { k1: 1.2, b: 0.75 }, { stem: false, stopwords: false });
    // By hand: avgdl 1.25; "cat cat" 4.4 / 3.74 = 1.18·idf beats "cat" 2.2 / 2.02 = 1.09·idf; dog and bird score 0.
    expect(Array.from(ranked?.order ?? [])).toEqual([2, 0, 1, 3]);
    expect(result.candidates).toHaveLength(4);
  });

  it('gives the order rankByScore would sort, so the page can skip the sort', () => {
    const parsed = createParsedDocuments();
    const words = ['cat', 'dog', 'bird', 'fish'];
    const text = Array.from({ length: 500 }, (_, i) => `${words[i % 4]} ${words[(i * 7) % 4]} ${words[(i * 13) % 3]}`).join('\n');
    const { candidates } = parsed.parse(2, text, options);
    const ranked = parsed.bm25(2, 'cat fish', { k1: 1.2, b: 0.75 }, { stem: false, stopwords: false });
    if (!ranked) throw new Error('no scores');
    const sorted = rankByScore(candidates, Float64Array.from(ranked.scores), 'BM25');
    rememberRankingPositions(ranked.scores, ranked.order);
    expect(rankByScore(candidates, ranked.scores, 'BM25')).toEqual(sorted);
  });

  it('answers null for a version it no longer holds', () => {
    const parsed = createParsedDocuments();
    parsed.parse(1, 'a\nb', options);
    parsed.parse(2, 'c\nd', options);
    expect(parsed.bm25(1, 'a', { k1: 1.2, b: 0.75 }, { stem: false, stopwords: false })).toBeNull();
  });
});
