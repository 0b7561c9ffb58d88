// The client against the e2e stand-in server: proves the stub speaks the protocol the client expects.
import { afterEach, describe, expect, it } from 'vitest';
import { forgetRateGates } from './rateGate';
import { type CohereStub, startCohereStub, STUB_BAD_REQUEST_MESSAGE } from '../../../e2e/support/cohereStub';
import { rerankWithCohere } from './client';
import { type CohereSettings, defaultCohereSettings } from './settings';

let stub: CohereStub | undefined;
afterEach(async () => {
  forgetRateGates(); // A pause left by one test must not hold the next on a reused port.
  await stub?.close();
  stub = undefined;
});

async function rerankAgainstStub(settings: Partial<CohereSettings> = {}, waits: number[] = []) {
  if (!stub) throw new Error('start the stub first');
  return rerankWithCohere({
    query: 'Red apple',
    documents: ['a green apple', 'red apple pie', 'banana'],
    apiKey: 'sk-test-stub-key',
    settings: { ...defaultCohereSettings, baseUrl: stub.url, ...settings },
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
}

describe('cohereStub', () => {
  it('scores by word overlap and records the request', async () => {
    stub = await startCohereStub();
    const result = await rerankAgainstStub();
    // "red apple": 1 of 2 words -> 0.01 + 0.98 * 0.5; both -> 0.99; none -> 0.01.
    expect(result).toMatchObject({ ok: true, value: { scores: [0.5, 0.99, 0.01], billedUnits: { search_units: 1 } } });
    expect(stub.requests).toHaveLength(1);
    expect(stub.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v2/rerank',
      headers: { authorization: 'Bearer sk-test-stub-key', 'content-type': 'application/json' },
      body: { model: 'rerank-v3.5', query: 'Red apple', top_n: 3, max_tokens_per_doc: 4096 },
    });
  });

  it('refuses once with 429 and Retry-After: 1 in rate-limited-once', async () => {
    stub = await startCohereStub({ scenario: 'rate-limited-once' });
    const waits: number[] = [];
    const result = await rerankAgainstStub({}, waits);
    expect(result.ok).toBe(true);
    expect(waits).toEqual([1000]);
    expect(stub.requests).toHaveLength(2);
  });

  it.each([
    ['unauthorized', 'auth'],
    ['rate-limited', 'rate-limited'],
    ['bad-request', 'bad-request'],
    ['server-error', 'server'],
    ['not-json', 'bad-response'],
  ] as const)('%s makes the client fail with %s', async (scenario, kind) => {
    stub = await startCohereStub();
    stub.setScenario(scenario);
    const result = await rerankAgainstStub();
    expect(result.ok ? 'ok' : result.error.kind).toBe(kind);
    if (scenario === 'bad-request' && !result.ok) expect(result.error.message).toContain(STUB_BAD_REQUEST_MESSAGE);
  });

  it('answers late in slow, so a short timeout trips', async () => {
    stub = await startCohereStub({ scenario: 'slow', slowMs: 1000 });
    const result = await rerankAgainstStub({ timeoutMs: 100 });
    expect(result.ok ? 'ok' : result.error.kind).toBe('timeout');
  });

  it('allows the app origin and the two headers in a preflight, unless told to refuse', async () => {
    stub = await startCohereStub();
    const preflight = () =>
      fetch(`${stub?.url}/v2/rerank`, {
        method: 'OPTIONS',
        headers: { Origin: 'http://localhost:4173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
      });
    const allowed = await preflight();
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:4173');
    expect(allowed.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
    stub.setScenario('cors-refuse');
    const refused = await preflight();
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(stub.requests.map((r) => r.method)).toEqual(['OPTIONS', 'OPTIONS']);
  });
});
