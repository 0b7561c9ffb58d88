/**
 * The headers every response carries, for the preview server (what production must send) and the dev server.
 *
 * Cross-origin isolation (COOP + COEP) lets onnxruntime-web use SharedArrayBuffer, hence WASM threads.
 * The Content-Security-Policy allows only the app's own scripts, plus what the ML runtime needs:
 * - 'wasm-unsafe-eval': WebAssembly.compile/instantiate of onnxruntime's wasm (no JS eval);
 * - blob: scripts and workers: transformers.js 4.3.1 (env.useWasmCache, on by default where the Cache API exists)
 *   fetches /ort/ort-wasm-simd-threaded.asyncify.mjs into its Cache API store and import()s it from a blob: URL;
 *   that factory then starts its WASM threads with `new Worker(import.meta.url)`, i.e. blob: workers. Without
 *   blob: the import is refused (script-src-elem), the runtime never starts, and the first load reads as a network
 *   failure. That is what broke the first strict attempt. The cached runtime is what lets a second visit run offline.
 * Connections: the app's origin (models, /ort/, the /api/cohere proxy), any https: host (the Hugging Face Hub and
 * the hosts it redirects to, such as cas-bridge.xethub.hf.co and cdn-lfs*.hf.co; api.cohere.com; a Cohere-compatible
 * server the user types), and plain http (a Cohere-compatible server on this machine or the workshop's LAN; the
 * key then travels unencrypted, as the user chose). data: and other schemes are refused.
 */
import { createHash } from 'node:crypto';

type Directives = [name: string, ...sources: string[]][];

const productionDirectives: Directives = [
  ['default-src', "'self'"],
  ['script-src', "'self'", "'wasm-unsafe-eval'", 'blob:'],
  ['worker-src', "'self'", 'blob:'],
  // http: too: a Cohere-compatible server on the workshop's LAN (http://10.0.0.5:7997) is a supported setup. Limiting
  // hosts buys nothing once any https: host is allowed, and no injected script can run to use it (script-src).
  ['connect-src', "'self'", 'https:', 'http:'],
  // React's style={} props go through the CSSOM, which style-src does not govern; no inline <style> or style="".
  ['style-src', "'self'"],
  // blob: for the PNG export (an SVG drawn from a blob: URL into a canvas).
  ['img-src', "'self'", 'data:', 'blob:'],
  ['font-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
  // No upgrade-insecure-requests: the app loads nothing over http, and served over plain http from a LAN address
  // (`vite preview --host` at a workshop) it would rewrite the app's own files to https and break. Chromium leaves
  // loopback alone either way.
];

function serialize(directives: Directives): string {
  return directives.map((directive) => directive.join(' ')).join('; ');
}

/** The policy the built app is served with (vite preview, and production: see the README). */
export const contentSecurityPolicy = serialize(productionDirectives);

/** CSP source for one inline script, by the SHA-256 of its exact text. */
export function scriptHash(code: string): string {
  return `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
}

/**
 * The dev server's policy: production's, plus what hot reload needs. @vitejs/plugin-react puts one inline
 * module script (the React Refresh preamble) into index.html, allowed by its hash; Vite injects CSS as <style>
 * elements, hence 'unsafe-inline' for styles. The HMR WebSocket is same-origin, which 'self' covers.
 */
export function devContentSecurityPolicy(inlineScripts: readonly string[]): string {
  const extra = new Map<string, string[]>([
    ['script-src', inlineScripts.map(scriptHash)],
    ['style-src', ["'unsafe-inline'"]],
  ]);
  return serialize(productionDirectives.map(([name, ...sources]) => [name, ...sources, ...(extra.get(name) ?? [])]));
}

const otherHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

export const securityHeaders: Record<string, string> = { ...otherHeaders, 'Content-Security-Policy': contentSecurityPolicy };

/** `inlineScripts`: the exact text of each inline script the dev server's index.html holds. */
export function devSecurityHeaders(inlineScripts: readonly string[]): Record<string, string> {
  return { ...otherHeaders, 'Content-Security-Policy': devContentSecurityPolicy(inlineScripts) };
}
