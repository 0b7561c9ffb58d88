import { afterEach, describe, expect, it } from 'vitest';
import { forgetRateGates } from './rateGate';
import { rerankWithCohere, type RerankWithCohereArgs } from './client';
import { jsonReply, type LocalServer, type ReplyScript, startLocalServer } from './localTestServer';
import { type CohereSettings, defaultCohereSettings } from './settings';

const KEY = 'sk-test-0123456789abcdef';
const threeResults = { results: [0, 1, 2].map((index) => ({ index, relevance_score: 0.5 })) };
let server: LocalServer | undefined;
afterEach(async () => {
  forgetRateGates(); // A pause left by one test must not hold the next on a reused port.
  await server?.close();
  server = undefined;
});

async function run(script: ReplyScript, extra: Partial<RerankWithCohereArgs> = {}, settings: Partial<CohereSettings> = {}) {
  server = await startLocalServer(script);
  const waits: number[] = [];
  const result = await rerankWithCohere({
    query: 'which fruit is red',
    documents: ['apple', 'banana', 'cherry'],
    apiKey: KEY,
    settings: { ...defaultCohereSettings, baseUrl: server.url, ...settings },
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...extra,
  });
  return { result, waits, received: server.received };
}

function errorOf(result: Awaited<ReturnType<typeof rerankWithCohere>>) {
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

describe('rerankWithCohere: HTTP failures', () => {
  it('401 says the key was rejected', async () => {
    const { result } = await run(() => jsonReply({ message: 'invalid api token' }, 401));
    expect(errorOf(result)).toMatchObject({
      kind: 'auth',
      status: 401,
      message: 'Cohere rejected the API key (401). Check the key, or create one in the Cohere dashboard.',
    });
  });

  it('403 is a rejected key too', async () => {
    const { result } = await run(() => jsonReply({ message: 'forbidden' }, 403));
    expect(errorOf(result).message).toBe('Cohere rejected the API key (403). Check the key, or create one in the Cohere dashboard.');
  });

  it('400 quotes the server\'s JSON message', async () => {
    const { result } = await run(() => jsonReply({ message: "model 'rerank-v9' not found" }, 400));
    const error = errorOf(result);
    expect(error.kind).toBe('bad-request');
    expect(error.message).toBe('Cohere refused the request (400): "model \'rerank-v9\' not found". Fix what it names and run again.');
  });

  it('400 with a plain-text body quotes the text, cut to 300 characters', async () => {
    const { result } = await run(() => ({ status: 400, body: 'x'.repeat(400) }));
    expect(errorOf(result).message).toContain(`"${'x'.repeat(300)}…"`);
    expect(errorOf(result).message).not.toContain('x'.repeat(301));
  });

  it('404 points at the base URL', async () => {
    const { result } = await run(() => jsonReply({ message: 'no route' }, 404));
    expect(errorOf(result).kind).toBe('not-found');
    expect(errorOf(result).message).toContain('Check the base URL (the app adds /v2/rerank to it)');
  });

  it('5xx says the server failed, after the retries (client.retries.test.ts has the rest)', async () => {
    const { result, received } = await run(() => jsonReply({ message: 'down' }, 503));
    expect(received).toHaveLength(4);
    expect(errorOf(result)).toMatchObject({
      kind: 'server',
      status: 503,
      message: "Cohere's server failed (503). Try again in a minute. The app already retried 3 times; if it keeps failing, Cohere may be having an outage.",
    });
  });
});

describe('rerankWithCohere: rate limits', () => {
  it('waits as long as Retry-After (seconds) says, then succeeds', async () => {
    const { result, waits, received } = await run((_, n) =>
      n === 0 ? jsonReply({ message: 'slow down' }, 429, { 'Retry-After': '7' }) : jsonReply(threeResults),
    );
    expect(result.ok).toBe(true);
    expect(waits).toEqual([7000]);
    expect(received).toHaveLength(2);
    if (result.ok) expect(result.value.notes[0]).toContain('waited 7 s in all and retried 1 time(s). Trial keys allow 10 calls a minute.');
  });

  it('reads Retry-After as an HTTP date', async () => {
    const { result, waits } = await run((_, n) =>
      n === 0
        ? jsonReply({}, 429, { 'Retry-After': new Date(Date.now() + 5000).toUTCString() })
        : jsonReply(threeResults),
    );
    expect(result.ok).toBe(true);
    expect(waits).toHaveLength(1);
    // The date has whole-second precision, so the wait is a little under 5 s.
    expect(waits[0]).toBeGreaterThan(3000);
    expect(waits[0]).toBeLessThanOrEqual(5000);
  });

  it('without Retry-After backs off 5, 10, 20 s, then gives up after 3 retries', async () => {
    const { result, waits, received } = await run(() => jsonReply({ message: 'limit' }, 429));
    expect(waits).toEqual([5000, 10000, 20000]);
    expect(received).toHaveLength(4);
    const error = errorOf(result);
    expect(error.kind).toBe('rate-limited');
    expect(error.message).toBe(
      'Cohere is limiting calls (429) and still refused after 3 retries. Wait a minute and try again. Trial keys allow 10 calls a minute.',
    );
  });

  it('does not wait when Retry-After asks for more than 60 s', async () => {
    const { result, waits, received } = await run(() => jsonReply({}, 429, { 'Retry-After': '3600' }));
    expect(waits).toEqual([]);
    expect(received).toHaveLength(1);
    expect(errorOf(result).message).toContain('asks to wait 3600 s, longer than the app waits on its own (60 s)');
    expect(errorOf(result).message).toContain('Try again in 1 hour.');
  });
});

describe('rerankWithCohere: answers that are not right', () => {
  it('explains an answer that is not JSON', async () => {
    const { result } = await run(() => ({ status: 200, body: '<!doctype html><html>app</html>' }));
    expect(errorOf(result).kind).toBe('bad-response');
    expect(errorOf(result).message).toContain('answered, but not with JSON. It began: "<!doctype html><html>app</html>".');
  });

  it('explains an index out of range', async () => {
    const { result } = await run(() => jsonReply({ results: [{ index: 0, relevance_score: 1 }, { index: 3, relevance_score: 1 }] }));
    expect(errorOf(result).message).toContain('not with the expected JSON (results[1].index is 3, outside 0..2)');
  });

  it('refuses an answer that leaves documents out', async () => {
    const { result } = await run(() => jsonReply({ results: [{ index: 0, relevance_score: 1 }, { index: 2, relevance_score: 1 }] }));
    expect(errorOf(result).message).toContain("Cohere's answer left out 1 of the documents (the first is document #2)");
  });
});

describe('rerankWithCohere: timeouts, cancels and the network', () => {
  it('stops a call that takes longer than the timeout and says the timeout can be changed', async () => {
    const { result } = await run(() => new Promise(() => {}), {}, { timeoutMs: 100 });
    expect(errorOf(result)).toMatchObject({
      kind: 'timeout',
      message: 'The call to Cohere timed out after 0.1 s. Try again, rerank fewer documents, or raise the timeout in the settings.',
    });
  });

  it('returns a quiet cancelled result when the user aborts mid-call', async () => {
    const controller = new AbortController();
    const { result } = await run(
      () => {
        controller.abort(); // The request has reached the server: cancel now.
        return new Promise(() => {});
      },
      { signal: controller.signal },
    );
    expect(errorOf(result)).toEqual({ kind: 'cancelled', cancelled: true, message: 'Reranking was cancelled.' });
  });

  it('cancels during a rate-limit wait without calling again', async () => {
    const controller = new AbortController();
    const { result, received } = await run(() => jsonReply({}, 429), {
      signal: controller.signal,
      sleep: async () => controller.abort(),
    });
    expect(errorOf(result).cancelled).toBe(true);
    expect(received).toHaveLength(1);
  });

  it('makes no call when the signal is already aborted', async () => {
    const { result, received } = await run(() => jsonReply(threeResults), { signal: AbortSignal.abort() });
    expect(errorOf(result).kind).toBe('cancelled');
    expect(received).toHaveLength(0);
  });

  it('explains a failed connection as no network or CORS, and offers the proxy', async () => {
    const closed = await startLocalServer(() => jsonReply(threeResults));
    await closed.close();
    const result = await rerankWithCohere({
      query: 'q',
      documents: ['a'],
      apiKey: KEY,
      settings: { ...defaultCohereSettings, provider: 'cohere', baseUrl: closed.url },
    });
    const error = errorOf(result);
    expect(error.kind).toBe('network');
    expect(error.message).toContain('Either there is no network, or the browser blocked the call (CORS');
    expect(error.message).toContain('set the base URL to /api/cohere');
    expect(error.cause).toContain('TypeError');
  });

  it('when the proxy itself is unreachable, says it exists only under npm start or npm run dev', async () => {
    const result = await rerankWithCohere({
      query: 'q',
      documents: ['a'],
      apiKey: KEY,
      settings: { ...defaultCohereSettings, baseUrl: '/api/cohere/' },
      fetchImpl: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    expect(errorOf(result).message).toContain('Could not reach the proxy at /api/cohere. It exists only when the app runs from `npm start` or `npm run dev`');
  });
});

describe('rerankWithCohere: checks before calling', () => {
  it.each([
    ['a bad base URL', { settings: { ...defaultCohereSettings, baseUrl: 'ftp://example.com' } }, 'invalid-settings'],
    ['a blank query', { query: '  ' }, 'invalid-input'],
    ['no Cohere key', { apiKey: '' }, 'invalid-input'],
    ['a zero timeout', { settings: { ...defaultCohereSettings, timeoutMs: 0 } }, 'invalid-settings'],
  ] as const)('refuses %s without calling', async (_, extra, kind) => {
    const { result, received } = await run(() => jsonReply(threeResults), extra);
    expect(errorOf(result).kind).toBe(kind);
    expect(received).toHaveLength(0);
  });
});
