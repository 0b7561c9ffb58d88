// The few Hub endpoints fetch-model uses: the file tree (names, sizes, hashes) and `resolve`, the files themselves.
import { FetchModelError, refusedError, unavailableError } from './errors.mjs';
import { asFetchModelError, createIdleTimer, getFollowingRedirects, hubErrorMessage } from './http.mjs';

export const DEFAULT_ENDPOINT = 'https://huggingface.co';
export const REVISION = 'main';
/** The tree API pages its answer (a `Link: <…>; rel="next"` header); a model repo needs one or two pages. */
const MAX_PAGES = 100;

/**
 * The Hub's base URL: HF_ENDPOINT, as huggingface_hub reads it, or the public Hub.
 * @param {Record<string, string | undefined>} env
 * @returns {{ ok: true, endpoint: string } | { ok: false, message: string }}
 */
export function hubEndpoint(env) {
  const raw = env.HF_ENDPOINT?.trim() || DEFAULT_ENDPOINT;
  let url;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, message: `HF_ENDPOINT=${JSON.stringify(raw)} is not a URL. Unset it to use ${DEFAULT_ENDPOINT}, or set it to a Hub mirror's base URL.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: `HF_ENDPOINT must be an http(s) URL; got ${JSON.stringify(raw)}.` };
  return { ok: true, endpoint: url.href.replace(/\/+$/, '') };
}

/** @param {string | undefined} token */
export function requestHeaders(token) {
  // identity: sizes and byte ranges then count the file's own bytes, not a compressed form of them.
  return { 'accept-encoding': 'identity', 'user-agent': 'rerank-playground-fetch-model', ...(token ? { authorization: `Bearer ${token}` } : {}) };
}

/** `<endpoint>/<id>/resolve/main/<path>`, each path segment URL-encoded. */
export function resolveUrl(endpoint, id, filePath) {
  return `${endpoint}/${id}/resolve/${REVISION}/${filePath.split('/').map(encodeURIComponent).join('/')}`;
}

/** The `next` URL of a Link header, if any. */
export function nextPageUrl(link, current) {
  const match = link ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(link) : null;
  return match?.[1] ? new URL(match[1], current).href : undefined;
}

/**
 * Every file of the repo with its size, and its sha256 (LFS files) or git blob id (files kept in git).
 * @param {{ endpoint: string, id: string, token: string | undefined, signal: AbortSignal, idleMs: number, fetchImpl?: typeof fetch }} o
 * @returns {Promise<import('./fileList.mjs').RepoFile[]>}
 */
export async function listRepoFiles({ endpoint, id, token, signal, idleMs, fetchImpl }) {
  const files = [];
  let url = `${endpoint}/api/models/${id}/tree/${REVISION}?recursive=true`;
  for (let page = 0; url; page += 1) {
    if (page >= MAX_PAGES) throw new FetchModelError(`The file list of ${id} ran past ${MAX_PAGES} pages; fetch-model stops there. Check HF_ENDPOINT.`);
    if (new URL(url).origin !== new URL(endpoint).origin) throw new FetchModelError(`The file list's next page is on another site (${url}); fetch-model does not follow it. Check HF_ENDPOINT.`);
    const timer = createIdleTimer(idleMs, signal);
    try {
      const { response, url: answeredUrl } = await getFollowingRedirects(url, { headers: { ...requestHeaders(token), accept: 'application/json' }, signal: timer.signal, fetchImpl });
      if (!response.ok) await throwForStatus(response, { id, url: answeredUrl, tokenSet: Boolean(token) });
      const body = await response.json();
      if (!Array.isArray(body)) throw new FetchModelError(`${answeredUrl} did not answer a file list (a JSON array). Is HF_ENDPOINT a Hub?`);
      for (const entry of body) {
        const file = repoFile(entry);
        if (file) files.push(file);
      }
      url = nextPageUrl(response.headers.get('link'), answeredUrl);
    } catch (error) {
      throw asFetchModelError(error, url, timer, idleMs);
    } finally {
      timer.stop();
    }
  }
  return files;
}

/**
 * A tree entry as a RepoFile, or null for folders and entries that are not files.
 * @param {unknown} entry `{ type, path, size, oid, lfs?: { oid, size } }`
 */
export function repoFile(entry) {
  if (typeof entry !== 'object' || entry === null) return null;
  const { type, path, size, oid, lfs } = /** @type {Record<string, unknown>} */ (entry);
  if (type !== 'file' || typeof path !== 'string' || !Number.isSafeInteger(size) || /** @type {number} */ (size) < 0) return null;
  const lfsOid = typeof lfs === 'object' && lfs !== null ? /** @type {Record<string, unknown>} */ (lfs).oid : undefined;
  if (typeof lfsOid === 'string' && /^[0-9a-f]{64}$/.test(lfsOid)) return { path, size: /** @type {number} */ (size), sha256: lfsOid };
  if (lfs === undefined && typeof oid === 'string' && /^[0-9a-f]{40}$/.test(oid)) return { path, size: /** @type {number} */ (size), gitOid: oid };
  return { path, size: /** @type {number} */ (size) };
}

/**
 * Turns a refusal into its FetchModelError.
 * @param {Response} response
 * @param {{ id: string, url: string, tokenSet: boolean }} context
 * @returns {Promise<never>}
 */
export async function throwForStatus(response, { id, url, tokenSet }) {
  const { status, statusText } = response;
  if (status === 401 || status === 403 || status === 404) {
    throw refusedError({ id, url, status, statusText, hubMessage: await hubErrorMessage(response), tokenSet });
  }
  await response.body?.cancel();
  if (status === 429 || status >= 500) throw unavailableError(url, status, statusText);
  throw new FetchModelError(`${url} answered ${status} ${statusText}, which fetch-model does not expect. Check HF_ENDPOINT, or try again later.`);
}
