import { describe, expect, it } from 'vitest';
import { waitingMessage } from './rerankAll';

describe('waitingMessage', () => {
  it('names BM25 for a BM25 first stage', () => {
    expect(waitingMessage(3, 'bm25')).toBe('3 queries wait for their first stage (BM25 is still being computed) and were left out; press Rerank all again.');
  });

  it('points at Embed when the first stage needs embeddings', () => {
    for (const source of ['dense', 'hybrid'] as const) {
      expect(waitingMessage(2, source)).toBe('2 queries wait for their first stage (their embeddings are missing: press Embed in the first stage) and were left out; then press Rerank all again.');
    }
  });
});
