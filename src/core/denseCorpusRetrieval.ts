/**
 * Dense retrieval over a set's whole corpus: the K documents whose vectors are nearest (cosine) to a query's,
 * kept in a bounded min-heap (O(N log K), no sort of the corpus), fed in chunks so a caller can yield between
 * them. And the candidate pool a corpus set gets once dense has run: BM25's top K, then dense's top K that
 * BM25 did not retrieve, so every first stage (BM25, Dense, Hybrid) orders the union of both lists.
 */
import { cosine } from './denseFirstStage';
import type { SetCandidate } from './sets/types';

export interface ScoredPosition {
  position: number;
  score: number;
}

/**
 * The K highest scores seen so far. Equal scores keep the earlier position (corpus order, the app's tie
 * rule); NaN (a zero vector) is never kept. The root is the worst kept, so a newcomer enters only by beating it.
 */
export class TopK {
  private readonly heap: ScoredPosition[] = [];

  constructor(private readonly k: number) {}

  /** `a` ranks below `b`: a lower score, or the same score later in the corpus. */
  private static below(a: ScoredPosition, b: ScoredPosition): boolean {
    return a.score < b.score || (a.score === b.score && a.position > b.position);
  }

  offer(position: number, score: number): void {
    if (this.k < 1 || Number.isNaN(score)) return;
    const heap = this.heap;
    const entry = { position, score };
    if (heap.length < this.k) {
      heap.push(entry);
      for (let child = heap.length - 1; child > 0; ) {
        const parent = (child - 1) >> 1;
        if (!TopK.below(heap[child] as ScoredPosition, heap[parent] as ScoredPosition)) break;
        [heap[child], heap[parent]] = [heap[parent] as ScoredPosition, heap[child] as ScoredPosition];
        child = parent;
      }
      return;
    }
    if (!TopK.below(heap[0] as ScoredPosition, entry)) return;
    heap[0] = entry;
    for (let parent = 0; ; ) {
      const left = 2 * parent + 1;
      const right = left + 1;
      let lowest = parent;
      if (left < heap.length && TopK.below(heap[left] as ScoredPosition, heap[lowest] as ScoredPosition)) lowest = left;
      if (right < heap.length && TopK.below(heap[right] as ScoredPosition, heap[lowest] as ScoredPosition)) lowest = right;
      if (lowest === parent) break;
      [heap[parent], heap[lowest]] = [heap[lowest] as ScoredPosition, heap[parent] as ScoredPosition];
      parent = lowest;
    }
  }

  /** What was kept, best first. */
  best(): ScoredPosition[] {
    return [...this.heap].sort((a, b) => (TopK.below(a, b) ? 1 : TopK.below(b, a) ? -1 : 0));
  }
}

/** Scores documents `from` ≤ i < `to` against the query into `top`. A chunk, so the caller can yield between chunks. */
export function scoreChunk(top: TopK, query: ArrayLike<number>, documents: readonly ArrayLike<number>[], from: number, to: number): void {
  const end = Math.min(to, documents.length);
  for (let i = from; i < end; i++) top.offer(i, cosine(query, documents[i] as ArrayLike<number>));
}

/** The whole corpus in one go (tests, small corpora): positions of the K nearest documents, best first. */
export function denseTopK(query: ArrayLike<number>, documents: readonly ArrayLike<number>[], k: number): ScoredPosition[] {
  const top = new TopK(k);
  scoreChunk(top, query, documents, 0, documents.length);
  return top.best();
}

/**
 * A corpus query's candidates once dense has run: BM25's list as it was (its order and scores: what the BM25
 * first stage reads, unchanged), then the dense documents BM25 did not retrieve, in dense order, with no score
 * (their BM25 score over the corpus is 0 or below BM25's K-th). Dense then ranks its own top K first, and Hybrid
 * fuses the two lists.
 */
export function unionCandidates(bm25: readonly SetCandidate[], dense: readonly string[]): SetCandidate[] {
  const seen = new Set(bm25.map((c) => c.docId));
  const union = bm25.map((c) => ({ ...c }));
  for (const docId of dense) {
    if (seen.has(docId)) continue;
    seen.add(docId);
    union.push({ docId });
  }
  return union;
}
