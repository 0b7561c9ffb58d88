// A local stand-in for the Hugging Face Hub, for fetch-model's tests: the tree API and the `resolve/main` file
// URLs, with LFS files redirected to a "CDN" on another port (another origin, as on the real Hub). It can misbehave
// on request: drop a connection part-way, ignore Range, serve damaged bytes, require a token. Listens on 127.0.0.1
// only, on ports the system picks.
import { createHash } from 'node:crypto';
import http from 'node:http';

/**
 * @typedef {{ content: Buffer | string, lfs?: boolean }} StandInFile
 * @typedef {{
 *   repos: Map<string, Map<string, StandInFile>>,
 *   token?: string,
 *   cutAfter?: Map<string, number>,
 *   stallAfter?: Map<string, number>,
 *   ignoreRange?: boolean,
 *   corrupt?: Set<string>,
 *   pageSize?: number,
 *   renamed?: Map<string, string>,
 * }} StandInOptions
 *   token: every repo then needs `Authorization: Bearer <token>` (a gated repo).
 *   cutAfter: file path → bytes: the first GET of that file sends this many bytes of its body, then drops the connection.
 *   stallAfter: file path → bytes: every GET of that file sends this many bytes, then nothing more (the connection
 *     stays open until the stand-in closes), as a stuck network would.
 *   ignoreRange: answer every GET with the whole file (200), as some servers and proxies do.
 *   corrupt: file paths served with their first byte changed (same size, wrong hash).
 *   pageSize: tree entries per page of the tree API (pages linked by a `Link: <…>; rel="next"` header).
 *   renamed: old id → new id, redirected with a relative Location, as the Hub does for a renamed repo.
 * @typedef {{ server: 'hub' | 'cdn', method: string, url: string, range?: string, authorization?: string }} LoggedRequest
 */

export const sha256 = (content) => createHash('sha256').update(content).digest('hex');
/** The git blob id: sha1 of "blob <size>\0" and the content. */
export const gitBlobId = (content) => createHash('sha1').update(`blob ${Buffer.byteLength(content)}\0`).update(content).digest('hex');

/**
 * @param {StandInOptions} options
 * @returns {Promise<{ endpoint: string, cdnOrigin: string, requests: LoggedRequest[], close: () => Promise<void> }>}
 */
export async function startHubStandIn(options) {
  const requests = [];
  const cut = new Set(); // files whose one cut has happened
  const blobs = new Map(); // sha256 → { path, content }
  for (const files of options.repos.values()) {
    for (const [filePath, file] of files) if (file.lfs) blobs.set(sha256(file.content), { path: filePath, content: Buffer.from(file.content) });
  }
  const log = (server, req) => requests.push({ server, method: req.method ?? '', url: req.url ?? '', range: req.headers.range, authorization: req.headers.authorization });
  const serve = (req, res, filePath, content) => serveBytes(req, res, filePath, content, options, cut);

  const cdn = http.createServer((req, res) => {
    log('cdn', req);
    const blob = blobs.get(/^\/blob\/([0-9a-f]{64})/.exec(req.url ?? '')?.[1] ?? '');
    if (!blob) return sendJson(res, 404, { error: 'No such blob' });
    serve(req, res, blob.path, blob.content);
  });
  const cdnOrigin = await listen(cdn);

  const hub = http.createServer((req, res) => {
    log('hub', req);
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const tree = /^\/api\/models\/([^/]+\/[^/]+)\/tree\/main$/.exec(url.pathname);
    const resolve = /^\/([^/]+\/[^/]+)\/resolve\/main\/(.+)$/.exec(url.pathname);
    const id = decodeURIComponent(tree?.[1] ?? resolve?.[1] ?? '');
    const newId = options.renamed?.get(id);
    if (newId) {
      res.writeHead(307, { location: `${url.pathname.replace(id, newId)}${url.search}` });
      return res.end();
    }
    const files = options.repos.get(id);
    if (!files) return sendJson(res, 404, { error: 'Repository not found' }, { 'x-error-code': 'RepoNotFound' });
    if (options.token && req.headers.authorization !== `Bearer ${options.token}`) {
      // Echoes what it was sent, so that a test can check that fetch-model never prints the token, even when a
      // server hands it back.
      const sent = req.headers.authorization ? `Invalid credentials in Authorization header: ${req.headers.authorization}` : 'Please log in.';
      return sendJson(res, 401, { error: `Access to model ${id} is restricted. ${sent}` }, { 'x-error-code': 'GatedRepo' });
    }
    if (tree) return sendTreePage(res, id, files, url, options.pageSize);
    const filePath = (resolve?.[2] ?? '').split('/').map(decodeURIComponent).join('/');
    const file = files.get(filePath);
    if (!file) return sendJson(res, 404, { error: 'Entry not found' }, { 'x-error-code': 'EntryNotFound' });
    const content = Buffer.from(file.content);
    if (file.lfs) {
      const hash = sha256(content);
      res.writeHead(302, { location: `${cdnOrigin}/blob/${hash}?signed=stand-in`, 'x-linked-size': String(content.length), 'x-linked-etag': `"${hash}"`, etag: `"${gitBlobId(`lfs pointer ${hash}`)}"` });
      return res.end();
    }
    res.setHeader('etag', `"${gitBlobId(content)}"`);
    serve(req, res, filePath, content);
  });
  const endpoint = await listen(hub);

  return {
    endpoint,
    cdnOrigin,
    requests,
    close: async () => {
      await Promise.all([hub, cdn].map((server) => new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      })));
    },
  };
}

