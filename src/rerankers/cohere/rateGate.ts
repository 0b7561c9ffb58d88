import { validateBaseUrl } from './settings';

/** Frees the slot a call took; calling it again does nothing. */
export type Release = () => void;

/** What came of waiting at the gate. */
export type Admission =
  | { kind: 'admitted'; release: Release }
  | { kind: 'cancelled' }
  /** The server asked every call to wait longer than this caller is willing to. */
  | { kind: 'pause-too-long'; pauseLeftMs: number };

export interface AcquireOptions {
  /** At most this many calls in flight (this caller's setting; callers to one server may differ). */
  limit: number;
  /**
   * The caller has already waited out a pause up to this time (epoch ms) on its own, as the call that got the
   * 429 does while it tells the user: only a pause reaching beyond it holds this caller. 0 when it has not.
   */
  waitedUntil?: number;
  /** Give up at once, rather than wait, when the pause left is longer than this. */
  maxPauseMs?: number;
}

/**
 * The calls to one server: how many are in flight, and until when the server asked everyone to wait.
 * Shared by every column and every run that calls that server, so one 429 holds them all.
 */
export interface RateGate {
  /**
   * Waits for the pause to end and a slot to free, then takes the slot. Takes nothing and resolves at once
   * when `signal` aborts, or when a pause (even one set while waiting) is longer than `maxPauseMs`.
   */
  acquire(signal: AbortSignal | undefined, options: AcquireOptions): Promise<Admission>;
  /** Holds every call not yet sent, retries included, until `epochMs`. A pause is only ever lengthened. */
  pauseUntil(epochMs: number): void;
  /** Milliseconds of pause left at `nowMs` (0 when not paused). */
  pauseLeftMs(nowMs: number): number;
  readonly inFlight: number;
}

interface Waiter {
  limit: number;
  waitedUntil: number;
  maxPauseMs: number;
  settle: (admission: Admission) => void;
}

class ServerGate implements RateGate {
  private taken = 0;
  private pausedUntilMs = 0;
  /** First come, first served. */
  private readonly waiters: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAt = 0;

  get inFlight(): number {
    return this.taken;
  }

  acquire(signal: AbortSignal | undefined, options: AcquireOptions): Promise<Admission> {
    return new Promise((resolve) => {
      if (signal?.aborted) {
        resolve({ kind: 'cancelled' });
        return;
      }
      const onAbort = () => {
        this.remove(waiter);
        resolve({ kind: 'cancelled' });
        this.pump(); // The pause timer may no longer be needed.
      };
      const waiter: Waiter = {
        limit: Math.max(1, options.limit),
        waitedUntil: options.waitedUntil ?? 0,
        maxPauseMs: options.maxPauseMs ?? Number.POSITIVE_INFINITY,
        settle: (admission) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(admission);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
      this.pump();
    });
  }

  pauseUntil(epochMs: number): void {
    if (!(epochMs > this.pausedUntilMs)) return;
    this.pausedUntilMs = epochMs;
    this.pump();
  }

  pauseLeftMs(nowMs: number): number {
    return Math.max(0, this.pausedUntilMs - nowMs);
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.taken--;
      this.pump();
    };
  }

  private remove(waiter: Waiter): void {
    const at = this.waiters.indexOf(waiter);
    if (at >= 0) this.waiters.splice(at, 1);
  }

  /** Lets through every waiter the pause and the slots allow, in order, and wakes up again when the pause ends. */
  private pump(): void {
    const now = Date.now();
    let pausedWaiters = 0;
    for (const waiter of [...this.waiters]) {
      const pauseLeftMs = this.pausedUntilMs - Math.max(now, waiter.waitedUntil);
      if (pauseLeftMs > waiter.maxPauseMs) {
        this.remove(waiter);
        waiter.settle({ kind: 'pause-too-long', pauseLeftMs });
      } else if (pauseLeftMs > 0) {
        pausedWaiters++;
      } else if (this.taken < waiter.limit) {
        this.remove(waiter);
        this.taken++;
        waiter.settle({ kind: 'admitted', release: this.releaser() });
      }
    }
    this.schedule(pausedWaiters > 0 ? this.pausedUntilMs : 0, now);
  }

  private schedule(at: number, now: number): void {
    if (at === this.timerAt) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = at;
    if (at === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerAt = 0;
      this.pump();
    }, at - now);
  }
}

const gates = new Map<string, RateGate>();

/**
 * One server, one key: host letters lowercased, default port and trailing slashes dropped, so
 * "http://Host:80/x/" and "http://host/x" share a gate. Relative paths (the proxy) are keyed as written.
 */
export function gateKey(baseUrl: string): string {
  const checked = validateBaseUrl(baseUrl);
  if (!checked.ok) return baseUrl.trim();
  if (checked.value.startsWith('/')) return checked.value;
  const url = new URL(checked.value);
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

/** The gate every call to `baseUrl` goes through. */
export function gateFor(baseUrl: string): RateGate {
  const key = gateKey(baseUrl);
  let gate = gates.get(key);
  if (!gate) {
    gate = new ServerGate();
    gates.set(key, gate);
  }
  return gate;
}

/**
 * Drops every gate and its pause. Only tests need it: their local servers get ports the OS hands out again, and a
 * pause left by one test must not hold the next test that happens to get the same port.
 */
export function forgetRateGates(): void {
  gates.clear();
}
