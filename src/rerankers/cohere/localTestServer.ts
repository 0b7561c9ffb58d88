// Test-only: a real HTTP server on a free local port whose answers each test scripts. Never bundled.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface ScriptedReply {
  status: number;
  body: string;
  headers?: Record<string, string>;
  /**
   * Drops the connection on purpose: 'before-reply' closes it before any status line (the client cannot tell
   * it from a server that is down); 'mid-body' sends the status, headers and half the body, then closes it.
   */
  cutOff?: 'before-reply' | 'mid-body';
}

/** Returns the reply for the n-th request (0-based); a promise that never settles leaves the call hanging. */
export type ReplyScript = (request: ReceivedRequest, n: number) => ScriptedReply | Promise<ScriptedReply>;

export interface LocalServer {
  url: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

export async function startLocalServer(script: ReplyScript): Promise<LocalServer> {
  const received: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => {
      const got: ReceivedRequest = {
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(parts).toString('utf8'),
      };
      received.push(got);
      Promise.resolve(script(got, received.length - 1)).then(
        (reply) => {
          if (response.destroyed) return; // The client gave up (timeout or cancel).
          if (reply.cutOff === 'before-reply') {
            request.socket.destroy();
            return;
          }
          const headers = { 'Content-Type': 'application/json', ...reply.headers };
          if (reply.cutOff === 'mid-body') {
            // Promise the whole body, send half, then hang up: the client sees the answer break off.
            response.writeHead(reply.status, { ...headers, 'Content-Length': String(Buffer.byteLength(reply.body)) });
            response.write(reply.body.slice(0, Math.floor(reply.body.length / 2)), () => request.socket.destroy());
            return;
          }
          response.writeHead(reply.status, headers);
          response.end(reply.body);
        },
        (error: unknown) => {
          response.writeHead(500);
          response.end(String(error));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** A JSON reply with a 200 status. */
export function jsonReply(value: unknown, status = 200, headers?: Record<string, string>): ScriptedReply {
  return { status, body: JSON.stringify(value), ...(headers ? { headers } : {}) };
}
