// rerankMany and the rate gate on a fake clock: a 429 holds every call to that server, and a cancel ends the wait.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type JobOutcome, rerankMany, type RerankJob } from './rerankMany';
import { type CohereSettings, defaultCohereSettings } from './settings';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0); // 1735732800 s since the epoch.
let serial = 0;

interface Sent {
  url: string;
  query: string;
  atMs: number;
}

/** A fetch that answers at once: `reply` picks the status and headers per call; 200 scores every document 0.5. */
function fakeServer(reply: (sent: Sent, n: number) => { status: number; headers?: Record<string, string> } = () => ({ status: 200 })) {
  const sent: Sent[] = [];
  const fetchImpl: typeof fetch = (input, init) => {
    const { query, documents } = JSON.parse(String(init?.body)) as { query: string; documents: string[] };
    const call: Sent = { url: String(input), query, atMs: Date.now() - NOW };
    sent.push(call);
    const { status, headers } = reply(call, sent.length - 1);
    const body =
      status === 200
        ? { results: documents.map((_, index) => ({ index, relevance_score: 0.5 })) }
        : { message: 'You are sending too fast.' };
    return Promise.resolve(new Response(JSON.stringify(body), { status, headers }));
  };
  return { sent, fetchImpl };
}

const jobsOf = (queries: string[]): RerankJob[] => queries.map((query) => ({ query, documents: ['a', 'b'] }));
const settingsFor = (url: string): CohereSettings => ({ ...defaultCohereSettings, provider: 'custom', baseUrl: url, concurrency: 2 });
const freshUrl = () => `http://fake-${++serial}.test`;

/** The first call is refused with these headers; every other call is answered. */
const refuseFirst = (headers: Record<string, string>) => (_: Sent, n: number) => (n === 0 ? { status: 429, headers } : { status: 200 });

function start(jobs: RerankJob[], url: string, fetchImpl: typeof fetch, signal?: AbortSignal) {
  const done = new Map<number, JobOutcome>();
  const notes: string[][] = [];
  let finished = false;
  void rerankMany(jobs, settingsFor(url), '', {
    signal,
    fetchImpl,
    onJobDone: (index, outcome) => done.set(index, outcome),
    onNotes: (next) => notes.push(next),
  }).then(() => {
    finished = true;
  });
  return { done, notes, isFinished: () => finished };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a 429 on one call', () => {
  it('with Retry-After: 1, holds every other call to the server for that second', async () => {
    const url = freshUrl();
    const server = fakeServer(refuseFirst({ 'Retry-After': '1' }));
    const run = start(jobsOf(['q0', 'q1', 'q2', 'q3']), url, server.fetchImpl);
    await vi.advanceTimersByTimeAsync(999);
    // q0 was refused and q1 answered at 0 ms; q1's worker then took q2, which must wait for the pause.
    expect(server.sent.map((s) => [s.query, s.atMs])).toEqual([
      ['q0', 0],
      ['q1', 0],
    ]);
    await vi.advanceTimersByTimeAsync(1);
    expect(run.isFinished()).toBe(true);
    expect(server.sent.slice(2).map((s) => s.atMs)).toEqual([1000, 1000, 1000]);
    expect(server.sent.slice(2).map((s) => s.query).sort()).toEqual(['q0', 'q2', 'q3']);
    expect([...run.done.values()].every((outcome) => outcome.ok)).toBe(true);
    expect(run.notes).toEqual([[`The server at ${url} is limiting calls (429): every call to it waits 1 s, then the run goes on.`], []]);
  });

  it('with only X-RateLimit-Reset as a Unix time in seconds, holds the others until then', async () => {
    const server = fakeServer(refuseFirst({ 'X-RateLimit-Reset': '1735732802' })); // NOW + 2 s.
    const run = start(jobsOf(['q0', 'q1', 'q2']), freshUrl(), server.fetchImpl);
    await vi.advanceTimersByTimeAsync(1999);
    expect(server.sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.sent.slice(2).map((s) => s.atMs)).toEqual([2000, 2000]);
    expect(run.isFinished()).toBe(true);
  });

  it('does not hold calls to another server', async () => {
    const server = fakeServer(refuseFirst({ 'Retry-After': '5' }));
    const paused = start(jobsOf(['q0']), freshUrl(), server.fetchImpl);
    await vi.advanceTimersByTimeAsync(0);
    const other = start(jobsOf(['other0', 'other1']), freshUrl(), server.fetchImpl);
    await vi.advanceTimersByTimeAsync(0);
    expect(other.isFinished()).toBe(true);
    expect(paused.isFinished()).toBe(false);
    await vi.advanceTimersByTimeAsync(5000);
    expect(paused.isFinished()).toBe(true);
  });

  it('fails the others at once, without calling, when the server asks for longer than the app waits', async () => {
    const server = fakeServer(refuseFirst({ 'Retry-After': '3600' }));
    const url = freshUrl();
    const run = start(jobsOf(['q0', 'q1', 'q2']), url, server.fetchImpl);
    await vi.advanceTimersByTimeAsync(0);
    expect(run.isFinished()).toBe(true);
    expect(server.sent.map((s) => s.query)).toEqual(['q0', 'q1']); // q1 was sent before the 429 came back.
    expect(run.done.get(0)).toMatchObject({ ok: false, error: { kind: 'rate-limited' } });
    expect(run.done.get(1)?.ok).toBe(true);
    expect(run.done.get(2)).toMatchObject({
      ok: false,
      error: {
        kind: 'rate-limited',
        message: `The server at ${url} is limiting calls (429): an earlier call was asked to wait, and 3600 s of that wait are left, longer than the app waits on its own (60 s). Try again in 1 hour.`,
      },
    });
  });
});

describe('a 503 on one call', () => {
  it('holds only that call, says so while it waits, and retries it after the Retry-After', async () => {
    const server = fakeServer((_, n) => (n === 0 ? { status: 503, headers: { 'Retry-After': '1' } } : { status: 200 }));
    const run = start(jobsOf(['q0', 'q1', 'q2']), freshUrl(), server.fetchImpl);
    await vi.advanceTimersByTimeAsync(0);
    // q1 and q2 were not held: only q0 waits.
    expect(server.sent.map((s) => [s.query, s.atMs])).toEqual([
      ['q0', 0],
      ['q1', 0],
      ['q2', 0],
    ]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(run.isFinished()).toBe(true);
    expect(server.sent.at(-1)).toEqual({ url: expect.any(String), query: 'q0', atMs: 1000 });
    expect(run.notes).toEqual([['Server error 503: retrying in 1 s (retry 1 of 3).'], []]);
  });
});

describe('cancelling during the pause', () => {
  it('ends the run at once, reports every unfinished job as cancelled, and sends nothing more', async () => {
    const server = fakeServer(refuseFirst({ 'Retry-After': '30' }));
    const controller = new AbortController();
    const run = start(jobsOf(['q0', 'q1', 'q2', 'q3']), freshUrl(), server.fetchImpl, controller.signal);
    await vi.advanceTimersByTimeAsync(100);
    expect(run.isFinished()).toBe(false);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0); // No time passes: the run must end on the abort itself.
    expect(run.isFinished()).toBe(true);
    expect([0, 1, 2, 3].map((index) => run.done.get(index)).map((o) => (o?.ok ? 'ok' : o?.error.kind))).toEqual([
      'cancelled',
      'ok',
      'cancelled',
      'cancelled',
    ]);
    expect(run.notes.at(-1)).toEqual([]);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(server.sent).toHaveLength(2);
  });
});
