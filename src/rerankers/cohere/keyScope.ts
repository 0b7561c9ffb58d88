import { gateKey } from './rateGate';
import { COHERE_BASE_URL, COHERE_PROXY_BASE_URL } from './settings';

/**
 * The server a key belongs to, so that a key entered for one base URL is never sent to another. One server is
 * one scope however its address is spelled (the rate gate's normalisation: case, default port, trailing slash).
 * The built-in proxy shares api.cohere.com's scope: it is this app's own origin and hands the key on to
 * api.cohere.com only (vite.config.ts), so ticking "use the proxy" keeps the key. A base URL pasted with the
 * "/v2/rerank" the app adds is the same server, so taking the suffix off, as the app asks, keeps the key too.
 * Any other address that is not valid yet is its own scope, as typed.
 */
export function keyScopeOf(baseUrl: string): string {
  const scope = gateKey(baseUrl.trim().replace(/\/+$/, '').replace(/\/v\d+\/rerank$/i, ''));
  return scope === COHERE_PROXY_BASE_URL ? gateKey(COHERE_BASE_URL) : scope;
}
