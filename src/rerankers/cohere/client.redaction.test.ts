import { afterEach, describe, expect, it } from 'vitest';
import { forgetRateGates } from './rateGate';
import { rerankWithCohere } from './client';
import { jsonReply, type LocalServer, type ReplyScript, startLocalServer } from './localTestServer';
import { type CohereSettings, defaultCohereSettings } from './settings';

const KEY = 'sk-live-SECRET-9f8e7d6c5b4a';
let server: LocalServer | undefined;
afterEach(async () => {
  forgetRateGates(); // A pause left by one test must not hold the next on a reused port.
  await server?.close();
  server = undefined;
});

/** A server that echoes the Authorization header back, as some proxies do in their error pages. */
const echo = (status: number, shape: (auth: string) => unknown = (auth) => ({ message: `bad header ${auth}` })): ReplyScript => (request) =>
  jsonReply(shape(request.headers.authorization ?? ''), status);

const echoingPaths: [string, ReplyScript][] = [
  ['401', echo(401)],
  ['403', echo(403)],
  ['400 with JSON', echo(400)],
  ['400 with text', (request) => ({ status: 400, body: `no: ${request.headers.authorization ?? ''}` })],
  ['404', echo(404)],
  ['429 every time', echo(429)],
  ['429 asking for an hour', (request) => jsonReply({ message: request.headers.authorization }, 429, { 'Retry-After': '3600' })],
  ['503', echo(503)],
  ['not JSON', (request) => ({ status: 200, body: `<html>${request.headers.authorization ?? ''}</html>` })],
  ['wrong shape', echo(200, (auth) => ({ auth, results: 'none' }))],
  ['documents left out', echo(200, (auth) => ({ auth, results: [] }))],
];

async function errorText(script: ReplyScript, settings: Partial<CohereSettings> = {}, signal?: AbortSignal): Promise<string> {
  server = await startLocalServer(script);
  const result = await rerankWithCohere({
    query: 'q',
    documents: ['a', 'b', 'c'],
    apiKey: KEY,
    settings: { ...defaultCohereSettings, baseUrl: server.url, ...settings },
    sleep: async () => {},
    signal,
  });
  if (result.ok) throw new Error('expected a failure');
  return JSON.stringify(result.error);
}

describe('the API key never appears in an error', () => {
  it.each(echoingPaths)('%s (the server echoes the key)', async (_, script) => {
    const text = await errorText(script);
    expect(text).not.toContain(KEY);
    expect(text).toContain('[redacted key]'); // Proves the echo reached the error, so redaction was needed.
  });

  it.each(echoingPaths)('%s from a custom server', async (_, script) => {
    const text = await errorText(script, { provider: 'custom' });
    expect(text).not.toContain(KEY);
    expect(text).toContain('[redacted key]');
  });

  it('timeout', async () => {
    expect(await errorText(() => new Promise(() => {}), { timeoutMs: 50 })).not.toContain(KEY);
  });

  it('cancel', async () => {
    const controller = new AbortController();
    const text = await errorText(() => {
      controller.abort();
      return new Promise(() => {});
    }, {}, controller.signal);
    expect(text).not.toContain(KEY);
  });

  it('network failure whose error quotes the key', async () => {
    const result = await rerankWithCohere({
      query: 'q',
      documents: ['a'],
      apiKey: KEY,
      settings: defaultCohereSettings,
      fetchImpl: () => Promise.reject(new TypeError(`Failed to fetch with Bearer ${KEY}`)),
    });
    const text = JSON.stringify(result);
    expect(text).not.toContain(KEY);
    expect(text).toContain('[redacted key]');
  });

  it('a key pasted into the base URL field', async () => {
    const result = await rerankWithCohere({
      query: 'q',
      documents: ['a'],
      apiKey: KEY,
      settings: { ...defaultCohereSettings, baseUrl: `${KEY} https://api.cohere.com` },
    });
    const text = JSON.stringify(result);
    expect(text).not.toContain(KEY);
    expect(text).toContain('[redacted key]');
  });
});
