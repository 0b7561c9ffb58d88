// HTTP for fetch-model: redirects followed by hand (so the token never leaves the Hub's origin), and a timer that
// aborts a request that stops sending.
import { FetchModelError, interruptedError, networkError, timeoutError } from './errors.mjs';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
export const MAX_REDIRECTS = 10;

/**
 * An AbortSignal that fires when `touch()` has not been called for `ms`, or when `outer` fires.
 * @param {number} ms
 * @param {AbortSignal | undefined} outer
 */
export function createIdleTimer(ms, outer) {
  const controller = new AbortController();
  let timedOut = false;
  let timer;
  const touch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error(`idle for ${ms} ms`));
    }, ms);
  };
  const onOuterAbort = () => controller.abort(outer?.reason);
  if (outer?.aborted) controller.abort(outer.reason);
  else outer?.addEventListener('abort', onOuterAbort, { once: true });
  touch();
  return {
    signal: controller.signal,
    touch,
    stop: () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
    },
    get timedOut() {
      return timedOut;
    },
  };
}

/**
 * What a failed fetch or body read becomes: a timeout, a stop asked for, or a network error.
 * @param {unknown} error
 * @param {string} url
 * @param {{ timedOut: boolean, signal: AbortSignal }} timer
 * @param {number} idleMs
 */
export function asFetchModelError(error, url, timer, idleMs) {
  if (error instanceof FetchModelError) return error;
  if (timer.timedOut) return timeoutError(url, idleMs);
  if (timer.signal.aborted) return interruptedError();
  return networkError(url, error);
}

/**
 * @typedef {{ url: string, status: number, headers: Headers }} Hop a response that redirected
 */

/**
 * GET `url`, following up to MAX_REDIRECTS redirects. `Authorization` goes only to the first URL's origin: the Hub
 * redirects large files to a CDN with a signed URL, which needs no token and must not see it.
 * @param {string} url
 * @param {{ headers: Record<string, string>, signal: AbortSignal, fetchImpl?: typeof fetch }} options
 * @returns {Promise<{ response: Response, url: string, hops: Hop[] }>}
 */
export async function getFollowingRedirects(url, { headers, signal, fetchImpl = fetch }) {
  const tokenOrigin = new URL(url).origin;
  const hops = [];
  let current = url;
  for (let redirects = 0; ; redirects += 1) {
    const sameOrigin = new URL(current).origin === tokenOrigin;
    const sent = Object.fromEntries(Object.entries(headers).filter(([name]) => sameOrigin || name.toLowerCase() !== 'authorization'));
    const response = await fetchImpl(current, { headers: sent, signal, redirect: 'manual' });
    if (!REDIRECTS.has(response.status)) return { response, url: current, hops };
    await response.body?.cancel();
    const location = response.headers.get('location');
    if (!location) throw new FetchModelError(`${current} answered ${response.status} (a redirect) with no Location header. Check HF_ENDPOINT, or try again later.`);
    if (redirects >= MAX_REDIRECTS) throw new FetchModelError(`${url} redirected more than ${MAX_REDIRECTS} times (last to ${location}). Check HF_ENDPOINT, or try again later.`);
    hops.push({ url: current, status: response.status, headers: response.headers });
    const next = new URL(location, current);
    if (next.protocol !== 'https:' && next.protocol !== 'http:') throw new FetchModelError(`${current} redirected to ${next.protocol} URL ${next.href}, which fetch-model does not follow.`);
    current = next.href;
  }
}

/**
 * The Hub's own words about a refusal: the X-Error-Message header, else `error` in a JSON body (of which at most
 * 4 kB is read).
 * @param {Response} response
 */
export async function hubErrorMessage(response) {
  const header = response.headers.get('x-error-message');
  if (header) return header;
  try {
    const parsed = JSON.parse(await readAtMost(response, 4096));
    return typeof parsed?.error === 'string' ? parsed.error : '';
  } catch {
    return '';
  }
}

/** The start of a body as text, at most `limit` bytes; the rest is not downloaded. */
async function readAtMost(response, limit) {
  if (!response.body) return '';
  const chunks = [];
  let length = 0;
  const reader = response.body.getReader();
  while (length < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  await reader.cancel();
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
}
