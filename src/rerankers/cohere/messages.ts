import { describeError, type FailureContext, isCohere, seconds, who } from './failureContext';
import type { AnswerProblem } from './response';
import { serverMessage, snippet } from './response';
import { MAX_RETRIES, MAX_WAIT_MS } from './retryPolicy';
import { serverFailedError } from './serverFailures';
import { COHERE_BASE_URL, COHERE_PROXY_BASE_URL } from './settings';
import type { CohereError } from './types';
import { durationInWords } from './waitWords';

export type { FailureContext } from './failureContext';
export { seconds } from './failureContext';

/** Retries of one call, whatever the status that asked for them (see retryPolicy.ts). */
export const MAX_RATE_LIMIT_RETRIES = MAX_RETRIES;
export const MAX_RATE_LIMIT_WAIT_MS = MAX_WAIT_MS;
const TRIAL_KEY_HINT = 'Trial keys allow 10 calls a minute.';

/** What to try when the answer is not what a Cohere-compatible server sends. */
function wrongAnswerHint(ctx: FailureContext): string {
  if (ctx.baseUrl === COHERE_PROXY_BASE_URL) {
    return `The proxy ${COHERE_PROXY_BASE_URL} works only when the app runs from \`npm start\` or \`npm run dev\`; elsewhere, use ${COHERE_BASE_URL} or a custom base URL.`;
  }
  if (!isCohere(ctx)) return 'Check that the base URL points at a Cohere-compatible rerank server.';
  return 'Try again; if it keeps happening, check the base URL.';
}

/**
 * The error for a non-2xx answer. A 408 or 5xx gets the retry-aware message: how many retries were spent and,
 * when the last answer named one, the wait it asked for.
 */
export function errorForStatus(ctx: FailureContext, status: number, body: string, retriesDone = 0, askedWaitMs?: number): CohereError {
  if (status === 408 || status >= 500) return serverFailedError(ctx, status, body, retriesDone, askedWaitMs);
  const cause = `POST ${ctx.endpoint} answered ${status}${ctx.callLabel}: ${snippet(body, 500)}`;
  if (status === 401 || status === 403) {
    const next = isCohere(ctx) ? 'Check the key, or create one in the Cohere dashboard.' : 'Check the key this server expects.';
    return { kind: 'auth', status, message: `${who(ctx)} rejected the API key (${status}). ${next}`, cause };
  }
  if (status === 404) {
    return {
      kind: 'not-found',
      status,
      message:
        `${who(ctx)} found nothing at ${ctx.endpoint} (404): "${serverMessage(body)}". ` +
        'Check the base URL (the app adds /v2/rerank to it) and the model name.',
      cause,
    };
  }
  return {
    kind: 'bad-request',
    status,
    message: `${who(ctx)} refused the request (${status})${ctx.callLabel}: "${serverMessage(body)}". Fix what it names and run again.`,
    cause,
  };
}

/** 429 after every retry, or with a Retry-After longer than the app is willing to wait. */
export function rateLimitedError(ctx: FailureContext, body: string, tooLongWaitMs?: number): CohereError {
  const hint = isCohere(ctx) ? ` ${TRIAL_KEY_HINT}` : '';
  const cause = `POST ${ctx.endpoint} answered 429${ctx.callLabel}: ${snippet(body, 500)}`;
  if (tooLongWaitMs !== undefined) {
    return {
      kind: 'rate-limited',
      status: 429,
      message:
        `${who(ctx)} is limiting calls (429) and asks to wait ${seconds(tooLongWaitMs)}, longer than the app waits ` +
        `on its own (${seconds(MAX_RATE_LIMIT_WAIT_MS)}). Try again in ${durationInWords(tooLongWaitMs)}.${hint}`,
      cause,
    };
  }
  return {
    kind: 'rate-limited',
    status: 429,
    message:
      `${who(ctx)} is limiting calls (429) and still refused after ${MAX_RATE_LIMIT_RETRIES} retries${ctx.callLabel}. ` +
      `Wait a minute and try again.${hint}`,
    cause,
  };
}

