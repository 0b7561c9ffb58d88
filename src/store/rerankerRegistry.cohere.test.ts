import { afterEach, describe, expect, it, vi } from 'vitest';
import { forgetRateGates } from '../rerankers/cohere/rateGate';
import { jsonReply, type LocalServer, type ReplyScript, startLocalServer } from '../rerankers/cohere/localTestServer';
import { COHERE_BASE_URL, COHERE_PROXY_BASE_URL, type CohereSettings, defaultCohereSettings } from '../rerankers/cohere/settings';
import type { CohereColumnConfig } from './columns';
import { type CohereKeyLookup, cohereReranker } from './rerankerRegistry';

const COHERE_KEY = 'co-cohere-key-0123456789';
const LOCAL_KEY = 'local-key-abcdef';

const servers: LocalServer[] = [];
afterEach(async () => {
  forgetRateGates();
  vi.unstubAllGlobals();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(script: ReplyScript): Promise<LocalServer> {
  const server = await startLocalServer(script);
  servers.push(server);
  return server;
}

/** Keys by the exact base URL, as a stand-in for the store (the store's own scoping is tested in keySlice.test.ts). */
const keysOf = (entries: [string, string][]): CohereKeyLookup => {
  const keys = new Map(entries);
  return { cohereKeyFor: (baseUrl) => keys.get(baseUrl) ?? '' };
};

const columnAt = (baseUrl: string, provider: CohereSettings['provider'] = 'custom'): CohereColumnConfig => ({
  kind: 'cohere',
  settings: { ...defaultCohereSettings, provider, baseUrl },
});

async function rerankerAgainst(script: ReplyScript, notes: string[][]) {
  const server = await serve(script);
  return cohereReranker(columnAt(server.url), keysOf([[server.url, LOCAL_KEY]]), (next) => notes.push(next));
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

  it('tells the column about a server error it retries', async () => {
    const notes: string[][] = [];
    const reranker = await rerankerAgainst((_, n) => (n === 0 ? jsonReply({ message: 'busy' }, 503, { 'Retry-After': '0.05' }) : jsonReply(sorted)), notes);
    const result = await reranker.rank('q', ['a', 'b']);
    expect(result.ok).toBe(true);
    expect(notes).toEqual([['Server error 503: retrying in 0.05 s (retry 1 of 3).'], []]);
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

describe('cohereReranker: each server gets only its own key', () => {
  it('never sends the api.cohere.com key, or another server\'s key, to a custom server', async () => {
    const answer = () => jsonReply(sorted);
    const withKey = await serve(answer);
    const withoutKey = await serve(answer);
    const keys = keysOf([
      [COHERE_BASE_URL, COHERE_KEY],
      [withKey.url, LOCAL_KEY],
    ]);
    expect((await cohereReranker(columnAt(withKey.url), keys).rank('q', ['a', 'b'])).ok).toBe(true);
    expect((await cohereReranker(columnAt(withoutKey.url), keys).rank('q', ['a', 'b'])).ok).toBe(true);
    expect(withKey.received.map((r) => r.headers.authorization)).toEqual([`Bearer ${LOCAL_KEY}`]);
    expect(withoutKey.received.map((r) => r.headers.authorization)).toEqual([undefined]);
    const everything = JSON.stringify([...withKey.received, ...withoutKey.received]);
    expect(everything).not.toContain(COHERE_KEY);
  });

  it('sends the api.cohere.com key to Cohere and to the built-in proxy, with the store deciding the scope', async () => {
    const seen: { url: string; authorization: string | null }[] = [];
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push({ url: String(input), authorization: new Headers(init?.headers).get('authorization') });
      return Promise.resolve(new Response(JSON.stringify(sorted)));
    });
    vi.stubGlobal('localStorage', undefined);
    vi.resetModules();
    const { useAppStore } = await import('./index');
    useAppStore.getState().setCohereKey(COHERE_BASE_URL, COHERE_KEY);
    const state = useAppStore.getState();
    await cohereReranker(columnAt(COHERE_BASE_URL, 'cohere'), state).rank('q', ['a', 'b']);
    await cohereReranker(columnAt(COHERE_PROXY_BASE_URL, 'cohere'), state).rank('q', ['a', 'b']);
    await cohereReranker(columnAt('https://cohere-lookalike.test'), state).rank('q', ['a', 'b']);
    expect(seen).toEqual([
      { url: 'https://api.cohere.com/v2/rerank', authorization: `Bearer ${COHERE_KEY}` },
      { url: '/api/cohere/v2/rerank', authorization: `Bearer ${COHERE_KEY}` },
      { url: 'https://cohere-lookalike.test/v2/rerank', authorization: null },
    ]);
  });
});
