// rerankMany against a real local HTTP server: how many calls are in flight, the order of reports, a real 429.
import { afterEach, describe, expect, it } from 'vitest';
import { forgetRateGates } from './rateGate';
import { jsonReply, type LocalServer, type ReplyScript, startLocalServer } from './localTestServer';
import { type JobOutcome, rerankMany, type RerankJob } from './rerankMany';
import { type CohereSettings, defaultCohereSettings } from './settings';

const KEY = 'sk-test-many-0123456789';
let server: LocalServer | undefined;
afterEach(async () => {
  forgetRateGates(); // A pause left by one test must not hold the next on a reused port.
  await server?.close();
  server = undefined;
});

const settingsFor = (url: string, extra: Partial<CohereSettings> = {}): CohereSettings => ({
  ...defaultCohereSettings,
  provider: 'custom',
  baseUrl: url,
  ...extra,
});

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Scores each document 1/(position+1) after `delayOf(query)` ms, counting the calls in flight at the server. */
function countingServer(delayOf: (query: string) => number) {
  const live = { now: 0, max: 0 };
  const script: ReplyScript = async (request) => {
    live.now++;
    live.max = Math.max(live.max, live.now);
    const { query, documents } = JSON.parse(request.body) as { query: string; documents: string[] };
    await wait(delayOf(query));
    live.now--;
    return jsonReply({ results: documents.map((_, index) => ({ index, relevance_score: 1 / (index + 1) })) });
  };
  return { live, script };
}

async function runAll(jobs: RerankJob[], settings: CohereSettings) {
  const done: [number, JobOutcome][] = [];
  await rerankMany(jobs, settings, KEY, { onJobDone: (index, outcome) => done.push([index, outcome]) });
  return done;
}

const jobsOf = (queries: string[]): RerankJob[] => queries.map((query) => ({ query, documents: ['a', 'b'] }));

describe('rerankMany: calls in flight', () => {
  it('keeps exactly `concurrency` calls at the server while there is work, never more', async () => {
    const { live, script } = countingServer(() => 100);
    server = await startLocalServer(script);
    const done = await runAll(jobsOf(['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7']), settingsFor(server.url, { concurrency: 3 }));
    expect(live.max).toBe(3);
    expect(server.received).toHaveLength(7);
    expect(done.map(([index]) => index).sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('shares the limit between runs to the same server: two runs of 2 keep 2 calls there, not 4', async () => {
    const { live, script } = countingServer(() => 100);
    server = await startLocalServer(script);
    const settings = settingsFor(server.url, { concurrency: 2 });
    await Promise.all([runAll(jobsOf(['a1', 'a2', 'a3']), settings), runAll(jobsOf(['b1', 'b2', 'b3']), settings)]);
    expect(live.max).toBe(2);
    expect(server.received).toHaveLength(6);
  });

  it('runs settings saved before concurrency existed four at a time', async () => {
    const { live, script } = countingServer(() => 100);
    server = await startLocalServer(script);
    // Storage hands back what was saved, whatever the type says: build that shape on purpose.
    const saved: Partial<CohereSettings> = settingsFor(server.url);
    delete saved.concurrency;
    await runAll(jobsOf(['1', '2', '3', '4', '5', '6']), saved as CohereSettings);
    expect(live.max).toBe(4);
  });

  it('refuses an out-of-bounds concurrency for every job, without calling', async () => {
    server = await startLocalServer(() => jsonReply({ results: [] }));
    const done = await runAll(jobsOf(['a', 'b']), settingsFor(server.url, { concurrency: 17 }));
    expect(done.map(([index, outcome]) => [index, outcome.ok ? 'ok' : outcome.error.kind])).toEqual([
      [0, 'invalid-settings'],
      [1, 'invalid-settings'],
    ]);
    expect(done[0]?.[1]).toMatchObject({ error: { message: 'Concurrent calls must be a whole number from 1 to 16. Fix it in the settings.' } });
    expect(server.received).toHaveLength(0);
  });
});

describe('rerankMany: reports', () => {
  it('reports each job by its index as it finishes, out of order, with its own scores', async () => {
    // "slow" waits 150 ms, the others 10 ms: with two in flight, job 0 finishes last.
    const { script } = countingServer((query) => (query === 'slow' ? 150 : 10));
    server = await startLocalServer(script);
    const jobs: RerankJob[] = [
      { query: 'slow', documents: ['a', 'b', 'c'] },
      { query: '__proto__', documents: ['a'] },
      { query: 'constructor', documents: ['a', 'b'] },
    ];
    const done = await runAll(jobs, settingsFor(server.url, { concurrency: 2 }));
    expect(done.map(([index]) => index)).toEqual([1, 2, 0]);
    const scores = new Map(done.map(([index, outcome]) => [index, outcome.ok ? outcome.value.scores : []]));
    // Scores are 1/(position+1): 1, 1/2, 1/3.
    expect(scores.get(0)).toEqual([1, 0.5, 1 / 3]);
    expect(scores.get(1)).toEqual([1]);
    expect(scores.get(2)).toEqual([1, 0.5]);
  });

  it('keeps the key out of a failed job and the other jobs going', async () => {
    server = await startLocalServer((request) => {
      const { query } = JSON.parse(request.body) as { query: string };
      if (query === 'bad') return jsonReply({ message: `no: ${request.headers.authorization ?? ''}` }, 401);
      return jsonReply({ results: [0, 1].map((index) => ({ index, relevance_score: 0.5 })) });
    });
    const done = await runAll(jobsOf(['good', 'bad', 'good too']), settingsFor(server.url));
    const failed = done.find(([index]) => index === 1)?.[1];
    expect(failed?.ok).toBe(false);
    expect(JSON.stringify(failed)).not.toContain(KEY);
    expect(JSON.stringify(failed)).toContain('[redacted key]'); // The echo reached the error, so redaction mattered.
    expect(done.filter(([, outcome]) => outcome.ok)).toHaveLength(2);
  });
});

describe('rerankMany: a real 429 with Retry-After: 1', () => {
  it('sends nothing more to the server until the second is over, then finishes every job', async () => {
    const arrivals: number[] = [];
    let refusedAt = 0;
    server = await startLocalServer(async (request, n) => {
      arrivals.push(Date.now());
      if (n === 0) {
        refusedAt = Date.now();
        return jsonReply({ message: 'slow down' }, 429, { 'Retry-After': '1' });
      }
      await wait(50); // Keeps the second call in flight while the 429 comes back.
      const { documents } = JSON.parse(request.body) as { documents: string[] };
      return jsonReply({ results: documents.map((_, index) => ({ index, relevance_score: 0.5 })) });
    });
    const done = await runAll(jobsOf(['q0', 'q1', 'q2', 'q3']), settingsFor(server.url, { concurrency: 2 }));
    expect(done.every(([, outcome]) => outcome.ok)).toBe(true);
    // Requests 0 and 1 went out together; 2 onwards (job 0's retry, jobs 2 and 3) only once the second was over.
    // The client's pause starts when it reads the 429, after the server sent it, so 1000 ms is a lower bound;
    // 5 ms allows for the two clocks' rounding.
    expect(arrivals).toHaveLength(5);
    for (const at of arrivals.slice(2)) expect(at - refusedAt).toBeGreaterThanOrEqual(995);
  });
});
