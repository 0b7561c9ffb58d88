// Which answers the client retries, how long it waits, and what it says when the retries run out.
import { afterEach, describe, expect, it } from 'vitest';
import { forgetRateGates } from './rateGate';
import { rerankWithCohere, type RerankWithCohereArgs } from './client';
import { jsonReply, type LocalServer, type ReplyScript, startLocalServer } from './localTestServer';
import { type CohereSettings, defaultCohereSettings } from './settings';
import type { RetryReason } from './retryPolicy';

const KEY = 'sk-test-retries-0123456789';
const threeResults = { results: [0, 1, 2].map((index) => ({ index, relevance_score: 0.5 })) };
let server: LocalServer | undefined;
afterEach(async () => {
  forgetRateGates(); // A pause left by one test must not hold the next on a reused port.
  await server?.close();
  server = undefined;
});

/** Runs against a scripted local server; waits are recorded, not waited. Jitter is pinned to its middle (r = 0.5). */
async function run(script: ReplyScript, settings: Partial<CohereSettings> = {}, extra: Partial<RerankWithCohereArgs> = {}) {
  server = await startLocalServer(script);
  const waits: number[] = [];
  const reasons: RetryReason[] = [];
  const result = await rerankWithCohere({
    query: 'which fruit is red',
    documents: ['apple', 'banana', 'cherry'],
    apiKey: KEY,
    settings: { ...defaultCohereSettings, baseUrl: server.url, ...settings },
    sleep: async (ms, _signal, reason) => {
      waits.push(ms);
      if (reason) reasons.push(reason);
    },
    random: () => 0.5,
    ...extra,
  });
  return { result, waits, reasons, received: server.received, url: server.url };
}

function errorOf(result: Awaited<ReturnType<typeof rerankWithCohere>>) {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
}

/** Fails with `status` the first `times` calls, then answers. */
const failing = (status: number, times: number, headers?: Record<string, string>): ReplyScript => (_, n) =>
  n < times ? jsonReply({ message: 'try later' }, status, headers) : jsonReply(threeResults);

describe('which answers are retried', () => {
  it.each([408, 500, 502, 503, 504])('%i is retried once after 0.5 s, and the retry is used', async (status) => {
    const { result, waits, reasons, received } = await run(failing(status, 1));
    expect(result.ok).toBe(true);
    expect(received).toHaveLength(2);
    expect(waits).toEqual([500]); // min(8000, 500 x 2^0) x (0.8 + 0.4 x 0.5) = 500.
    expect(reasons).toEqual([{ status, retry: 1, of: 3 }]);
  });

  it('429 is retried too, with its own longer backoff', async () => {
    const { result, waits, reasons } = await run(failing(429, 1));
    expect(result.ok).toBe(true);
    expect(waits).toEqual([5000]);
    expect(reasons).toEqual([{ status: 429, retry: 1, of: 3 }]);
  });

  it.each([400, 401, 403, 404, 409, 422, 501])('%i is not retried', async (status) => {
    const { result, waits, received } = await run(failing(status, 1));
    expect(result.ok).toBe(false);
    expect(received).toHaveLength(1);
    expect(waits).toEqual([]);
  });
});

describe('the backoff between retries', () => {
  it('doubles from 0.5 s: 0.5, 1, 2 s, then gives up after 3 retries', async () => {
    const { result, waits, reasons, received } = await run(failing(503, 99));
    expect(waits).toEqual([500, 1000, 2000]);
    expect(reasons.map((r) => r.retry)).toEqual([1, 2, 3]);
    expect(received).toHaveLength(4);
    expect(errorOf(result)).toMatchObject({
      kind: 'server',
      status: 503,
      message:
        "Cohere's server failed (503). Try again in a minute. The app already retried 3 times; if it keeps failing, Cohere may be having an outage.",
    });
  });

  it('spreads the waits by up to 20% either way (jitter), so many clients do not retry in step', async () => {
    // r = 0: 0.8 x (500, 1000, 2000); r just under 1: 1.2 x, rounded.
    const low = await run(failing(503, 99), {}, { random: () => 0 });
    expect(low.waits).toEqual([400, 800, 1600]);
    await server?.close();
    const high = await run(failing(503, 99), {}, { random: () => 0.999999 });
    expect(high.waits).toEqual([600, 1200, 2400]);
  });

  it('waits what Retry-After asks on a 503 instead', async () => {
    const { result, waits } = await run(failing(503, 1, { 'Retry-After': '7' }));
    expect(result.ok).toBe(true);
    expect(waits).toEqual([7000]);
  });

  it('waits what X-RateLimit-Reset asks when there is no Retry-After', async () => {
    const { waits } = await run(failing(502, 1, { 'X-RateLimit-Reset': '3' }));
    expect(waits).toEqual([3000]);
  });

  it('shares one budget of 3 retries between 5xx and 429 answers', async () => {
    const statuses = [503, 429, 500, 502];
    const { result, waits, received } = await run((_, n) => jsonReply({}, statuses[n] ?? 200));
    expect(received).toHaveLength(4);
    expect(waits).toEqual([500, 10_000, 2000]); // Attempt 1 is a 429: 5000 x 2^1.
    expect(errorOf(result).status).toBe(502);
  });

  it('says in the notes that the server failed and the retry worked', async () => {
    const { result } = await run(failing(503, 2));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.notes).toEqual(["Cohere's server failed twice (503); the app waited 1.5 s in all and retried, and the retry was answered."]);
  });
});

