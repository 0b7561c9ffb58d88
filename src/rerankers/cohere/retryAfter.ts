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

/** The wait before retry number `attempt` (0-based) when the server gives no Retry-After. */
export function backoffMs(attempt: number): number {
  return 5000 * 2 ** attempt;
}
