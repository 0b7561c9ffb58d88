import { afterEach, describe, expect, it } from 'vitest';
import { forgetRateGates } from './rateGate';
import { rerankWithCohere, type RerankWithCohereArgs } from './client';
import { jsonReply, type LocalServer, type ReplyScript, startLocalServer } from './localTestServer';
import { defaultCohereSettings } from './settings';
import type { RerankProgress } from './types';

const KEY = 'sk-test-0123456789abcdef';
let server: LocalServer | undefined;
afterEach(async () => {
  forgetRateGates(); // A pause left by one test must not hold the next on a reused port.
  await server?.close();
  server = undefined;
});

async function serve(script: ReplyScript): Promise<LocalServer> {
  server = await startLocalServer(script);
  return server;
}

function argsFor(url: string, extra: Partial<RerankWithCohereArgs> = {}): RerankWithCohereArgs {
  return {
    query: 'which fruit is red',
    documents: ['apple', 'banana', 'cherry'],
    apiKey: KEY,
    settings: { ...defaultCohereSettings, baseUrl: url },
    ...extra,
  };
}

/** Scores "doc N" as N / 10000 and answers sorted by relevance, as Cohere does. */
const numberedDocsScript: ReplyScript = (request) => {
  const { documents } = JSON.parse(request.body) as { documents: string[] };
  const results = documents
    .map((doc, index) => ({ index, relevance_score: Number(doc.replace('doc ', '')) / 10_000 }))
    .sort((a, b) => b.relevance_score - a.relevance_score);
  return jsonReply({ results, meta: { billed_units: { search_units: 1 } } });
};

describe('rerankWithCohere: the request', () => {
  it('POSTs the v2 body to {baseUrl}/v2/rerank with only the two headers it needs', async () => {
    const local = await serve(() => jsonReply({ results: [0, 1, 2].map((index) => ({ index, relevance_score: 0.5 })) }));
    const result = await rerankWithCohere(argsFor(`${local.url}/`, { settings: { ...defaultCohereSettings, baseUrl: `${local.url}/`, model: 'rerank-english-v3.0', maxTokensPerDoc: 512 } }));
    expect(result.ok).toBe(true);
    expect(local.received).toHaveLength(1);
    const [request] = local.received;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v2/rerank');
    expect(request?.headers.authorization).toBe('Bearer sk-test-0123456789abcdef');
    expect(request?.headers['content-type']).toBe('application/json');
    const names = Object.keys(request?.headers ?? {});
    expect(names.filter((name) => name.startsWith('x-') || name.startsWith('cohere-'))).toEqual([]);
    // Everything else is what fetch itself adds.
    const fetchOwn = ['host', 'connection', 'content-length', 'accept', 'accept-language', 'accept-encoding', 'user-agent', 'sec-fetch-mode'];
    expect(names.filter((name) => !fetchOwn.includes(name)).sort()).toEqual(['authorization', 'content-type']);
    expect(JSON.parse(request?.body ?? '')).toEqual({
      model: 'rerank-english-v3.0',
      query: 'which fruit is red',
      documents: ['apple', 'banana', 'cherry'],
      top_n: 3,
      max_tokens_per_doc: 512,
    });
  });

  it('sends no Authorization header to a custom server when no key is given', async () => {
    const local = await serve(() => jsonReply({ results: [0, 1, 2].map((index) => ({ index, relevance_score: 1 })) }));
    const result = await rerankWithCohere(argsFor(local.url, { apiKey: '', settings: { ...defaultCohereSettings, provider: 'custom', baseUrl: local.url } }));
    expect(result.ok).toBe(true);
    expect(local.received[0]?.headers.authorization).toBeUndefined();
  });

  it('refuses Max tokens per document above 32,768 before any call, naming the field', async () => {
    const local = await serve(() => jsonReply({ results: [0, 1, 2].map((index) => ({ index, relevance_score: 0.5 })) }));
    const result = await rerankWithCohere(argsFor(local.url, { settings: { ...defaultCohereSettings, baseUrl: local.url, maxTokensPerDoc: 100_000 } }));
    expect(result).toEqual({
      ok: false,
      error: { kind: 'invalid-settings', message: 'Max tokens per document must be a whole number from 1 to 32,768. Fix it in the settings.' },
    });
    expect(local.received).toHaveLength(0);
    const atLimit = await rerankWithCohere(argsFor(local.url, { settings: { ...defaultCohereSettings, baseUrl: local.url, maxTokensPerDoc: 32_768 } }));
    expect(atLimit.ok).toBe(true);
  });

  it('makes no call when there are no documents', async () => {
    const local = await serve(() => jsonReply({ results: [] }));
    const result = await rerankWithCohere(argsFor(local.url, { documents: [] }));
    expect(result).toEqual({ ok: true, value: { scores: [], timings: expect.objectContaining({ calls: 0, perCallMs: [] }), notes: [] } });
    expect(local.received).toHaveLength(0);
  });
});

