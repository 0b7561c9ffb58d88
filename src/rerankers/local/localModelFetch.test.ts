import { describe, expect, it } from 'vitest';
import { fetchLocalBodiesLazily, isUnderModelsPath, type FetchLike } from './localModelFetch';

const base = 'http://app.test/';
const modelFile = '/models/test/minilm-l6-random/onnx/model_quantized.onnx';
const bytes = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

/** A server with one 10-byte file; `headStatus` lets a test play a host without HEAD. Logs "METHOD path". */
function fakeServer(options: { headStatus?: number } = {}) {
  const calls: string[] = [];
  const fetchImpl: FetchLike = async (input, init) => {
    const path = new URL(input, base).pathname;
    const method = init?.method ?? 'GET';
    calls.push(`${method} ${path}`);
    const found = path === modelFile || path === '/hub/file';
    const status = !found ? 404 : method === 'HEAD' ? (options.headStatus ?? 200) : 200;
    const headers = { 'content-length': String(bytes.length) };
    return new Response(method === 'HEAD' || status !== 200 ? null : bytes.slice(), { status, headers });
  };
  const isLocal = (input: string | URL) => isUnderModelsPath(input, base, '/models/');
  return { calls, fetch: fetchLocalBodiesLazily(fetchImpl, isLocal) };
}

describe('fetchLocalBodiesLazily', () => {
  it('answers a local GET with the HEAD headers and makes no GET while nobody reads the body', async () => {
    const server = fakeServer();
    const response = await server.fetch(modelFile, { headers: {} });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('10');
    expect(server.calls).toEqual([`HEAD ${modelFile}`]);
  });

  it('fetches the body once, when it is read, byte for byte', async () => {
    const server = fakeServer();
    const metadata = await server.fetch(modelFile); // transformers.js reads only the headers of this one
    const load = await server.fetch(modelFile);
    expect(metadata.headers.get('content-length')).toBe('10');
    expect(Array.from(new Uint8Array(await load.arrayBuffer()))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(server.calls).toEqual([`HEAD ${modelFile}`, `HEAD ${modelFile}`, `GET ${modelFile}`]);
  });

  it('streams through a reader too (how transformers.js reads with progress)', async () => {
    const server = fakeServer();
    const reader = (await server.fetch(modelFile)).body?.getReader();
    let total = 0;
    for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) total += chunk.value.length;
    expect(total).toBe(10);
  });

  it('passes a missing local file on as 404 without a GET, so transformers.js falls back to the Hub', async () => {
    const server = fakeServer();
    const response = await server.fetch('/models/test/none/config.json');
    expect(response.status).toBe(404);
    expect(server.calls).toEqual(['HEAD /models/test/none/config.json']);
  });

  it('falls back to a plain GET when the host does not answer HEAD', async () => {
    const server = fakeServer({ headStatus: 405 });
    const response = await server.fetch(modelFile);
    expect(new Uint8Array(await response.arrayBuffer()).length).toBe(10);
    expect(server.calls).toEqual([`HEAD ${modelFile}`, `GET ${modelFile}`]);
  });

  it('leaves other origins, other paths and other methods alone', async () => {
    const server = fakeServer();
    await server.fetch('http://hub.test/models/x/config.json');
    await server.fetch('/hub/file');
    await server.fetch(modelFile, { method: 'HEAD' });
    expect(server.calls).toEqual(['GET /models/x/config.json', 'GET /hub/file', `HEAD ${modelFile}`]);
  });
});

describe('isUnderModelsPath', () => {
  it('takes paths and same-origin URLs under the models folder only', () => {
    expect(isUnderModelsPath('/models/a/b.json', base, '/models/')).toBe(true);
    expect(isUnderModelsPath(new URL('http://app.test/models/a'), base, '/models/')).toBe(true);
    expect(isUnderModelsPath('http://other.test/models/a', base, '/models/')).toBe(false);
    expect(isUnderModelsPath('/modelsx/a', base, '/models/')).toBe(false);
    expect(isUnderModelsPath('/ort/x.wasm', base, '/models/')).toBe(false);
  });
});
