import { describe, expect, it } from 'vitest';
import { cohereModels, defaultCohereSettings, validateBaseUrl } from './settings';

describe('defaultCohereSettings and cohereModels', () => {
  it('default to Cohere, rerank-v3.5, 4096 tokens and 30 s', () => {
    expect(defaultCohereSettings).toEqual({
      provider: 'cohere',
      baseUrl: 'https://api.cohere.com',
      model: 'rerank-v3.5',
      maxTokensPerDoc: 4096,
      timeoutMs: 30000,
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
