// A stand-in for Cohere's rerank API (POST /v2/rerank), used only by the tests. It is not Cohere:
// it scores by plain word overlap, so results are predictable, and it can act out failures on demand.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Scenario =
  | 'ok'
  | 'unauthorized'
  | 'rate-limited-once'
  | 'rate-limited'
  | 'bad-request'
  | 'server-error'
  | 'slow'
  | 'not-json'
  | 'cors-refuse';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body; the raw text when it is not JSON; undefined when empty. */
  body: unknown;
}

export interface CohereStubOptions {
  scenario?: Scenario;
  /** Origin allowed by CORS; by default the request's own Origin is echoed back. */
  allowedOrigin?: string;
  /** How long the 'slow' scenario waits before answering. */
  slowMs?: number;
  /** The Retry-After (seconds) sent with a 429. */
  retryAfterSeconds?: number;
}

export interface CohereStub {
  url: string;
  requests: RecordedRequest[];
  setScenario(scenario: Scenario): void;
  close(): Promise<void>;
}

export const STUB_BAD_REQUEST_MESSAGE = 'invalid request: the stub was told to refuse this request';

/** Fraction of the query's distinct words found in the document, squashed into 0.01..0.99 like a real score. */
export function overlapScore(query: string, document: string): number {
  const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const queryWords = words(query);
  if (queryWords.size === 0) return 0.01;
  const docWords = words(document);
  const found = [...queryWords].filter((word) => docWords.has(word)).length;
  return Math.round((0.01 + 0.98 * (found / queryWords.size)) * 10_000) / 10_000;
}

function readBody(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('error', reject);
    request.on('end', () => {
      const text = Buffer.concat(parts).toString('utf8');
      if (text === '') return resolve(undefined);
      try {
        resolve(JSON.parse(text));
      } catch {
        resolve(text);
      }
    });
  });
}

function rerankAnswer(body: unknown): { status: number; json: unknown } {
  const refuse = (message: string) => ({ status: 400, json: { message } });
  if (typeof body !== 'object' || body === null) return refuse('invalid request: body must be a JSON object');
  const { query, documents, top_n: topN } = body as Record<string, unknown>;
  if (typeof query !== 'string' || query.trim() === '') return refuse('invalid request: query must be a non-empty string');
  if (!Array.isArray(documents) || !documents.every((doc) => typeof doc === 'string')) {
    return refuse('invalid request: documents must be a list of strings');
  }
  if (documents.length > 1000) return refuse('invalid request: too many documents, at most 1000 per request');
  const results = documents
    .map((doc: string, index) => ({ index, relevance_score: overlapScore(query, doc) }))
    .sort((a, b) => b.relevance_score - a.relevance_score || a.index - b.index)
    .slice(0, typeof topN === 'number' ? topN : documents.length);
  return { status: 200, json: { id: 'stub', results, meta: { billed_units: { search_units: 1 } } } };
}

export async function startCohereStub(opts: CohereStubOptions = {}): Promise<CohereStub> {
  let scenario: Scenario = opts.scenario ?? 'ok';
  let rateLimitedSoFar = 0;
  const requests: RecordedRequest[] = [];

  const corsHeaders = (request: IncomingMessage): Record<string, string> =>
    scenario === 'cors-refuse'
      ? {}
      : {
          'Access-Control-Allow-Origin': opts.allowedOrigin ?? request.headers.origin ?? '*',
          'Access-Control-Allow-Methods': 'POST, OPTIONS',
          'Access-Control-Allow-Headers': 'authorization, content-type',
          'Access-Control-Expose-Headers': 'Retry-After',
          // No preflight caching, so a scenario change takes effect on the very next call.
          'Access-Control-Max-Age': '0',
          Vary: 'Origin',
        };

  const send = (request: IncomingMessage, response: ServerResponse, status: number, body: unknown, extra = {}) => {
    const isText = typeof body === 'string';
    response.writeHead(status, {
      ...corsHeaders(request),
      'Content-Type': isText ? 'text/html; charset=utf-8' : 'application/json',
      ...extra,
    });
    response.end(isText ? body : JSON.stringify(body));
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const body = await readBody(request);
    requests.push({ method: request.method ?? '', path, headers: request.headers, body });
    if (request.method === 'OPTIONS') {
      response.writeHead(204, corsHeaders(request));
      return response.end();
    }
    if (request.method !== 'POST' || path !== '/v2/rerank') {
      return send(request, response, 404, { message: `no route for ${request.method} ${path}` });
    }
    if (scenario === 'unauthorized' || !/^Bearer \S+$/.test(request.headers.authorization ?? '')) {
      return send(request, response, 401, { message: 'invalid api token' });
    }
    const limited = scenario === 'rate-limited' || (scenario === 'rate-limited-once' && rateLimitedSoFar === 0);
    if (limited) {
      rateLimitedSoFar++;
      const retryAfter = String(opts.retryAfterSeconds ?? 1);
      return send(request, response, 429, { message: 'You are using a Trial key, which is limited to 10 API calls / minute.' }, { 'Retry-After': retryAfter });
    }
    if (scenario === 'bad-request') return send(request, response, 400, { message: STUB_BAD_REQUEST_MESSAGE });
    if (scenario === 'server-error') return send(request, response, 503, { message: 'service unavailable' });
    if (scenario === 'not-json') return send(request, response, 200, '<!doctype html><html><body>Not an API</body></html>');
    const answer = rerankAnswer(body);
    if (scenario === 'slow') {
      // Answer late; give up quietly if the client has already hung up.
      const timer = setTimeout(() => send(request, response, answer.status, answer.json), opts.slowMs ?? 2000);
      response.on('close', () => clearTimeout(timer));
      return;
    }
    send(request, response, answer.status, answer.json);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(request, response, 500, { message: `stub failed: ${String(error)}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setScenario(next) {
      scenario = next;
      rateLimitedSoFar = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
