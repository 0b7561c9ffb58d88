import type { Result } from '../../core/types';
import { callWithRetries, type RetryRecord } from './chunkCall';
import { type FailureContext, seconds, type ServerRef } from './failureContext';
import { cancelledError } from './messages';
import { redactKey } from './redact';
import { addBilledUnits, emptyBilledUnits } from './response';
import type { RetryReason } from './retryPolicy';
import { serverRetriesNote } from './serverFailures';
import {
  COHERE_MAX_DOCS_PER_CALL,
  CONCURRENCY_BOUNDS,
  concurrencyOf,
  type CohereSettings,
  isValidConcurrency,
  validateBaseUrl,
} from './settings';
import type { CohereError, RerankOutcome, RerankProgress } from './types';

export interface RerankWithCohereArgs {
  query: string;
  documents: string[];
  apiKey: string;
  settings: CohereSettings;
  signal?: AbortSignal;
  onProgress?: (progress: RerankProgress) => void;
  /** Injected in tests; defaults to the global fetch. */
  fetchImpl?: typeof fetch;
  /**
   * Waits before a retry; `reason` says which status asked for it and which retry comes next, for a live note.
   * Injected in tests to record the waits instead of waiting.
   */
  sleep?: (ms: number, signal?: AbortSignal, reason?: RetryReason) => Promise<void>;
  /** The backoff's jitter, Math.random by default; injected in tests to pin the waits. */
  random?: () => number;
}

/**
 * Max tokens per document, as the settings field and this client accept it. Cohere documents a minimum of 1
 * and no maximum of its own (https://docs.cohere.com/v2/docs/reranking-best-practices, "Number of Tokens per
 * Document": 1 to N/A), with a default of 4096 (https://docs.cohere.com/changelog/rerank-v3.5). The longest
 * context of any Cohere rerank model is 32,768 tokens (rerank-v4.0, same best-practices page); a larger value
 * cuts nothing more, so it is refused as a typo (100,000) rather than sent.
 */
export const MAX_TOKENS_PER_DOC_BOUNDS = { min: 1, max: 32_768 } as const;

type Failure = { ok: false; error: CohereError };
const fail = (error: CohereError): Failure => ({ ok: false, error });

/**
 * Scores `documents` against `query` with Cohere's `POST /v2/rerank` (or any server that speaks it).
 * Splits into calls of at most 1000 documents, retries 408, 429 and passing 5xx answers (chunkCall.ts), and never
 * puts the key in an error.
 */
export async function rerankWithCohere(args: RerankWithCohereArgs): Promise<Result<RerankOutcome, CohereError>> {
  const result = await rerank(args);
  if (result.ok) return result;
  const { error } = result;
  const cause = error.cause === undefined ? undefined : redactKey(error.cause, args.apiKey);
  return fail({ ...error, message: redactKey(error.message, args.apiKey), ...(cause === undefined ? {} : { cause }) });
}

function checkInputs(args: RerankWithCohereArgs): CohereError | undefined {
  const { settings } = args;
  if (!(settings.timeoutMs > 0) || !Number.isFinite(settings.timeoutMs)) {
    return { kind: 'invalid-settings', message: 'The timeout must be a positive number of milliseconds. Fix it in the settings.' };
  }
  const { min, max } = MAX_TOKENS_PER_DOC_BOUNDS;
  if (!Number.isInteger(settings.maxTokensPerDoc) || settings.maxTokensPerDoc < min || settings.maxTokensPerDoc > max) {
    return { kind: 'invalid-settings', message: `Max tokens per document must be a whole number from ${min} to ${max.toLocaleString('en-US')}. Fix it in the settings.` };
  }
  if (!isValidConcurrency(concurrencyOf(settings))) {
    return {
      kind: 'invalid-settings',
      message: `Concurrent calls must be a whole number from ${CONCURRENCY_BOUNDS.min} to ${CONCURRENCY_BOUNDS.max}. Fix it in the settings.`,
    };
  }
  if (settings.model.trim() === '') {
    return { kind: 'invalid-settings', message: 'Choose a model in the settings first.' };
  }
  if (args.query.trim() === '') {
    return { kind: 'invalid-input', message: 'Enter a query first: the reranker scores each document against it.' };
  }
  if (settings.provider === 'cohere' && args.apiKey.trim() === '') {
    return { kind: 'invalid-input', message: 'Enter a Cohere API key first. You can create one in the Cohere dashboard.' };
  }
  return undefined;
}

