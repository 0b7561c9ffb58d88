import {
  COHERE_BASE_URL,
  COHERE_PROXY_BASE_URL,
  cohereModels,
  defaultCohereSettings,
  validateBaseUrl,
  type CohereSettings,
} from '../../rerankers/cohere/settings';
import type { RerankError } from '../../rerankers/types';

/** Whether Cohere is reached through the dev/preview server's proxy rather than straight from the page. */
export function usesProxy(settings: CohereSettings): boolean {
  return settings.provider === 'cohere' && settings.baseUrl.trim().replace(/\/+$/, '') === COHERE_PROXY_BASE_URL;
}

/**
 * Switches provider. Back to Cohere means Cohere's own address and a model Cohere knows; a custom server
 * starts with an empty address, since no default would be right, and keeps the model name to edit.
 */
export function withProvider(settings: CohereSettings, provider: CohereSettings['provider']): CohereSettings {
  if (provider === settings.provider) return settings;
  if (provider === 'custom') return { ...settings, provider, baseUrl: '' };
  const known = cohereModels.some((m) => m.id === settings.model);
  return { ...settings, provider, baseUrl: COHERE_BASE_URL, model: known ? settings.model : defaultCohereSettings.model };
}

export function withProxy(settings: CohereSettings, on: boolean): CohereSettings {
  return { ...settings, baseUrl: on ? COHERE_PROXY_BASE_URL : COHERE_BASE_URL };
}

/** The problem with the base URL in words, or null when it is fine. An empty custom address gets a hint, not a scolding. */
export function baseUrlProblem(settings: CohereSettings): string | null {
  if (settings.provider === 'custom' && settings.baseUrl.trim() === '') {
    return 'Enter your server’s address, such as http://localhost:8000; the app adds /v2/rerank to it.';
  }
  const checked = validateBaseUrl(settings.baseUrl);
  return checked.ok ? null : checked.error.message;
}

/** Where the calls go, for the user to see; null while the base URL is invalid. */
export function endpointOf(settings: CohereSettings): string | null {
  const checked = validateBaseUrl(settings.baseUrl);
  return checked.ok ? `${checked.value}/v2/rerank` : null;
}

/** A call to Cohere that never got an answer (offline or CORS) is the case the proxy fixes. */
export function shouldOfferProxy(settings: CohereSettings, error: RerankError | null): boolean {
  return error?.kind === 'network' && settings.provider === 'cohere' && !usesProxy(settings);
}
