import {
  describeError,
  type FailureContext,
  isCohere,
  seconds,
  serverName,
  type ServerRef,
  times,
  who,
} from './failureContext';
import { snippet } from './response';
import { MAX_WAIT_MS, type RetryReason } from './retryPolicy';
import { COHERE_BASE_URL, COHERE_PROXY_BASE_URL } from './settings';
import type { CohereError } from './types';
import { durationInWords } from './waitWords';

// Messages for the answers the client retries (408 and 5xx), and for connections that break.

const cohereHost = new URL(COHERE_BASE_URL).host;

const retriedTail = (ctx: ServerRef, retriesDone: number) => {
  const next = isCohere(ctx) ? 'Cohere may be having an outage' : "check the server's log";
  return retriesDone > 0
    ? ` The app already retried ${times(retriesDone)}; if it keeps failing, ${next}.`
    : ` If it keeps failing, ${next}.`;
};

const causeOf = (ctx: FailureContext, status: number, body: string) =>
  `POST ${ctx.endpoint} answered ${status}${ctx.callLabel}: ${snippet(body, 500)}`;

/**
 * A 408 or 5xx that is still there after every retry (or one not worth retrying, such as 501). When the last
 * answer named a wait (Retry-After or X-RateLimit-Reset), the message gives that wait rather than a guess.
 */
export function serverFailedError(ctx: FailureContext, status: number, body: string, retriesDone: number, askedWaitMs?: number): CohereError {
  const cause = causeOf(ctx, status, body);
  if (status === 408) {
    const still = retriesDone > 0 ? ` and still did after ${retriesDone} ${retriesDone === 1 ? 'retry' : 'retries'}` : '';
    return {
      kind: 'timeout',
      status,
      message: `${who(ctx)} gave up waiting for the request (408)${ctx.callLabel}${still}. Try again, or rerank fewer documents (lower the top N).`,
      cause,
    };
  }
  const when = askedWaitMs === undefined ? 'in a minute' : `in ${durationInWords(askedWaitMs)}`;
  return {
    kind: 'server',
    status,
    message: `${serverName(ctx)} failed (${status})${ctx.callLabel}. Try again ${when}.${retriedTail(ctx, retriesDone)}`,
    cause,
  };
}

/** A 408 or 5xx asking for a longer wait than the app sits out: not waited, and the user is told how long. */
export function serverWaitTooLongError(ctx: FailureContext, status: number, body: string, askedWaitMs: number): CohereError {
  const wait = durationInWords(askedWaitMs);
  return {
    kind: status === 408 ? 'timeout' : 'server',
    status,
    message:
      `${serverName(ctx)} failed (${status})${ctx.callLabel} and asks the app to wait ${wait} before calling again, ` +
      `longer than it waits on its own (${durationInWords(MAX_WAIT_MS)}). Try again in ${wait}.`,
    cause: causeOf(ctx, status, body),
  };
}

/**
 * The dev server's proxy answers 502 with an empty body when it cannot reach api.cohere.com (Vite's proxy does
 * exactly that; a gateway that gives up waits answers 504). Cohere's own 5xx, passed through, comes with a body.
 */
export function isProxyUnreachable(ctx: FailureContext, status: number, body: string): boolean {
  return ctx.baseUrl === COHERE_PROXY_BASE_URL && (status === 502 || status === 504) && body.trim() === '';
}

export function proxyUnreachableError(ctx: FailureContext, status: number): CohereError {
  return {
    kind: 'network',
    status,
    message:
      `The app's proxy could not reach ${cohereHost} (${status}): this computer may be offline, or a firewall blocks it. ` +
      'Check the connection, or use a custom server.',
    cause: `POST ${ctx.endpoint}${ctx.callLabel} answered ${status} with an empty body: the proxy found no way through to ${COHERE_BASE_URL}`,
  };
}

/** The server answered, then the connection dropped mid-body: it is reachable, so "is it running?" would mislead. */
export function brokenAnswerError(ctx: FailureContext, status: number, error: unknown): CohereError {
  const whose = isCohere(ctx) ? "Cohere's answer" : `The answer from ${ctx.baseUrl}`;
  return {
    kind: 'interrupted',
    message:
      `${whose}${ctx.callLabel} broke off before it was complete (connection reset). ` +
      'Try again; if it keeps happening, lower Concurrent calls or the number of documents.',
    cause: `POST ${ctx.endpoint} answered ${status}, then the body broke off: ${describeError(error)}`,
  };
}

/** The live note while a call waits to be retried. */
export function retryNote(reason: RetryReason, waitMs: number): string {
  const what =
    reason.status === 429 ? 'Rate limited (429)' : reason.status === 408 ? 'Request timeout (408)' : `Server error ${reason.status}`;
  return `${what}: retrying in ${seconds(waitMs)} (retry ${reason.retry} of ${reason.of}).`;
}

/** The run's note after 408s or 5xx that a retry got past. */
export function serverRetriesNote(ctx: ServerRef, retries: readonly { status: number; waitMs: number }[]): string {
  const statuses = [...new Set(retries.map((r) => r.status))].join(', ');
  const waited = seconds(retries.reduce((sum, r) => sum + r.waitMs, 0));
  return `${serverName(ctx)} failed ${times(retries.length)} (${statuses}); the app waited ${waited} in all and retried, and the retry was answered.`;
}
