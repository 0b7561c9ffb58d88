import type { Result } from '../../core/types';
import type { RerankWithCohereArgs } from './client';
import type { FailureContext } from './failureContext';
import { cancelledError, errorForAnswer, errorForStatus, heldTooLongError, networkError, rateLimitedError, timeoutError } from './messages';
import { gateFor } from './rateGate';
import { parseRerankAnswer, type ParsedRerankAnswer } from './response';
import { askedWaitMs, backoffMs } from './retryAfter';
import { isRetryableStatus, MAX_RETRIES, MAX_WAIT_MS, serverBackoffMs } from './retryPolicy';
import { brokenAnswerError, isProxyUnreachable, proxyUnreachableError, serverWaitTooLongError } from './serverFailures';
import { concurrencyOf } from './settings';
import { postJson, sleepUnlessAborted } from './transport';
import type { CohereError } from './types';

export interface ChunkAnswer {
  answer: ParsedRerankAnswer;
  elapsedMs: number;
}

/** One wait before a retry: the status that asked for it, and how long the app waited. */
export interface RetryRecord {
  status: number;
  waitMs: number;
}

type Failure = { ok: false; error: CohereError };
const fail = (error: CohereError): Failure => ({ ok: false, error });

/**
 * One chunk: call, and on 408, 429 or a passing 5xx wait (Retry-After or X-RateLimit-Reset, else backoff) and call
 * again, up to 3 retries in all. Every call goes through the server's gate: a 429 pauses all calls to that server,
 * not just this one; a 5xx holds only this call, since the server may be failing one request, not refusing all.
 * Each wait is pushed to `retries` as it starts.
 */
export async function callWithRetries(
  args: RerankWithCohereArgs,
  ctx: FailureContext,
  docs: string[],
  offset: number,
  retries: RetryRecord[],
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
  const random = args.random ?? Math.random;
  const fetchImpl = args.fetchImpl ?? globalThis.fetch.bind(globalThis);

  const gate = gateFor(ctx.baseUrl);
  const limit = concurrencyOf(settings);
  let waitedUntil = 0;
  for (let attempt = 0; ; attempt++) {
    // Another call's 429 may ask for longer than the app waits: then fail now rather than sit in the gate.
    const admission = await gate.acquire(signal, { limit, waitedUntil, maxPauseMs: MAX_WAIT_MS });
    if (admission.kind === 'cancelled') return fail(cancelledError());
    if (admission.kind === 'pause-too-long') return fail(heldTooLongError(ctx, admission.pauseLeftMs));
    const outcome = await postJson({ url: ctx.endpoint, headers, body, timeoutMs: settings.timeoutMs, signal, fetchImpl }).finally(
      admission.release,
    );
    if (outcome.kind === 'cancelled') return fail(cancelledError());
    if (outcome.kind === 'timeout') return fail(timeoutError(ctx));
    if (outcome.kind === 'network') return fail(networkError(ctx, outcome.error));
    if (outcome.kind === 'broken') return fail(brokenAnswerError(ctx, outcome.status, outcome.error));
    const { status } = outcome;
    if (status >= 200 && status <= 299) {
      const parsed = parseRerankAnswer(outcome.body, docs.length);
      if (!parsed.ok) return fail(errorForAnswer(ctx, parsed.error, outcome.body, offset));
      return { ok: true, value: { answer: parsed.value, elapsedMs: outcome.elapsedMs } };
    }
    // An offline proxy fails the same way every time: retrying would only delay the message.
    if (isProxyUnreachable(ctx, status, outcome.body)) return fail(proxyUnreachableError(ctx, status));
    if (!isRetryableStatus(status)) return fail(errorForStatus(ctx, status, outcome.body, attempt));

    const asked = askedWaitMs(outcome, Date.now());
    if (status === 429) {
      // What the server asks for holds every call to it, even when this one gives up; so does our own backoff.
      if (asked !== undefined) gate.pauseUntil(Date.now() + asked);
      if (attempt >= MAX_RETRIES) return fail(rateLimitedError(ctx, outcome.body));
      if (asked !== undefined && asked > MAX_WAIT_MS) return fail(rateLimitedError(ctx, outcome.body, asked));
    } else {
      if (asked !== undefined && asked > MAX_WAIT_MS) return fail(serverWaitTooLongError(ctx, status, outcome.body, asked));
      if (attempt >= MAX_RETRIES) return fail(errorForStatus(ctx, status, outcome.body, attempt, asked));
    }
    // Rate limits reset per minute, so a 429 backs off in seconds (5, 10, 20 s); a server hiccup in half seconds.
    const waitMs = asked ?? (status === 429 ? backoffMs(attempt) : serverBackoffMs(attempt, random));
    if (status === 429) {
      waitedUntil = Date.now() + waitMs;
      gate.pauseUntil(waitedUntil);
    }
    retries.push({ status, waitMs });
    await sleep(waitMs, signal, { status, retry: attempt + 1, of: MAX_RETRIES });
    if (signal?.aborted) return fail(cancelledError());
  }
}
