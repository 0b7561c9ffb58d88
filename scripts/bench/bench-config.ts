/**
 * Sizes and repetitions for `npm run bench`. BENCH_SMOKE=1 shrinks every input to a token size, one run per side,
 * no warm-up: it checks that the bench still runs against today's UI (e2e/bench-smoke.spec.ts), not the speed.
 */
import { defaultCorpus, type CorpusOptions } from './rerank-corpus';

const smoke = process.env.BENCH_SMOKE === '1';
const positive = (value: string | undefined, fallback: number): number => (Number(value) > 0 ? Number(value) : fallback);

export interface QuerySetSizes {
  /** (a) BEIR import: corpus documents, queries, words per document, BM25 top K. */
  beir: { docs: number; queries: number; wordsPerDoc: number; topK: number; repeats: number };
  /** (b) judgment change over a query-JSONL set with judgments. */
  judged: { queries: number; candidates: number; wordsPerDoc: number; changes: number };
  /** (c) rerank all over the BEIR set: top N, and how many single queries are timed first. */
  rerankAll: { topN: number; singleQueries: number };
}

/** The large-input sections (issue 12's speed targets). */
export interface LargeInputSizes {
  /**
   * Many pasted documents with BM25: documents, words each, relevance clicks afterwards, then more clicks with a BM25
   * column beside the first stage, rounds (paste and upload take turns).
   */
  paste: { docs: number; wordsPerDoc: number; clicks: number; columnClicks: number; rounds: number };
  /** One big document: its size in bytes (ASCII, so characters too), rounds (paste and upload take turns). */
  single: { bytes: number; rounds: number };
  /** Uploaded files for the page-memory section, in decimal megabytes (the app's limit is 100), and rounds. */
  memory: { megabytes: number[]; rounds: number };
  /** "Why this score?": words of each occluded document, and how many documents are occluded one after another. */
  occlusion: { words: number; runs: number };
  /** Split mode against truncation: documents, their tokens, max tokens, rounds (the two modes take turns). */
  split: { docs: number; tokensPerDoc: number; maxLength: number; rounds: number };
}

export const bench = {
  smoke,
  runs: positive(process.env.BENCH_RUNS, smoke ? 1 : 5),
  warmupRuns: smoke ? 0 : 1,
  batchSize: positive(process.env.BENCH_BATCH, 8),
  corpus: (smoke ? { docs: 4, tokensPerDoc: 30, seed: defaultCorpus.seed } : defaultCorpus) satisfies CorpusOptions,
  /** GEMM repetitions per shape (median taken). */
  gemmRepeats: smoke ? 1 : 7,
  sets: (smoke
    ? {
        beir: { docs: 200, queries: 10, wordsPerDoc: 30, topK: 20, repeats: 1 },
        judged: { queries: 20, candidates: 10, wordsPerDoc: 10, changes: 1 },
        rerankAll: { topN: 2, singleQueries: 1 },
      }
    : {
        beir: { docs: 5_000, queries: 300, wordsPerDoc: 100, topK: 100, repeats: 3 },
        judged: { queries: 1_000, candidates: 100, wordsPerDoc: 20, changes: 7 },
        rerankAll: { topN: 20, singleQueries: 5 },
      }) satisfies QuerySetSizes,
  large: (smoke
    ? {
        paste: { docs: 200, wordsPerDoc: 20, clicks: 2, columnClicks: 1, rounds: 1 },
        single: { bytes: 20_000, rounds: 1 },
        memory: { megabytes: [0.2], rounds: 1 },
        occlusion: { words: 10, runs: 1 },
        split: { docs: 2, tokensPerDoc: 120, maxLength: 64, rounds: 1 },
      }
    : {
        paste: { docs: 50_000, wordsPerDoc: 100, clicks: 10, columnClicks: 5, rounds: 2 },
        single: { bytes: 5_000_000, rounds: 2 },
        memory: { megabytes: [10, 25, 50, 100], rounds: 1 },
        occlusion: { words: 200, runs: 2 },
        split: { docs: 100, tokensPerDoc: 1_000, maxLength: 512, rounds: 2 },
      }) satisfies LargeInputSizes,
};
