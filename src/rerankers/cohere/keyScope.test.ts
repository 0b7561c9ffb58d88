import { describe, expect, it } from 'vitest';
import { keyScopeOf } from './keyScope';

describe('keyScopeOf', () => {
  it('gives one scope to the spellings of one address', () => {
    expect(keyScopeOf('https://api.cohere.com')).toBe('https://api.cohere.com');
    expect(keyScopeOf(' https://API.Cohere.com:443/ ')).toBe('https://api.cohere.com');
    expect(keyScopeOf('http://Localhost:80/v1/')).toBe('http://localhost/v1');
  });

  it('tells servers apart by scheme, host, port and path', () => {
    const scopes = ['http://api.cohere.com', 'https://api.cohere.com.evil.test', 'https://api.cohere.com:8443', 'https://api.cohere.com/other', 'http://localhost:8000', 'http://localhost:8001'];
    expect(new Set(scopes.map(keyScopeOf)).size).toBe(scopes.length);
    expect(scopes.map(keyScopeOf)).not.toContain('https://api.cohere.com');
  });

  it("puts the built-in proxy in Cohere's scope: the proxy hands the key to api.cohere.com and nowhere else", () => {
    expect(keyScopeOf('/api/cohere')).toBe('https://api.cohere.com');
    expect(keyScopeOf('/api/cohere/')).toBe('https://api.cohere.com');
    expect(keyScopeOf('/api/other')).toBe('/api/other');
  });

  it('drops a pasted /v2/rerank, which the app asks the user to take off: it is the same server', () => {
    expect(keyScopeOf('http://localhost:8000/v2/rerank')).toBe('http://localhost:8000');
    expect(keyScopeOf('https://api.cohere.com/v1/rerank/')).toBe('https://api.cohere.com');
    expect(keyScopeOf('http://localhost:8000/v2/rerank/extra')).not.toBe('http://localhost:8000');
  });

  it('keeps an address that is not valid yet as typed, trimmed, so it matches nothing else', () => {
    expect(keyScopeOf('  localhost:8000 ')).toBe('localhost:8000');
    expect(keyScopeOf('__proto__')).toBe('__proto__');
    expect(keyScopeOf('')).toBe('');
  });
});