/** @param {http.Server} server @returns {Promise<string>} its origin */
function listen(server) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
    });
  });
}

function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** One page of `/api/models/<id>/tree/main?recursive=true`, entries as the Hub writes them. */
function sendTreePage(res, id, files, url, pageSize) {
  const entries = [{ type: 'directory', oid: gitBlobId('tree'), size: 0, path: 'onnx' }];
  for (const [filePath, file] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const content = Buffer.from(file.content);
    entries.push(file.lfs
      ? { type: 'file', oid: gitBlobId(`lfs pointer ${sha256(content)}`), size: content.length, path: filePath, lfs: { oid: sha256(content), size: content.length, pointerSize: 134 } }
      : { type: 'file', oid: gitBlobId(content), size: content.length, path: filePath });
  }
  const start = Number(url.searchParams.get('cursor') ?? 0);
  const end = pageSize ? start + pageSize : entries.length;
  const headers = end < entries.length ? { link: `<${url.pathname}?recursive=true&cursor=${end}>; rel="next"` } : {};
  sendJson(res, 200, entries.slice(start, end), headers);
}

/** A file's bytes, honouring `Range: bytes=<start>-[<end>]` unless told to ignore it, and misbehaving on request. */
function serveBytes(req, res, filePath, content, options, cut) {
  let body = content;
  if (options.corrupt?.has(filePath)) {
    body = Buffer.from(content);
    body[0] = (body[0] ?? 0) ^ 0xff;
  }
  const range = options.ignoreRange ? null : /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
  let status = 200;
  const headers = { 'content-type': 'application/octet-stream', 'accept-ranges': options.ignoreRange ? 'none' : 'bytes' };
  if (range) {
    const start = Number(range[1]);
    const end = range[2] ? Math.min(Number(range[2]), body.length - 1) : body.length - 1;
    if (start >= body.length) {
      res.writeHead(416, { 'content-range': `bytes */${body.length}` });
      return res.end();
    }
    headers['content-range'] = `bytes ${start}-${end}/${body.length}`;
    body = body.subarray(start, end + 1);
    status = 206;
  }
  res.writeHead(status, { ...headers, 'content-length': body.length });
  const cutAt = options.cutAfter?.get(filePath);
  if (req.method === 'GET' && cutAt !== undefined && !cut.has(filePath)) {
    cut.add(filePath);
    // Send the first bytes, then drop the connection with the rest owed, as a network failure would.
    res.write(body.subarray(0, cutAt), () => res.socket?.destroy());
    return;
  }
  const stallAt = options.stallAfter?.get(filePath);
  if (req.method === 'GET' && stallAt !== undefined) {
    res.write(body.subarray(0, stallAt));
    return;
  }
  res.end(req.method === 'HEAD' ? undefined : body);
}
