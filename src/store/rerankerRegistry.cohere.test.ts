import { afterEach, describe, expect, it } from 'vitest';
import { jsonReply, type LocalServer, type ReplyScript, startLocalServer } from '../rerankers/cohere/localTestServer';
import { defaultCohereSettings } from '../rerankers/cohere/settings';
import { cohereReranker } from './rerankerRegistry';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function rerankerAgainst(script: ReplyScript, notes: string[][]) {
  server = await startLocalServer(script);
  const config = { kind: 'cohere' as const, settings: { ...defaultCohereSettings, provider: 'custom' as const, baseUrl: server.url } };
  return cohereReranker(config, 'co-key-0123', (next) => notes.push(next));
}

// Sorted by relevance, as Cohere answers: the scores must land by index.
const sorted = { results: [{ index: 1, relevance_score: 0.9 }, { index: 0, relevance_score: 0.2 }] };

describe('cohereReranker', () => {
  it('labels the scores as relevance scores, in input order', async () => {
    const reranker = await rerankerAgainst(() => jsonReply(sorted), []);
    const result = await reranker.rank('q', ['a', 'b']);
    expect(result).toMatchObject({ ok: true, value: { scores: [0.2, 0.9], scoreKind: 'relevance score' } });
  });

  it('tells the column about a rate-limit wait while it lasts, then clears it', async () => {
    const notes: string[][] = [];
    const reranker = await rerankerAgainst((_, n) => (n === 0 ? jsonReply({ message: 'slow down' }, 429, { 'Retry-After': '0.05' }) : jsonReply(sorted)), notes);
    const result = await reranker.rank('q', ['a', 'b']);
    expect(result.ok).toBe(true);
    expect(notes).toEqual([['Rate limited (429): retrying in 0.05 s (retry 1 of 3).'], []]);
  });

  it('stops waiting when the run is cancelled', async () => {
    const notes: string[][] = [];
    const reranker = await rerankerAgainst(() => jsonReply({ message: 'slow down' }, 429, { 'Retry-After': '30' }), notes);
    const controller = new AbortController();
    const pending = reranker.rank('q', ['a', 'b'], { signal: controller.signal });
    while (notes.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    const result = await pending;
    expect(result).toMatchObject({ ok: false, error: { kind: 'cancelled', cancelled: true } });
    expect(notes.at(-1)).toEqual([]);
  });
});