describe('rerankWithCohere: the answer', () => {
  it('places each score by its index, not by its position in the sorted results', async () => {
    const local = await serve(() =>
      jsonReply({
        results: [
          { index: 2, relevance_score: 0.9 },
          { index: 0, relevance_score: 0.5 },
          { index: 1, relevance_score: 0.1 },
        ],
        meta: { billed_units: { search_units: 1 }, warnings: ['model is deprecated'] },
      }),
    );
    const result = await rerankWithCohere(argsFor(local.url));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.scores).toEqual([0.5, 0.1, 0.9]);
    expect(result.value.billedUnits).toEqual({ search_units: 1 });
    expect(result.value.timings.calls).toBe(1);
    expect(result.value.timings.perCallMs).toHaveLength(1);
    expect(result.value.notes).toEqual(['The server warned: model is deprecated']);
  });

  it('sums billed units named __proto__ and constructor across calls as numbers', async () => {
    // Two calls (1,001 documents): each bills 2 "__proto__" and 3 "constructor", so 2 + 2 = 4 and 3 + 3 = 6.
    const local = await serve((request) => {
      const { documents } = JSON.parse(request.body) as { documents: string[] };
      const results = documents.map((_, index) => ({ index, relevance_score: 0.5 }));
      return { status: 200, body: `{"results": ${JSON.stringify(results)}, "meta": {"billed_units": {"__proto__": 2, "constructor": 3}}}` };
    });
    const documents = Array.from({ length: 1001 }, (_, i) => `doc ${i}`);
    const result = await rerankWithCohere(argsFor(local.url, { documents }));
    if (!result.ok) throw new Error(result.error.message);
    expect(Object.entries(result.value.billedUnits ?? {})).toEqual([
      ['__proto__', 4],
      ['constructor', 6],
    ]);
  });

  it('splits 2,500 documents into calls of 1000, 1000 and 500, in order, reporting progress after each', async () => {
    const local = await serve(numberedDocsScript);
    const documents = Array.from({ length: 2500 }, (_, i) => `doc ${i}`);
    const progress: RerankProgress[] = [];
    const result = await rerankWithCohere(argsFor(local.url, { documents, onProgress: (p) => progress.push(p) }));
    if (!result.ok) throw new Error(result.error.message);

    const sent = local.received.map((r) => JSON.parse(r.body) as { documents: string[]; top_n: number });
    expect(sent.map((body) => body.documents.length)).toEqual([1000, 1000, 500]);
    expect(sent.map((body) => body.top_n)).toEqual([1000, 1000, 500]);
    expect(sent[1]?.documents[0]).toBe('doc 1000');
    expect(progress).toEqual([
      { scored: 1000, total: 2500 },
      { scored: 2000, total: 2500 },
      { scored: 2500, total: 2500 },
    ]);
    expect(result.value.scores).toHaveLength(2500);
    expect(result.value.scores[0]).toBe(0);
    expect(result.value.scores[1234]).toBe(0.1234);
    expect(result.value.scores[2499]).toBe(0.2499);
    expect(result.value.billedUnits).toEqual({ search_units: 3 });
    expect(result.value.timings.calls).toBe(3);
    expect(result.value.notes).toHaveLength(1);
    expect(result.value.notes[0]).toContain('went in 3 calls');
    expect(result.value.notes[0]).toContain('scores from separate calls should be comparable');
  });
});
