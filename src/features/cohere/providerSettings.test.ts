import { describe, expect, it } from 'vitest';
import { COHERE_BASE_URL, COHERE_PROXY_BASE_URL, defaultCohereSettings, type CohereSettings } from '../../rerankers/cohere/settings';
import { baseUrlProblem, endpointOf, shouldOfferProxy, usesProxy, withProvider, withProxy } from './providerSettings';

const custom: CohereSettings = { ...defaultCohereSettings, provider: 'custom', baseUrl: 'http://localhost:8000/', model: 'BAAI/bge-reranker-v2-m3' };

describe('provider switching', () => {
  it('starts a custom server with an empty address and keeps the model to edit', () => {
    expect(withProvider(defaultCohereSettings, 'custom')).toEqual({ ...defaultCohereSettings, provider: 'custom', baseUrl: '' });
  });

  it('goes back to Cohere with its own address, replacing a model Cohere does not serve', () => {
    expect(withProvider(custom, 'cohere')).toMatchObject({ provider: 'cohere', baseUrl: COHERE_BASE_URL, model: 'rerank-v3.5' });
    expect(withProvider({ ...custom, model: 'rerank-english-v3.0' }, 'cohere').model).toBe('rerank-english-v3.0');
  });

  it('leaves the settings alone when the provider does not change', () => {
    expect(withProvider(custom, 'custom')).toBe(custom);
  });
});

describe('the proxy', () => {
  it('is on only for Cohere at the proxy path, trailing slash or not', () => {
    expect(usesProxy(withProxy(defaultCohereSettings, true))).toBe(true);
    expect(usesProxy({ ...defaultCohereSettings, baseUrl: `${COHERE_PROXY_BASE_URL}/` })).toBe(true);
    expect(usesProxy(withProxy(withProxy(defaultCohereSettings, true), false))).toBe(false);
    expect(usesProxy({ ...custom, baseUrl: COHERE_PROXY_BASE_URL })).toBe(false);
  });

  it('is offered after a network failure on Cohere, not for other failures or custom servers', () => {
    const network = { kind: 'network', message: 'Could not reach Cohere' };
    expect(shouldOfferProxy(defaultCohereSettings, network)).toBe(true);
    expect(shouldOfferProxy(defaultCohereSettings, { kind: 'auth', message: 'rejected' })).toBe(false);
    expect(shouldOfferProxy(defaultCohereSettings, null)).toBe(false);
    expect(shouldOfferProxy(withProxy(defaultCohereSettings, true), network)).toBe(false);
    expect(shouldOfferProxy(custom, network)).toBe(false);
  });
});

describe('the base URL', () => {
  it('shows where the calls go', () => {
    expect(endpointOf(custom)).toBe('http://localhost:8000/v2/rerank');
    expect(endpointOf(withProxy(defaultCohereSettings, true))).toBe('/api/cohere/v2/rerank');
    expect(endpointOf({ ...custom, baseUrl: 'not a url' })).toBeNull();
  });

  it('names the problem, with a hint rather than an error for an empty custom address', () => {
    expect(baseUrlProblem(custom)).toBeNull();
    expect(baseUrlProblem({ ...custom, baseUrl: '' })).toMatch(/^Enter your server’s address/);
    expect(baseUrlProblem({ ...custom, baseUrl: 'http://localhost:8000/v2/rerank' })).toMatch(/Leave "\/v2\/rerank" off/);
    expect(baseUrlProblem({ ...custom, baseUrl: 'ftp://host' })).toMatch(/must start with https:\/\//);
  });
});
