import type { Result } from '../../core/types';

/** Settings of the Cohere reranker. `custom` points it at any Cohere-compatible server (vLLM, Infinity, Jina ...). */
export interface CohereSettings {
  provider: 'cohere' | 'custom';
  /** Where `/v2/rerank` lives: an absolute http(s) URL, or a path on this app's origin such as the proxy. */
  baseUrl: string;
  model: string;
  maxTokensPerDoc: number;
  timeoutMs: number;
  /** Calls in flight at once to this server when a whole query set is reranked (see CONCURRENCY_BOUNDS). */
  concurrency: number;
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
  concurrency: 4,
};

/** Four calls keep a GPU server busy without tripping most rate limits; 16 is past where servers gain. */
export const CONCURRENCY_BOUNDS = { min: 1, max: 16 } as const;

export function isValidConcurrency(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= CONCURRENCY_BOUNDS.min && (value as number) <= CONCURRENCY_BOUNDS.max;
}

/**
 * The concurrency in force. Settings saved before the field existed have none at run time (the type says
 * otherwise), so a missing value means the default; a present but out-of-bounds one is for the caller to refuse.
 */
export function concurrencyOf(settings: CohereSettings): number {
  const value: unknown = settings.concurrency;
  return value === undefined ? defaultCohereSettings.concurrency : (value as number);
}

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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Cohere settings read back from storage, made whole: a field that is missing or of the wrong type takes its
 * default (settings saved before `concurrency` existed get 4). Other values are kept as saved, so that the
 * client can still name what is wrong with them; a concurrency outside CONCURRENCY_BOUNDS becomes the default.
 */
export function normalizeCohereSettings(saved: unknown): CohereSettings {
  const from = isRecord(saved) ? saved : {};
  const text = (name: 'baseUrl' | 'model'): string => {
    const value = from[name];
    return typeof value === 'string' ? value : defaultCohereSettings[name];
  };
  const number = (name: 'maxTokensPerDoc' | 'timeoutMs'): number => {
    const value = from[name];
    return typeof value === 'number' ? value : defaultCohereSettings[name];
  };
  return {
    provider: from.provider === 'custom' ? 'custom' : 'cohere',
    baseUrl: text('baseUrl'),
    model: text('model'),
    maxTokensPerDoc: number('maxTokensPerDoc'),
    timeoutMs: number('timeoutMs'),
    concurrency: isValidConcurrency(from.concurrency) ? from.concurrency : defaultCohereSettings.concurrency,
  };
}
