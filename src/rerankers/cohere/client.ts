import type { Result } from '../../core/types';
import {
  cancelledError,
  errorForAnswer,
  errorForStatus,
  type FailureContext,
  heldTooLongError,
  MAX_RATE_LIMIT_RETRIES,
  MAX_RATE_LIMIT_WAIT_MS,
  networkError,
  rateLimitedError,
  seconds,
  timeoutError,
} from './messages';
import { redactKey } from './redact';
import { addBilledUnits, parseRerankAnswer, type ParsedRerankAnswer } from './response';
import { gateFor } from './rateGate';
import { askedWaitMs, backoffMs } from './retryAfter';
import {
  COHERE_MAX_DOCS_PER_CALL,
  CONCURRENCY_BOUNDS,
  concurrencyOf,
  type CohereSettings,
  isValidConcurrency,
  validateBaseUrl,
} from './settings';
import { postJson, sleepUnlessAborted } from './transport';
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
  /** Injected in tests to record rate-limit waits instead of waiting. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

type Failure = { ok: false; error: CohereError };
const fail = (error: CohereError): Failure => ({ ok: false, error });

/**
 * Scores `documents` against `query` with Cohere's `POST /v2/rerank` (or any server that speaks it).
 * Splits into calls of at most 1000 documents, retries rate-limited calls, and never puts the key in an error.
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
  if (!Number.isInteger(settings.maxTokensPerDoc) || settings.maxTokensPerDoc < 1) {
    return { kind: 'invalid-settings', message: 'Max tokens per document must be a whole number above 0. Fix it in the settings.' };
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
  const billedUnits: Record<string, number> = {};
  const waitsMs: number[] = [];
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
    const call = await callWithRetries(args, ctx, docs, offset, waitsMs);
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
      notes: runNotes(settings, documents.length, chunkCount, waitsMs, warnings),
    },
  };
}

function runNotes(settings: CohereSettings, total: number, chunks: number, waitsMs: number[], warnings: Set<string>): string[] {
  const cohere = settings.provider === 'cohere';
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
  warnings.forEach((warning) => notes.push(`The server warned: ${warning}`));
  return notes;
}

interface ChunkAnswer {
  answer: ParsedRerankAnswer;
  elapsedMs: number;
}

/**
 * One chunk: call, and on 429 wait (Retry-After or X-RateLimit-Reset, else backoff) and call again, up to
 * 3 retries. Every call goes through the server's gate: a 429 pauses all calls to that server, not just this one.
 */
async function callWithRetries(
  args: RerankWithCohereArgs,
  ctx: FailureContext,
  docs: string[],
  offset: number,
  waitsMs: number[],
): Promise<Result<ChunkAnswer, CohereError>> {
  const { settings, signal } = args;
  const apiKey = args.apiKey.trim();
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  // A local Cohere-compatible server may need no key; an empty "Bearer " would only confuse it.
  if (apiKey !== '') headers.Authorization = `Bearer ${apiKey}`;
  const body = JSON.stringify({
    model: settings.model,
    query: args.query,
    documents: docs,
    top_n: docs.length,
    max_tokens_per_doc: settings.maxTokensPerDoc,
  });
  const sleep = args.sleep ?? sleepUnlessAborted;
  const fetchImpl = args.fetchImpl ?? globalThis.fetch.bind(globalThis);

  const gate = gateFor(ctx.baseUrl);
  const limit = concurrencyOf(settings);
  let waitedUntil = 0;
  for (let attempt = 0; ; attempt++) {
    // Another call's 429 may ask for longer than the app waits: then fail now rather than sit in the gate.
    const admission = await gate.acquire(signal, { limit, waitedUntil, maxPauseMs: MAX_RATE_LIMIT_WAIT_MS });
    if (admission.kind === 'cancelled') return fail(cancelledError());
    if (admission.kind === 'pause-too-long') return fail(heldTooLongError(ctx, admission.pauseLeftMs));
    const outcome = await postJson({ url: ctx.endpoint, headers, body, timeoutMs: settings.timeoutMs, signal, fetchImpl }).finally(
      admission.release,
    );
    if (outcome.kind === 'cancelled') return fail(cancelledError());
    if (outcome.kind === 'timeout') return fail(timeoutError(ctx));
    if (outcome.kind === 'network') return fail(networkError(ctx, outcome.error));
    if (outcome.status === 429) {
      const asked = askedWaitMs(outcome, Date.now());
      // What the server asks for holds every call to it, even when this one gives up; so does our own backoff.
      if (asked !== undefined) gate.pauseUntil(Date.now() + asked);
      if (attempt >= MAX_RATE_LIMIT_RETRIES) return fail(rateLimitedError(ctx, outcome.body));
      if (asked !== undefined && asked > MAX_RATE_LIMIT_WAIT_MS) return fail(rateLimitedError(ctx, outcome.body, asked));
      const waitMs = asked ?? backoffMs(attempt);
      waitedUntil = Date.now() + waitMs;
      gate.pauseUntil(waitedUntil);
      waitsMs.push(waitMs);
      await sleep(waitMs, signal);
      if (signal?.aborted) return fail(cancelledError());
      continue;
    }
    if (outcome.status < 200 || outcome.status > 299) return fail(errorForStatus(ctx, outcome.status, outcome.body));
    const parsed = parseRerankAnswer(outcome.body, docs.length);
    if (!parsed.ok) return fail(errorForAnswer(ctx, parsed.error, outcome.body, offset));
    return { ok: true, value: { answer: parsed.value, elapsedMs: outcome.elapsedMs } };
  }
}
