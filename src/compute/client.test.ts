import { describe, expect, it } from 'vitest';
import type { ImportReport, ImportResult } from '../core/sets/types';
import { ComputeError, createComputeClient, type ComputeProgress, type WorkerLike } from './client';
import type { ComputeReply, ComputeRequest } from './protocol';

/** A stand-in Worker: records what it was sent; each test replies by hand. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<ComputeReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  terminated = false;
  received: ComputeRequest[] = [];
  postMessage(message: ComputeRequest): void {
    this.received.push(message);
  }
  reply(reply: ComputeReply): void {
    this.onmessage?.({ data: reply } as MessageEvent<ComputeReply>);
  }
  crash(): void {
    this.onerror?.({ message: 'out of memory', filename: 'worker.ts', lineno: 12, preventDefault: () => undefined } as ErrorEvent);
  }
  terminate(): void {
    this.terminated = true;
  }
}

function clientWithWorkers() {
  const workers: FakeWorker[] = [];
  const client = createComputeClient(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker;
  });
  const worker = (n: number): FakeWorker => {
    const found = workers[n];
    if (!found) throw new Error(`no worker ${n}`);
    return found;
  };
  /** The id of the last request worker n was sent. */
  const lastId = (n: number): number => worker(n).received.at(-1)?.id ?? -1;
  return { client, workers, worker, lastId };
}

