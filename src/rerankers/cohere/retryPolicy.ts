/**
 * What the client retries, and how long it waits in between. Modelled on Cohere's official SDK, which retries
 * 408, 429 and 5xx with exponential backoff and honours Retry-After and X-RateLimit-Reset. 501 (not implemented)
 * and 505 are left out: they say the server will never do this, so a retry can only fail again.
 */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** Retries after the first call, shared by every retryable status: three 503s and a 429 use them all. */
export const MAX_RETRIES = 3;

/** The longest wait a server may ask for that the app sits out on its own; beyond it the user is told instead. */
export const MAX_WAIT_MS = 60_000;

const FIRST_SERVER_WAIT_MS = 500;
const LONGEST_SERVER_WAIT_MS = 8000;
/** Each wait lands anywhere from 80% to 120% of its step, so clients that failed together do not retry together. */
const JITTER = 0.2;

/** Why the client is about to wait: the status it got, and which retry comes next ("retry 1 of 3"). */
export interface RetryReason {
  status: number;
  retry: number;
  of: number;
}

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/**
 * The wait before retry number `attempt` (0-based) after a 408 or 5xx that named no wait: 0.5 s, 1 s, 2 s, ...
 * spread by the jitter, never more than 8 s. `random` is Math.random's contract: [0, 1).
 */
export function serverBackoffMs(attempt: number, random: () => number = Math.random): number {
  const step = Math.min(LONGEST_SERVER_WAIT_MS, FIRST_SERVER_WAIT_MS * 2 ** attempt);
  const spread = 1 - JITTER + 2 * JITTER * random();
  return Math.min(LONGEST_SERVER_WAIT_MS, Math.round(step * spread));
}
