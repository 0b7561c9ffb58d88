import { describe, expect, it } from 'vitest';
import { cohereModels, concurrencyOf, type CohereSettings, defaultCohereSettings, isValidConcurrency, normalizeCohereSettings, validateBaseUrl } from './settings';

describe('defaultCohereSettings and cohereModels', () => {
  it('default to Cohere, rerank-v3.5, 4096 tokens, 30 s and 4 calls at once', () => {
    expect(defaultCohereSettings).toEqual({
      provider: 'cohere',
      baseUrl: 'https://api.cohere.com',
      model: 'rerank-v3.5',
      maxTokensPerDoc: 4096,
      timeoutMs: 30000,
      concurrency: 4,
    });
  });

  it('list the five models, each with a note', () => {
    expect(cohereModels.map((m) => m.id)).toEqual([
      'rerank-v3.5',
      'rerank-english-v3.0',
      'rerank-multilingual-v3.0',
      'rerank-v4.0-pro',
      'rerank-v4.0-fast',
    ]);
    expect(cohereModels.every((m) => m.note.length > 0)).toBe(true);
  });
});

describe('validateBaseUrl', () => {
  it.each([
    ['https://api.cohere.com', 'https://api.cohere.com'],
    ['https://api.cohere.com/', 'https://api.cohere.com'],
    ['  http://localhost:8000/ ', 'http://localhost:8000'],
    ['http://10.0.0.5:7997/rerankers', 'http://10.0.0.5:7997/rerankers'],
    ['/api/cohere', '/api/cohere'],
    ['/api/cohere/', '/api/cohere'],
  ])('accepts %j as %j', (input, expected) => {
    expect(validateBaseUrl(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'The base URL is empty. Use a full address such as https://api.cohere.com, or /api/cohere for the built-in proxy.'],
    ['api.cohere.com', '"api.cohere.com" is not a URL. Use a full address such as https://api.cohere.com, or /api/cohere for the built-in proxy.'],
    ['ftp://example.com', 'The base URL must start with https:// or http://, not "ftp:". Use a full address such as https://api.cohere.com, or /api/cohere for the built-in proxy.'],
    ['https://api.cohere.com/v2/rerank', 'Leave "/v2/rerank" off the base URL: the app adds it. Try "https://api.cohere.com".'],
    ['https://user:pw@example.com', 'Take the user name and password out of the base URL; put the API key in the API key field.'],
    ['https://example.com/?a=1', 'Take the "?" or "#" part off the base URL: the app adds /v2/rerank to it.'],
    ['//example.com', '"//example.com" is missing its scheme. Start it with https://.'],
    ['/api/co here', '"/api/co here" should be a plain path, without spaces, "?" or "#".'],
  ])('refuses %j with a clear message', (input, message) => {
    const result = validateBaseUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe(message);
  });
});

describe('concurrency', () => {
  it.each([1, 4, 16])('accepts %j', (value) => expect(isValidConcurrency(value)).toBe(true));

  it.each([0, 17, 2.5, -1, Number.NaN, Number.POSITIVE_INFINITY, '4', undefined, null])('refuses %j', (value) => {
    expect(isValidConcurrency(value)).toBe(false);
  });

  it('is 4 for settings saved before the field existed, and as given otherwise', () => {
    // Storage hands back what was saved, whatever the type says: build that shape on purpose.
    const saved: Partial<CohereSettings> = { ...defaultCohereSettings };
    delete saved.concurrency;
    const old = saved as CohereSettings;
    expect(concurrencyOf(old)).toBe(4);
    expect(concurrencyOf({ ...defaultCohereSettings, concurrency: 9 })).toBe(9);
    expect(concurrencyOf({ ...defaultCohereSettings, concurrency: 40 })).toBe(40); // Left for the client to refuse.
  });
});

describe('normalizeCohereSettings', () => {
  it('gives settings saved before concurrency existed the default of 4, keeping the rest', () => {
    const saved = { provider: 'custom', baseUrl: 'http://localhost:8000', model: 'BAAI/bge-reranker-base', maxTokensPerDoc: 512, timeoutMs: 5000 };
    expect(normalizeCohereSettings(saved)).toEqual({ ...saved, concurrency: 4 });
  });

  it('keeps a valid concurrency and replaces one out of bounds or of the wrong type', () => {
    expect(normalizeCohereSettings({ ...defaultCohereSettings, concurrency: 16 }).concurrency).toBe(16);
    expect(normalizeCohereSettings({ ...defaultCohereSettings, concurrency: 17 }).concurrency).toBe(4);
    expect(normalizeCohereSettings({ ...defaultCohereSettings, concurrency: '8' }).concurrency).toBe(4);
  });

  it('fills every field of something that is not settings at all', () => {
    expect(normalizeCohereSettings(null)).toEqual(defaultCohereSettings);
    expect(normalizeCohereSettings([1, 2])).toEqual(defaultCohereSettings);
    expect(normalizeCohereSettings({ provider: 'other', model: 7 })).toEqual(defaultCohereSettings);
  });

  it('reads a record whose own keys look like Object.prototype members as plain data', () => {
    const saved = JSON.parse('{"__proto__": {"concurrency": 9}, "constructor": 1, "model": "m"}') as unknown;
    expect(normalizeCohereSettings(saved)).toEqual({ ...defaultCohereSettings, model: 'm' });
  });
});