const report: ImportReport = {
  files: [],
  queries: 1,
  documents: 0,
  judgments: 0,
  queriesWithoutCandidates: ['__proto__'],
  runLinesWithoutText: [],
  qrelsForUnknownQueries: [],
  qrelsForUnknownDocuments: [],
  runLinesForUnknownQueries: [],
  issues: [],
  notes: [],
};
const imported: ImportResult = { ok: true, set: { name: 'a', queries: [], documents: new Map(), scoreKind: null }, report };
const params = { k1: 1.2, b: 0.75 };
const tokenizer = { stem: true, stopwords: true };
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('compute client', () => {
  it('matches replies to requests by id, whatever order they come in', async () => {
    const { client, worker, workers } = clientWithWorkers();
    const first = client.bm25PerQuery([{ queryId: '__proto__', query: 'a', texts: ['a'] }], params, tokenizer);
    const second = client.bm25PerQuery([{ queryId: 'constructor', query: 'b', texts: ['b'] }], params, tokenizer);
    const [firstRequest, secondRequest] = worker(0).received;
    expect(firstRequest?.id).not.toBe(secondRequest?.id);
    worker(0).reply({ type: 'bm25', id: secondRequest?.id ?? -1, scores: [{ queryId: 'constructor', scores: new Float64Array([2]) }] });
    worker(0).reply({ type: 'bm25', id: firstRequest?.id ?? -1, scores: [{ queryId: '__proto__', scores: new Float64Array([1]) }] });
    const [a, b] = await Promise.all([first, second]);
    expect([...a.entries()]).toEqual([['__proto__', new Float64Array([1])]]);
    expect([...b.entries()]).toEqual([['constructor', new Float64Array([2])]]);
    expect(workers).toHaveLength(1); // one worker serves both
  });

  it('sends the import with its files and options, forwards progress, and resolves with the result', async () => {
    const { client, worker, lastId } = clientWithWorkers();
    const progress: ComputeProgress[] = [];
    const files = [{ name: 'toString.jsonl', text: '{}' }];
    const pending = client.importSet(files, { corpusTopK: 10 }, { onProgress: (p) => progress.push(p) });
    expect(worker(0).received[0]).toEqual({ type: 'import', id: lastId(0), files, options: { corpusTopK: 10 } });
    worker(0).reply({ type: 'progress', id: lastId(0), stage: 'reading', done: 1, total: 1 });
    worker(0).reply({ type: 'imported', id: lastId(0), result: imported });
    expect(await pending).toBe(imported);
    expect(progress).toEqual([{ stage: 'reading', done: 1, total: 1 }]);
  });

  it('drops replies for ids nobody waits for', async () => {
    const { client, worker, lastId } = clientWithWorkers();
    const progress: ComputeProgress[] = [];
    const pending = client.importSet([], { corpusTopK: 10 }, { onProgress: (p) => progress.push(p) });
    const id = lastId(0);
    worker(0).reply({ type: 'imported', id: id + 100, result: { ok: false, message: 'someone else', report } });
    worker(0).reply({ type: 'imported', id, result: imported });
    worker(0).reply({ type: 'progress', id, stage: 'parsing', done: 0, total: 1 }); // late: already settled
    expect(await pending).toBe(imported);
    expect(progress).toEqual([]);
  });

  it('fails every pending request when the worker crashes, and starts a fresh worker next time', async () => {
    const { client, worker, workers, lastId } = clientWithWorkers();
    const importing = client.importSet([], { corpusTopK: 10 });
    const scoring = client.bm25PerQuery([{ queryId: 'q', query: 'a', texts: [] }], params, tokenizer);
    const staleId = lastId(0);
    worker(0).crash();
    const failed = await importing;
    expect(failed).toMatchObject({ ok: false, message: expect.stringMatching(/stopped unexpectedly.*Your current set is unchanged/), cause: 'out of memory (worker.ts:12)' });
    await expect(scoring).rejects.toThrow(/stopped unexpectedly/);
    expect(worker(0).terminated).toBe(true);

    const again = client.importSet([], { corpusTopK: 10 });
    expect(workers).toHaveLength(2);
    // The dead worker's replies are dropped, even one that carries the new request's id.
    worker(0).reply({ type: 'imported', id: staleId, result: { ok: false, message: 'from the dead worker', report } });
    worker(0).reply({ type: 'imported', id: lastId(1), result: { ok: false, message: 'from the dead worker', report } });
    worker(1).reply({ type: 'imported', id: lastId(1), result: imported });
    expect(await again).toBe(imported);
  });

  it('treats a message that cannot be read as a crash', async () => {
    const { client, worker } = clientWithWorkers();
    const pending = client.bm25PerQuery([{ queryId: 'q', query: 'a', texts: [] }], params, tokenizer);
    worker(0).onmessageerror?.({} as MessageEvent);
    await expect(pending).rejects.toMatchObject({ name: 'ComputeError', cause: 'a message from the compute worker could not be read' });
    expect(worker(0).terminated).toBe(true);
  });

  it('on abort, tells the worker to cancel and settles at once, without waiting for the worker', async () => {
    const { client, worker, lastId } = clientWithWorkers();
    const controller = new AbortController();
    const pending = client.bm25PerQuery([{ queryId: 'q', query: 'a', texts: ['a'] }], params, tokenizer, { signal: controller.signal });
    const id = lastId(0);
    controller.abort();
    let error: unknown;
    await pending.catch((e: unknown) => (error = e));
    expect(error).toBeInstanceOf(ComputeError);
    expect(error instanceof ComputeError && error.cancelled).toBe(true);
    expect(worker(0).received.at(-1)).toEqual({ type: 'cancel', id });
    expect(worker(0).terminated).toBe(false); // cancelling is not a crash: the worker stays
  });

  it('resolves an aborted import with a cancelled failure, and sends nothing when aborted before it starts', async () => {
    const { client, workers, worker } = clientWithWorkers();
    const before = new AbortController();
    before.abort();
    expect(await client.importSet([], { corpusTopK: 10 }, { signal: before.signal })).toEqual({ ok: false, message: 'Cancelled.', cancelled: true, cause: 'AbortSignal' });
    expect(workers).toHaveLength(0);

    const during = new AbortController();
    const pending = client.importSet([], { corpusTopK: 10 }, { signal: during.signal });
    during.abort();
    expect(await pending).toMatchObject({ ok: false, cancelled: true });
    expect(worker(0).received.map((r) => r.type)).toEqual(['import', 'cancel']);
  });

  it('passes an error reply on as a message for a person', async () => {
    const { client, worker, lastId } = clientWithWorkers();
    const importing = client.importSet([], { corpusTopK: 10 });
    worker(0).reply({ type: 'error', id: lastId(0), error: { message: 'Reading the files failed: “a.txt” could not be read.', cause: 'NotReadableError' } });
    expect(await importing).toEqual({ ok: false, message: 'Reading the files failed: “a.txt” could not be read.', cause: 'NotReadableError', cancelled: false });

    const scoring = client.bm25PerQuery([{ queryId: 'q', query: 'a', texts: [] }], params, tokenizer);
    worker(0).reply({ type: 'error', id: lastId(0), error: { message: "BM25's b must be a number from 0 to 1, not 2." } });
    await expect(scoring).rejects.toThrow("BM25's b must be a number from 0 to 1, not 2.");
    expect(worker(0).terminated).toBe(false);
  });

  it('fails clearly when no worker can be started, and tries again next time', async () => {
    let attempts = 0;
    const client = createComputeClient(() => {
      attempts++;
      throw new Error('Worker is not defined');
    });
    const result = await client.importSet([], { corpusTopK: 10 });
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/^The background worker could not start \(Error: Worker is not defined\)/) });
    await expect(client.bm25PerQuery([{ queryId: 'q', query: 'a', texts: [] }], params, tokenizer)).rejects.toThrow(/could not start/);
    expect(attempts).toBe(2);
  });

  it('dispose fails what is pending and stops the worker; a later request starts a new one', async () => {
    const { client, worker, workers } = clientWithWorkers();
    const pending = client.bm25PerQuery([{ queryId: 'q', query: 'a', texts: [] }], params, tokenizer);
    client.dispose();
    await expect(pending).rejects.toThrow(/was stopped/);
    expect(worker(0).terminated).toBe(true);
    void client.importSet([], { corpusTopK: 10 });
    await flush();
    expect(workers).toHaveLength(2);
  });

  it('forgets a settled request: aborting it later sends no cancel', async () => {
    const { client, worker, lastId } = clientWithWorkers();
    const controller = new AbortController();
    const pending = client.bm25PerQuery([{ queryId: 'q', query: 'a', texts: [] }], params, tokenizer, { signal: controller.signal });
    worker(0).reply({ type: 'bm25', id: lastId(0), scores: [{ queryId: 'q', scores: new Float64Array(0) }] });
    expect((await pending).get('q')).toEqual(new Float64Array(0));
    controller.abort();
    expect(worker(0).received.map((r) => r.type)).toEqual(['bm25']);
  });
});
