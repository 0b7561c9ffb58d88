/**
 * The first stage when no run is given: BM25 over the whole corpus, the top K documents per query.
 * The index is built once per call; each query then walks only its terms' postings (scoreBm25), and a
 * bounded min-heap keeps the best K, so no query sorts the whole corpus.
 */
import { buildBm25Index, scoreBm25 } from '../../retrieval/bm25';
import type { CorpusRetriever } from './link';

export interface Bm25CorpusOptions {
  k1: number;
  b: number;
  stem: boolean;
  stopwords: boolean;
}

/** The app's BM25 defaults (store/settingsSlice.ts `defaultBm25`), so corpus BM25 reads like the app's BM25. */
export const defaultCorpusBm25: Readonly<Bm25CorpusOptions> = { k1: 1.2, b: 0.75, stem: false, stopwords: false };

/**
 * Documents sharing no term with a query score 0 and are not retrieved (as a search engine returns only
 * matches), so a query may get fewer than K candidates, or none.
 */
export function bm25CorpusRetriever(options: Partial<Bm25CorpusOptions> = {}): CorpusRetriever {
  const { k1, b, stem, stopwords } = { ...defaultCorpusBm25, ...options };
  return (queries, documents, topK) => {
    const ids = [...documents.keys()];
    const index = buildBm25Index([...documents.values()], { stem, stopwords });
    const found = new Map<string, { docId: string; score: number }[]>();
    for (const query of queries) {
      const scores = scoreBm25(index, query.text, { k1, b });
      found.set(
        query.id,
        topScoring(scores, topK).map((position) => ({ docId: ids[position] as string, score: scores[position] as number })),
      );
    }
    return found;
  };
}

/**
 * Positions of the `k` highest positive scores, best first; equal scores keep corpus order (the earlier wins).
 * O(N log k): the heap's root is the worst kept, and a newcomer only enters by beating it.
 */
export function topScoring(scores: Float64Array, k: number): number[] {
  const heap: number[] = [];
  if (k < 1) return heap;
  // `a` ranks below `b`: a lower score, or the same score later in the corpus.
  const below = (a: number, b: number): boolean => {
    const difference = (scores[a] as number) - (scores[b] as number);
    return difference < 0 || (difference === 0 && a > b);
  };
  const swap = (i: number, j: number): void => {
    const held = heap[i] as number;
    heap[i] = heap[j] as number;
    heap[j] = held;
  };
  for (let position = 0; position < scores.length; position += 1) {
    if (!((scores[position] as number) > 0)) continue;
    if (heap.length < k) {
      heap.push(position);
      for (let child = heap.length - 1; child > 0; ) {
        const parent = (child - 1) >> 1;
        if (!below(heap[child] as number, heap[parent] as number)) break;
        swap(child, parent);
        child = parent;
      }
    } else if (below(heap[0] as number, position)) {
      heap[0] = position;
      for (let parent = 0; ; ) {
        const left = 2 * parent + 1;
        const right = left + 1;
        let lowest = parent;
        if (left < heap.length && below(heap[left] as number, heap[lowest] as number)) lowest = left;
        if (right < heap.length && below(heap[right] as number, heap[lowest] as number)) lowest = right;
        if (lowest === parent) break;
        swap(parent, lowest);
        parent = lowest;
      }
    }
  }
  return heap.sort((a, b) => (below(a, b) ? 1 : below(b, a) ? -1 : 0));
}
