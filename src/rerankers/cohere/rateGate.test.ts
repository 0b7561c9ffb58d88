import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Admission, gateFor, gateKey, type RateGate, type Release } from './rateGate';

// Each test takes a gate of its own base URL: the registry lives as long as the module.
let serial = 0;
const freshGate = (): RateGate => gateFor(`http://gate-${++serial}.test`);

/** Settles pending promise callbacks without moving the fake clock. */
const flush = () => vi.advanceTimersByTimeAsync(0);

function admitted(admission: Admission | undefined): Release {
  if (admission?.kind !== 'admitted') throw new Error(`expected to be admitted, got ${JSON.stringify(admission)}`);
  return admission.release;
}

/** Starts an acquire and records when (fake ms since the start) it settled, and how. */
function track(gate: RateGate, options: Parameters<RateGate['acquire']>[1], signal?: AbortSignal) {
  const t0 = Date.now();
  const seen: { admission?: Admission; atMs?: number } = {};
  void gate.acquire(signal, options).then((admission) => {
    seen.admission = admission;
    seen.atMs = Date.now() - t0;
  });
  return seen;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the concurrency limit', () => {
  it('lets `limit` callers in, then one more per release, first come first served', async () => {
    const gate = freshGate();
    const calls = [0, 1, 2, 3, 4].map(() => track(gate, { limit: 2 }));
    await flush();
    expect(calls.map((c) => c.admission?.kind)).toEqual(['admitted', 'admitted', undefined, undefined, undefined]);
    expect(gate.inFlight).toBe(2);

    admitted(calls[1]?.admission)();
    await flush();
    expect(calls.map((c) => c.admission?.kind)).toEqual(['admitted', 'admitted', 'admitted', undefined, undefined]);
    expect(gate.inFlight).toBe(2);
  });

  it('frees one slot per call, however often a release is called', async () => {
    const gate = freshGate();
    const calls = [0, 1, 2].map(() => track(gate, { limit: 1 }));
    await flush();
    const release = admitted(calls[0]?.admission);
    release();
    release();
    await flush();
    expect(calls.map((c) => c.admission?.kind)).toEqual(['admitted', 'admitted', undefined]);
    expect(gate.inFlight).toBe(1);
  });
});

describe('pauseUntil', () => {
  it('holds every caller until the time given, then lets them in up to the limit', async () => {
    const gate = freshGate();
    gate.pauseUntil(Date.now() + 1000);
    const calls = [0, 1, 2].map(() => track(gate, { limit: 2 }));
    await vi.advanceTimersByTimeAsync(999);
    expect(calls.map((c) => c.admission)).toEqual([undefined, undefined, undefined]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((c) => c.admission?.kind)).toEqual(['admitted', 'admitted', undefined]);
    expect(calls[0]?.atMs).toBe(1000);
  });

  it('only ever lengthens a pause: a later one extends it, an earlier one changes nothing', async () => {
    const gate = freshGate();
    const start = Date.now();
    gate.pauseUntil(start + 1000);
    const call = track(gate, { limit: 4 });
    await vi.advanceTimersByTimeAsync(500);
    gate.pauseUntil(start + 2000); // A second 429 while paused.
    gate.pauseUntil(start + 1200); // An older, shorter ask arriving late.
    await vi.advanceTimersByTimeAsync(1499); // Now at 1999 ms.
    expect(call.admission).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(call.atMs).toBe(2000);
    expect(gate.pauseLeftMs(start + 1500)).toBe(500);
    expect(gate.pauseLeftMs(start + 2500)).toBe(0);
  });

  it('does not hold a caller again for the part of the pause it already waited out itself', async () => {
    const gate = freshGate();
    const until = Date.now() + 1000;
    gate.pauseUntil(until);
    const retry = track(gate, { limit: 1, waitedUntil: until });
    const other = track(gate, { limit: 1 });
    await flush();
    expect(retry.admission?.kind).toBe('admitted');
    expect(other.admission).toBeUndefined();
    gate.pauseUntil(until + 500); // Someone else's 429 reaches beyond what the retry waited for.
    const retryAgain = track(gate, { limit: 2, waitedUntil: until });
    await vi.advanceTimersByTimeAsync(1499);
    expect(retryAgain.admission).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(retryAgain.admission?.kind).toBe('admitted');
  });

  it('turns away at once a caller that will not wait that long, even when the pause starts while it queues', async () => {
    const gate = freshGate();
    const holder = track(gate, { limit: 1 });
    const queued = track(gate, { limit: 1, maxPauseMs: 60_000 });
    await flush();
    expect(queued.admission).toBeUndefined(); // Waiting for the slot.
    gate.pauseUntil(Date.now() + 3_600_000);
    await flush();
    expect(queued.admission).toEqual({ kind: 'pause-too-long', pauseLeftMs: 3_600_000 });
    expect(queued.atMs).toBe(0);
    admitted(holder.admission)();
    expect(gate.inFlight).toBe(0); // The turned-away caller took no slot.
  });
});

describe('cancelling', () => {
  it('resolves a caller held by a pause as soon as its signal aborts, taking no slot', async () => {
    const gate = freshGate();
    gate.pauseUntil(Date.now() + 30_000);
    const controller = new AbortController();
    const call = track(gate, { limit: 1 }, controller.signal);
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    await flush();
    expect(call).toEqual({ admission: { kind: 'cancelled' }, atMs: 100 });
    expect(gate.inFlight).toBe(0);
  });

  it('resolves a caller queued for a slot, and the next caller gets the slot instead', async () => {
    const gate = freshGate();
    const controller = new AbortController();
    const first = track(gate, { limit: 1 });
    const cancelled = track(gate, { limit: 1 }, controller.signal);
    const third = track(gate, { limit: 1 });
    await flush();
    controller.abort();
    await flush();
    expect(cancelled.admission).toEqual({ kind: 'cancelled' });
    admitted(first.admission)();
    await flush();
    expect(third.admission?.kind).toBe('admitted');
  });

  it('takes nothing when the signal is already aborted', async () => {
    const gate = freshGate();
    const call = track(gate, { limit: 1 }, AbortSignal.abort());
    await flush();
    expect(call.admission).toEqual({ kind: 'cancelled' });
    expect(gate.inFlight).toBe(0);
  });
});

describe('gateFor', () => {
  it('gives one gate per server, whatever the spelling of its address', () => {
    expect(gateKey('HTTP://Rerank.Example:80/v1/')).toBe('http://rerank.example/v1');
    expect(gateFor('http://same.test:8000/')).toBe(gateFor(' http://SAME.test:8000 '));
    expect(gateFor('http://same.test:8000')).not.toBe(gateFor('http://same.test:8001'));
    expect(gateFor('/api/cohere/')).toBe(gateFor('/api/cohere'));
  });

  it('keys addresses as data, so paths named like Object.prototype members are servers like any other', () => {
    const proto = gateFor('/__proto__');
    const ctor = gateFor('http://h.test/constructor');
    expect(gateFor('/__proto__/')).toBe(proto);
    expect(proto).not.toBe(ctor);
    expect(gateFor('toString')).toBe(gateFor('toString')); // Not a valid URL: keyed as written.
  });
});