async function rerank(args: RerankWithCohereArgs): Promise<Result<RerankOutcome, CohereError>> {
  const startedAt = performance.now();
  const { documents, settings, signal } = args;
  const base = validateBaseUrl(settings.baseUrl);
  if (!base.ok) return fail({ kind: 'invalid-settings', ...base.error });
  const invalid = checkInputs(args);
  if (invalid) return fail(invalid);
  if (signal?.aborted) return fail(cancelledError());

  const chunkCount = Math.ceil(documents.length / COHERE_MAX_DOCS_PER_CALL);
  const scores: number[] = [];
  const perCallMs: number[] = [];
  const billedUnits = emptyBilledUnits();
  const retries: RetryRecord[] = [];
  const warnings = new Set<string>();
  for (let chunk = 0; chunk < chunkCount; chunk++) {
    const offset = chunk * COHERE_MAX_DOCS_PER_CALL;
    const docs = documents.slice(offset, offset + COHERE_MAX_DOCS_PER_CALL);
    const ctx: FailureContext = {
      settings,
      baseUrl: base.value,
      endpoint: `${base.value}/v2/rerank`,
      callLabel: chunkCount > 1 ? ` (call ${chunk + 1} of ${chunkCount})` : '',
    };
    const call = await callWithRetries(args, ctx, docs, offset, retries);
    if (!call.ok) return call;
    scores.push(...call.value.answer.scores);
    perCallMs.push(call.value.elapsedMs);
    addBilledUnits(billedUnits, call.value.answer.billedUnits);
    call.value.answer.warnings.forEach((warning) => warnings.add(warning));
    args.onProgress?.({ scored: offset + docs.length, total: documents.length });
  }

  return {
    ok: true,
    value: {
      scores,
      timings: { totalMs: performance.now() - startedAt, calls: perCallMs.length, perCallMs },
      ...(Object.keys(billedUnits).length > 0 ? { billedUnits } : {}),
      notes: runNotes({ settings, baseUrl: base.value }, documents.length, chunkCount, retries, warnings),
    },
  };
}

function runNotes(
  server: ServerRef,
  total: number,
  chunks: number,
  retries: readonly RetryRecord[],
  warnings: Set<string>,
): string[] {
  const cohere = server.settings.provider === 'cohere';
  const waitsMs = retries.filter((r) => r.status === 429).map((r) => r.waitMs);
  const serverRetries = retries.filter((r) => r.status !== 429);
  const notes: string[] = [];
  if (chunks > 1) {
    notes.push(
      `The API takes at most ${COHERE_MAX_DOCS_PER_CALL} documents per call, so the ${total} documents went in ${chunks} calls. ` +
        (cohere
          ? 'Cohere scores each document against the query on its own, so scores from separate calls should be comparable.'
          : 'This assumes the server scores each document on its own, as Cohere does; if it normalises scores per call, scores from separate calls are not comparable.'),
    );
  }
  if (waitsMs.length > 0) {
    const waited = seconds(waitsMs.reduce((sum, ms) => sum + ms, 0));
    notes.push(
      `The server limited the call rate (429), so the app waited ${waited} in all and retried ${waitsMs.length} time(s).` +
        (cohere ? ' Trial keys allow 10 calls a minute.' : ''),
    );
  }
  if (serverRetries.length > 0) notes.push(serverRetriesNote(server, serverRetries));
  warnings.forEach((warning) => notes.push(`The server warned: ${warning}`));
  return notes;
}
