import type { SharedSetup } from './types';

/**
 * Setups for tests (here and end-to-end): every field set, and set away from the app's defaults
 * (store/*Slice.ts), with ids that are also property names of plain objects.
 */

export function samplePasteSetup(): SharedSetup {
  return {
    paste: {
      query: 'what is a cross-encoder?',
      documentsText: 'id,text,score\n__proto__,A cross-encoder reads the query and document together.,2.5\nconstructor,BM25 counts words.,1.5\n',
      format: 'csv',
      textMode: 'paragraphs',
      fields: { text: 'text', id: 'id', score: 'score', relevance: '' },
      presetId: null,
      fileName: 'hits.csv',
      formatFromFile: true,
      marks: new Map<string, number | null>([
        ['__proto__', 3],
        ['constructor', null],
        ['toString', 0],
      ]),
    },
    querySet: null,
    settings: {
      firstStage: 'bm25',
      bm25: { k1: 0.9, b: 0.4, stem: true, stopwords: true },
      dense: { model: 'Xenova/e5-small-v2', device: 'webgpu', dtype: 'fp16', pooling: 'cls', queryPrefix: 'q: ', documentPrefix: '', maxLength: 128, batchSize: 4 },
      hybrid: { method: 'weighted', k: 20, weight: 0.3 },
      topN: 7,
      corpusTopK: 250,
      scoreDisplay: 'sigmoid',
      metricK: 3,
      gain: 'exponential',
      setMetric: 'ap',
      highlightQueryTerms: true,
    },
    columns: [
      { id: 'col_3', config: { kind: 'local', model: 'Xenova/bge-reranker-base', device: 'webgpu', dtype: 'fp16', maxLength: 256, batchSize: 4 }, runs: [] },
      {
        id: 'col_7',
        config: { kind: 'cohere', settings: { provider: 'custom', baseUrl: 'http://localhost:8000', model: 'BAAI/bge-reranker-v2-m3', maxTokensPerDoc: 1024, timeoutMs: 5000, concurrency: 2 } },
        runs: [],
      },
      { id: 'col_9', config: { kind: 'bm25' }, runs: [] },
    ],
  };
}

/** A query set of two queries, the second open, with scores for the columns (as a session file may carry). */
export function sampleSetSetup(): SharedSetup {
  const base = samplePasteSetup();
  return {
    ...base,
    paste: null,
    querySet: {
      set: {
        name: 'Workshop set',
        scoreKind: 'retriever score',
        queries: [
          { id: '__proto__', text: 'q one', candidates: [{ docId: 'constructor', score: 12.5 }, { docId: 'd2' }], judgments: new Map([['constructor', 2]]) },
          { id: 'q2', text: 'q two', candidates: [{ docId: 'd2', score: -1 }], judgments: new Map() },
        ],
        documents: new Map([
          ['constructor', 'Document about constructors.'],
          ['d2', 'Second document.'],
        ]),
      },
      marks: new Map([['__proto__', new Map<string, number | null>([['d2', 1], ['constructor', null]])]]),
      openQueryId: 'q2',
    },
    columns: base.columns.map((c, i) => ({
      ...c,
      runs:
        i === 2
          ? []
          : [
              {
                queryId: '__proto__',
                signature: `sig-${c.id}`,
                ids: ['constructor', 'd2'],
                scores: new Map([
                  ['constructor', 4.25],
                  ['d2', -3.5],
                ]),
                scoreKind: c.config.kind === 'local' ? 'raw logit' : 'relevance score',
                truncated: ['d2'],
                ranOn: c.config.kind === 'local' ? 'webgpu fp16' : null,
              },
            ],
    })),
  };
}