describe('messages when the retries run out', () => {
  it('a 503 asking for 120 s says to try again in 2 minutes, without waiting', async () => {
    const { result, waits, received } = await run(failing(503, 99, { 'Retry-After': '120' }));
    expect(waits).toEqual([]);
    expect(received).toHaveLength(1);
    expect(errorOf(result)).toMatchObject({
      kind: 'server',
      status: 503,
      message:
        "Cohere's server failed (503) and asks the app to wait 2 minutes before calling again, longer than it waits on its own (1 minute). Try again in 2 minutes.",
    });
  });

  it('a 503 that keeps asking for 30 s says to try again in 30 seconds', async () => {
    const { result, waits } = await run(failing(503, 99, { 'Retry-After': '30' }));
    expect(waits).toEqual([30_000, 30_000, 30_000]);
    expect(errorOf(result).message).toBe(
      "Cohere's server failed (503). Try again in 30 seconds. The app already retried 3 times; if it keeps failing, Cohere may be having an outage.",
    );
  });

  it('a custom server points at its own log', async () => {
    const { result, url } = await run(failing(500, 99), { provider: 'custom' });
    expect(errorOf(result).message).toBe(
      `The server at ${url} failed (500). Try again in a minute. The app already retried 3 times; if it keeps failing, check the server's log.`,
    );
  });

  it('a 501 is not retried and says so', async () => {
    const { result } = await run(failing(501, 99), { provider: 'custom' });
    expect(errorOf(result).message).toMatch(/failed \(501\)\. Try again in a minute\. If it keeps failing, check the server's log\.$/);
  });

  it('a 408 every time is a timeout on the server side', async () => {
    const { result } = await run(failing(408, 99));
    expect(errorOf(result)).toMatchObject({
      kind: 'timeout',
      status: 408,
      message: 'Cohere gave up waiting for the request (408) and still did after 3 retries. Try again, or rerank fewer documents (lower the top N).',
    });
  });
});

describe('the built-in proxy', () => {
  /** A fetch for the relative proxy path, which the local server cannot stand in for. */
  function proxyFetch(reply: () => Response) {
    const urls: string[] = [];
    const fetchImpl: typeof fetch = (input) => {
      urls.push(String(input));
      return Promise.resolve(reply());
    };
    return { urls, fetchImpl };
  }

  const proxyRun = (fetchImpl: typeof fetch, waits: number[] = []) =>
    rerankWithCohere({
      query: 'q',
      documents: ['a'],
      apiKey: KEY,
      settings: { ...defaultCohereSettings, baseUrl: '/api/cohere' },
      fetchImpl,
      random: () => 0.5,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });

  it.each([502, 504])('an empty %i from the proxy itself says it could not reach api.cohere.com, without retrying', async (status) => {
    // Vite's proxy answers an upstream it cannot reach with an empty 502 (text/plain).
    const proxy = proxyFetch(() => new Response('', { status, headers: { 'Content-Type': 'text/plain' } }));
    const result = await proxyRun(proxy.fetchImpl);
    expect(proxy.urls).toEqual(['/api/cohere/v2/rerank']);
    expect(errorOf(result)).toMatchObject({
      kind: 'network',
      status,
      message:
        `The app's proxy could not reach api.cohere.com (${status}): this computer may be offline, or a firewall blocks it. ` +
        'Check the connection, or use a custom server.',
    });
  });

  it("a 502 that Cohere sent through the proxy, with a body, is Cohere's and is retried", async () => {
    const waits: number[] = [];
    const proxy = proxyFetch(() => new Response(JSON.stringify({ message: 'upstream hiccup' }), { status: 502 }));
    const result = await proxyRun(proxy.fetchImpl, waits);
    expect(proxy.urls).toHaveLength(4);
    expect(waits).toEqual([500, 1000, 2000]);
    expect(errorOf(result).message).toMatch(/^Cohere's server failed \(502\)\. Try again in a minute\./);
  });
});

describe('a connection that breaks', () => {
  it('mid-answer says the answer broke off, not that the server is down', async () => {
    const { result, received, url } = await run(() => ({ ...jsonReply(threeResults), cutOff: 'mid-body' }), { provider: 'custom' });
    expect(received).toHaveLength(1);
    const error = errorOf(result);
    expect(error).toMatchObject({
      kind: 'interrupted',
      message:
        `The answer from ${url} broke off before it was complete (connection reset). ` +
        'Try again; if it keeps happening, lower Concurrent calls or the number of documents.',
    });
    expect(error.message).not.toContain('check that the server is running');
    expect(error.cause).toContain('answered 200, then the body broke off');
  });

  it('before any answer says the server could not be reached', async () => {
    const { result, url } = await run(() => ({ ...jsonReply(threeResults), cutOff: 'before-reply' }), { provider: 'custom' });
    expect(errorOf(result)).toMatchObject({ kind: 'network' });
    expect(errorOf(result).message).toMatch(new RegExp(`^Could not reach ${url.replace(/[.]/g, '\\.')}\\. Check that the server is running`));
  });
});
