import { describe, expect, it } from 'vitest';
import { samplePasteSetup, sampleSetSetup } from './sampleSetups';
import { describeSetup } from './summary';

describe('describeSetup', () => {
  it('names the query, the size of the documents and every column, with the server a rerank would call', () => {
    const lines = describeSetup(samplePasteSetup());
    const documents = samplePasteSetup().paste?.documentsText.length ?? 0;
    expect(lines).toEqual([
      'Query: "what is a cross-encoder?".',
      `Documents: ${documents} characters of text (from hits.csv).`,
      'Columns: Xenova/bge-reranker-base (in this browser); BAAI/bge-reranker-v2-m3 through a custom server at http://localhost:8000 (called only when you press Rerank); BM25 over the top N.',
    ]);
  });

  it('counts a set’s queries and documents, and says which columns bring scores', () => {
    // The sample set has 2 queries, 2 documents, and scores for 2 of its 3 columns.
    const lines = describeSetup(sampleSetSetup());
    expect(lines[0]).toBe('Query set "Workshop set": 2 queries, 2 documents.');
    expect(lines[2]).toBe('Scores are included for 2 columns: their results show without running a model.');
  });

  it('shortens long values to 80 characters', () => {
    const setup = samplePasteSetup();
    if (setup.paste) setup.paste.query = 'x'.repeat(200);
    expect(describeSetup(setup)[0]).toBe(`Query: "${'x'.repeat(79)}…".`);
  });
});
