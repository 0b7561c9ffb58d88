import react from '@vitejs/plugin-react';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, devContentSecurityPolicy, devSecurityHeaders, scriptHash, securityHeaders } from './security-headers';

/** A policy as directive name → sources, read the way a browser splits it. */
function directives(policy: string): Map<string, string[]> {
  const parsed = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) parsed.set(name, sources);
  }
  return parsed;
}

describe('the production Content-Security-Policy', () => {
  const policy = directives(contentSecurityPolicy);

  it('allows only the app, WebAssembly compilation and the runtime blob: scripts and workers', () => {
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", 'blob:']);
    expect(policy.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(policy.get('font-src')).toEqual(["'self'"]);
  });

  it('connects to the app and to any http(s) host, nothing else', () => {
    expect(policy.get('connect-src')).toEqual(["'self'", 'https:', 'http:']);
  });

  it('forbids plugins, framing, form posts and a changed base URL', () => {
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
  });

  it('has no inline script, no eval, and no upgrade-insecure-requests (it would break the app served over http from a LAN address)', () => {
    expect(contentSecurityPolicy).not.toContain("'unsafe-inline'");
    expect(contentSecurityPolicy).not.toContain("'unsafe-eval'");
    expect(policy.has('upgrade-insecure-requests')).toBe(false);
  });

  it('is sent with the isolation and hardening headers', () => {
    expect(securityHeaders).toEqual({
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Content-Security-Policy': contentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
    });
  });
});

describe('scriptHash', () => {
  it('is the base64 SHA-256 of the exact text', () => {
    // FIPS 180-2's test vector: SHA-256("abc") = ba7816bf 8f01cfea 414140de 5dae2223 b00361a3 96177a9c b410ff61 f20015ad,
    // which in base64 is ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=.
    expect(scriptHash('abc')).toBe("'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='");
  });
});

describe('the dev server policy', () => {
  // @vitejs/plugin-react 6.3's preamble with base "/"; its hash from `printf '…' | openssl dgst -sha256 -binary | base64`.
  const preamble = [
    'import { injectIntoGlobalHook } from "/@react-refresh";',
    'injectIntoGlobalHook(window);',
    'window.$RefreshReg$ = () => {};',
    'window.$RefreshSig$ = () => (type) => type;',
  ].join('\n');

  it('is the preamble vite.config.ts hashes (a plugin update that changes it shows here)', () => {
    expect(react.preambleCode.replace('__BASE__', '/')).toBe(preamble);
  });

  it("is production's plus the preamble's hash and inline styles, and nothing else", () => {
    const dev = directives(devContentSecurityPolicy([preamble]));
    const production = directives(contentSecurityPolicy);
    expect(dev.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", 'blob:', "'sha256-Z2/iFzh9VMlVkEOar1f/oSHWwQk3ve1qk/C2WdsC4Xk='"]);
    expect(dev.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    for (const [name, sources] of production) {
      if (name !== 'script-src' && name !== 'style-src') expect(dev.get(name), name).toEqual(sources);
    }
    expect([...dev.keys()]).toEqual([...production.keys()]);
  });

  it('keeps the other headers', () => {
    const headers = devSecurityHeaders([]);
    expect(headers['Cross-Origin-Embedder-Policy']).toBe('require-corp');
    expect(headers['Content-Security-Policy']).not.toContain('sha256-');
  });
});