/** Not sent: an earlier 429 to the same server (from any column or query) asked every call to wait too long. */
export function heldTooLongError(ctx: FailureContext, pauseLeftMs: number): CohereError {
  const hint = isCohere(ctx) ? ` ${TRIAL_KEY_HINT}` : '';
  return {
    kind: 'rate-limited',
    status: 429,
    message:
      `${who(ctx)} is limiting calls (429): an earlier call was asked to wait, and ${seconds(pauseLeftMs)} of that wait ` +
      `are left, longer than the app waits on its own (${seconds(MAX_RATE_LIMIT_WAIT_MS)}). Try again in ${durationInWords(pauseLeftMs)}.${hint}`,
    cause: `POST ${ctx.endpoint}${ctx.callLabel} not sent: calls to ${ctx.baseUrl} are paused for ${pauseLeftMs} ms more`,
  };
}

export function errorForAnswer(ctx: FailureContext, problem: AnswerProblem, body: string, offset: number): CohereError {
  const cause = `POST ${ctx.endpoint}${ctx.callLabel} answered 200 with: ${snippet(body, 500)}`;
  const began = `It began: "${snippet(body)}".`;
  if (problem.kind === 'not-json') {
    return {
      kind: 'bad-response',
      message: `${who(ctx)} answered, but not with JSON. ${began} ${wrongAnswerHint(ctx)}`,
      cause,
    };
  }
  if (problem.kind === 'wrong-shape') {
    return {
      kind: 'bad-response',
      message: `${who(ctx)} answered, but not with the expected JSON (${problem.problem}). ${began} ${wrongAnswerHint(ctx)}`,
      cause,
    };
  }
  const first = (problem.missing[0] ?? 0) + offset + 1;
  return {
    kind: 'bad-response',
    message:
      `${who(ctx)}'s answer left out ${problem.missing.length} of the documents (the first is document #${first}), ` +
      `so the ranking would be incomplete. ${wrongAnswerHint(ctx)}`,
    cause,
  };
}

export function timeoutError(ctx: FailureContext): CohereError {
  return {
    kind: 'timeout',
    message:
      `The call to ${isCohere(ctx) ? 'Cohere' : ctx.baseUrl} timed out after ${seconds(ctx.settings.timeoutMs)}${ctx.callLabel}. ` +
      'Try again, rerank fewer documents, or raise the timeout in the settings.',
    cause: `POST ${ctx.endpoint} aborted after ${ctx.settings.timeoutMs} ms`,
  };
}

/** fetch threw: no network, a refused connection, or a CORS block (the browser does not say which). */
export function networkError(ctx: FailureContext, error: unknown): CohereError {
  const cause = `POST ${ctx.endpoint} threw ${describeError(error)}`;
  if (ctx.baseUrl === COHERE_PROXY_BASE_URL) {
    return {
      kind: 'network',
      message:
        `Could not reach the proxy at ${COHERE_PROXY_BASE_URL}. It exists only when the app runs from \`npm start\` ` +
        `or \`npm run dev\`; elsewhere, use ${COHERE_BASE_URL} or a custom base URL. Also check that you are online.`,
      cause,
    };
  }
  if (isCohere(ctx)) {
    return {
      kind: 'network',
      message:
        `Could not reach Cohere at ${ctx.baseUrl}. Either there is no network, or the browser blocked the call ` +
        `(CORS: Cohere may not accept calls straight from a web page). If you run the app with \`npm start\` or ` +
        `\`npm run dev\`, set the base URL to ${COHERE_PROXY_BASE_URL} to go through the built-in proxy; ` +
        'otherwise use a custom base URL that allows calls from this page.',
      cause,
    };
  }
  return {
    kind: 'network',
    message:
      `Could not reach ${ctx.baseUrl}. Check that the server is running and that you are online. If it is, the ` +
      'browser may have blocked the call (CORS): the server must allow this page\'s origin and the ' +
      'authorization and content-type headers.',
    cause,
  };
}

export function cancelledError(): CohereError {
  return { kind: 'cancelled', cancelled: true, message: 'Reranking was cancelled.' };
}
