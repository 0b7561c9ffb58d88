/** What became of one HTTP call. */
export type CallOutcome =
  | { kind: 'answered'; status: number; retryAfter: string | null; rateLimitReset: string | null; body: string; elapsedMs: number }
  | { kind: 'timeout' }
  | { kind: 'cancelled' }
  /** fetch threw before any answer came: nothing listens there, no network, or the browser blocked it (CORS). */
  | { kind: 'network'; error: unknown }
  /** The server answered `status`, then the body broke off before it was complete (the connection was reset). */
  | { kind: 'broken'; status: number; error: unknown };

export interface PostJsonArgs {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  signal?: AbortSignal;
  fetchImpl: typeof fetch;
}

/**
 * POSTs once and reads the whole body, under one AbortController that both the timeout and the
 * user's signal can trip; reading the body is inside the timeout too, since a server can stall mid-body.
 */
export async function postJson(args: PostJsonArgs): Promise<CallOutcome> {
  const { signal } = args;
  if (signal?.aborted) return { kind: 'cancelled' };
  const controller = new AbortController();
  let timedOut = false;
  const onUserAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onUserAbort, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`timed out after ${args.timeoutMs} ms`));
  }, args.timeoutMs);
  const startedAt = performance.now();
  // Set once the status line and headers are in: a failure after that is a broken answer, not an unreachable server.
  let answeredStatus: number | undefined;
  try {
    const response = await args.fetchImpl(args.url, {
      method: 'POST',
      headers: args.headers,
      body: args.body,
      signal: controller.signal,
    });
    answeredStatus = response.status;
    const body = await response.text();
    return {
      kind: 'answered',
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      rateLimitReset: response.headers.get('x-ratelimit-reset'),
      body,
      elapsedMs: performance.now() - startedAt,
    };
  } catch (error) {
    // The user's cancel wins over a timeout that fired in the same moment.
    if (signal?.aborted) return { kind: 'cancelled' };
    if (timedOut) return { kind: 'timeout' };
    if (answeredStatus !== undefined) return { kind: 'broken', status: answeredStatus, error };
    return { kind: 'network', error };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onUserAbort);
  }
}

/** Waits `ms`, or less if `signal` aborts first (the caller checks `signal.aborted` afterwards). */
export function sleepUnlessAborted(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
