import type { Result } from '../../core/types';

/** Settings of the Cohere reranker. `custom` points it at any Cohere-compatible server (vLLM, Infinity, Jina ...). */
export interface CohereSettings {
  provider: 'cohere' | 'custom';
  /** Where `/v2/rerank` lives: an absolute http(s) URL, or a path on this app's origin such as the proxy. */
  baseUrl: string;
  model: string;
  maxTokensPerDoc: number;
  timeoutMs: number;
}

export const COHERE_BASE_URL = 'https://api.cohere.com';

/** The dev and preview servers (`npm run dev`, `npm start`) forward this path to api.cohere.com (see vite.config.ts). */
export const COHERE_PROXY_BASE_URL = '/api/cohere';

/** Cohere's limit on documents in one rerank request. */
export const COHERE_MAX_DOCS_PER_CALL = 1000;

export const defaultCohereSettings: CohereSettings = {
  provider: 'cohere',
  baseUrl: COHERE_BASE_URL,
  model: 'rerank-v3.5',
  maxTokensPerDoc: 4096,
  timeoutMs: 30_000,
};

export interface CohereModelInfo {
  id: string;
  note: string;
}

export const cohereModels: readonly CohereModelInfo[] = [
  { id: 'rerank-v3.5', note: 'Multilingual, 4k-token context; the default.' },
  { id: 'rerank-english-v3.0', note: 'English only, 4k-token context.' },
  { id: 'rerank-multilingual-v3.0', note: 'Over 100 languages, 4k-token context.' },
  { id: 'rerank-v4.0-pro', note: 'Newest generation, highest quality; slower and dearer.' },
  { id: 'rerank-v4.0-fast', note: 'Newest generation, tuned for speed and high volume.' },
];

const example = `Use a full address such as ${COHERE_BASE_URL}, or ${COHERE_PROXY_BASE_URL} for the built-in proxy.`;

/**
 * Checks a base URL and returns it without trailing slashes.
 * Accepts absolute http(s) URLs and paths on this origin (starting with `/`).
 */
export function validateBaseUrl(input: string): Result<string> {
  const trimmed = input.trim();
  if (trimmed === '') {
    return { ok: false, error: { message: `The base URL is empty. ${example}` } };
  }
  const withoutSlash = trimmed.replace(/\/+$/, '');
  if (/\/v\d+\/rerank$/i.test(withoutSlash)) {
    const base = withoutSlash.replace(/\/v\d+\/rerank$/i, '');
    return {
      ok: false,
      error: { message: `Leave "/v2/rerank" off the base URL: the app adds it. Try "${base || '/'}".` },
    };
  }
  if (trimmed.startsWith('/')) {
    if (trimmed.startsWith('//')) {
      return { ok: false, error: { message: `"${trimmed}" is missing its scheme. Start it with https://.` } };
    }
    if (/[?#\s]/.test(trimmed)) {
      return { ok: false, error: { message: `"${trimmed}" should be a plain path, without spaces, "?" or "#".` } };
    }
    return { ok: true, value: withoutSlash };
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch (error) {
    return {
      ok: false,
      error: { message: `"${trimmed}" is not a URL. ${example}`, cause: String(error) },
    };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, error: { message: `The base URL must start with https:// or http://, not "${url.protocol}". ${example}` } };
  }
  if (url.username || url.password) {
    return {
      ok: false,
      error: { message: 'Take the user name and password out of the base URL; put the API key in the API key field.' },
    };
  }
  if (url.search || url.hash) {
    return { ok: false, error: { message: `Take the "?" or "#" part off the base URL: the app adds /v2/rerank to it.` } };
  }
  return { ok: true, value: withoutSlash };
}
