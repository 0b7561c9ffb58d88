/**
 * Reads a `Retry-After` header: delay-seconds ("120") or an HTTP date.
 * Returns the wait in milliseconds (never negative), or undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // Only accept things that look like dates, so that "-5" or "soon" are not read as some odd year.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/** Below this, an `X-RateLimit-Reset` number is seconds from now; at or above, a Unix time (1e9 s is Sept 2001). */
const EPOCH_SECONDS_FROM = 1e9;
/** At or above this, a Unix time in milliseconds (1e12 ms is Sept 2001; 1e12 s would be 31,000 years from now). */
const EPOCH_MILLISECONDS_FROM = 1e12;

/**
 * Reads an `X-RateLimit-Reset` header, which servers write in one of three ways: seconds left ("30"),
 * a Unix time in seconds ("1735732830", GitHub's way), or in milliseconds. A wait of 10^9 seconds would be
 * 31 years, so a number that large can only be a Unix time; one above 10^12 can only be milliseconds.
 * Returns the wait in milliseconds (never negative), or undefined when absent or not a plain number.
 */
export function parseRateLimitReset(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const number = Number(text);
  if (number >= EPOCH_MILLISECONDS_FROM) return Math.max(0, Math.round(number - nowMs));
  if (number >= EPOCH_SECONDS_FROM) return Math.max(0, Math.round(number * 1000 - nowMs));
  return Math.round(number * 1000);
}

/** How long a 429 asks to wait: Retry-After (the standard) when readable, else X-RateLimit-Reset. */
export function askedWaitMs(headers: { retryAfter: string | null; rateLimitReset: string | null }, nowMs: number): number | undefined {
  return parseRetryAfter(headers.retryAfter, nowMs) ?? parseRateLimitReset(headers.rateLimitReset, nowMs);
}

/** The wait before retry number `attempt` (0-based) when the server gives no Retry-After. */
export function backoffMs(attempt: number): number {
  return 5000 * 2 ** attempt;
}
