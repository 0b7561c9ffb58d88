import { describe, expect, it } from 'vitest';
import { LocalReranker, type LocalRerankerSettings } from './client';
import type { WorkerReply, WorkerRequest } from './protocol';

/** A stand-in Worker whose replies each test scripts; records every worker it was. */
class FakeWorker {
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  received: WorkerRequest[] = [];
  constructor(private readonly respond: (request: WorkerRequest, worker: FakeWorker) => void) {}
  postMessage(request: WorkerRequest): void {
    this.received.push(request);
    queueMicrotask(() => this.respond(request, this));
  }
  reply(reply: WorkerReply): void {
    this.onmessage?.({ data: reply } as MessageEvent<WorkerReply>);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const settings: LocalRerankerSettings = { model: 'test/overlap-reranker', device: 'wasm', dtype: 'q8', maxLength: 512, batchSize: 2 };
const runtime = { crossOriginIsolated: true, wasmThreads: 1 };

/** Loads fine; scores document i as 10 * i, in batches of two, in reverse order. */
function healthy(request: WorkerRequest, worker: FakeWorker): void {
  if (request.type === 'load') worker.reply({ type: 'loaded', id: request.id, device: request.device, dtype: request.dtype, loadMs: 5, runtime });
  if (request.type === 'rerank') {
    const n = request.docs.length;
    worker.reply({ type: 'partial', id: request.id, indices: [n - 1], scores: [10 * (n - 1)], truncated: [true], scored: 1, total: n });
    worker.reply({ type: 'partial', id: request.id, indices: Array.from({ length: n - 1 }, (_, i) => i), scores: Array.from({ length: n - 1 }, (_, i) => 10 * i), truncated: Array.from({ length: n - 1 }, () => false), scored: n, total: n });
    worker.reply({ type: 'done', id: request.id, inferenceMs: 30, tokenizeMs: 1, batches: 2, cancelled: false });
  }
}

function rerankerWith(...behaviours: ((request: WorkerRequest, worker: FakeWorker) => void)[]) {
  const workers: FakeWorker[] = [];
  const reranker = new LocalReranker({
    settings,
    createWorker: () => {
      const worker = new FakeWorker(behaviours[Math.min(workers.length, behaviours.length - 1)] ?? healthy);
      workers.push(worker);
      return worker as unknown as Worker;
    },
  });
  return { reranker, workers };
}

describe('LocalReranker', () => {
  it('maps batch scores back to input order and reports progress and timings', async () => {
    const { reranker } = rerankerWith(healthy);
    const progress: number[] = [];
    const result = await reranker.rank('q', ['a', 'b', 'c'], { onProgress: (p) => progress.push(p.scored) });
    expect(result.ok && result.value.scores).toEqual([0, 10, 20]);
    expect(result.ok && result.value.truncated).toEqual([false, false, true]);
    expect(result.ok && result.value.timings.msPerDoc).toBe(10);
    expect(progress).toEqual([1, 3]);
  });

  it('terminates the worker after a failed load and starts a fresh one next time', async () => {
    const failing = (request: WorkerRequest, worker: FakeWorker): void => {
      if (request.type === 'load') worker.reply({ type: 'error', id: request.id, kind: 'model-corrupt', message: 'bad file', cause: 'protobuf' });
    };
    const { reranker, workers } = rerankerWith(failing, healthy);
    const first = await reranker.rank('q', ['a']);
    expect(first.ok).toBe(false);
    expect(!first.ok && first.error.kind).toBe('model-corrupt');
    expect(workers[0]?.terminated).toBe(true);
    const second = await reranker.rank('q', ['a']);
    expect(second.ok).toBe(true);
    expect(workers).toHaveLength(2);
  });

  it('falls back from WebGPU to WASM in a fresh worker and says so', async () => {
    const gpuFails = (request: WorkerRequest, worker: FakeWorker): void => {
      if (request.type === 'load') worker.reply({ type: 'error', id: request.id, kind: 'load-failed', message: 'no gpu', cause: 'webgpu init' });
    };
    const { reranker, workers } = rerankerWith(gpuFails, healthy);
    reranker.configure({ ...settings, device: 'webgpu', dtype: 'fp16' });
    const result = await reranker.rank('q', ['a', 'b']);
    expect(result.ok && result.value.device).toBe('wasm');
    expect(result.ok && result.value.dtype).toBe('q8');
    expect(result.ok && result.value.notes.join(' ')).toMatch(/WebGPU failed/);
    expect(workers[1]?.received[0]).toMatchObject({ type: 'load', device: 'wasm' });
  });

  it('settles a cancelled run at once and drops its late replies', async () => {
    let release: (() => void) | undefined;
    const slow = (request: WorkerRequest, worker: FakeWorker): void => {
      if (request.type === 'rerank') release = () => healthy(request, worker);
      else healthy(request, worker);
    };
    const { reranker } = rerankerWith(slow);
    const controller = new AbortController();
    const partials: number[][] = [];
    const pending = reranker.rank('q', ['a', 'b'], { signal: controller.signal, onPartial: (indices) => partials.push(indices) });
    await new Promise((resolve) => setTimeout(resolve, 0));
    controller.abort();
    const result = await pending;
    expect(!result.ok && result.error.cancelled).toBe(true);
    release?.();
    expect(partials).toEqual([]); // the stale run's replies went nowhere
  });

  it('settles with worker-crashed when the worker dies mid-run', async () => {
    const crashes = (request: WorkerRequest, worker: FakeWorker): void => {
      if (request.type === 'rerank') worker.onerror?.({ message: 'boom', filename: 'worker.ts', lineno: 1, preventDefault: () => undefined } as ErrorEvent);
      else healthy(request, worker);
    };
    const { reranker } = rerankerWith(crashes);
    const result = await reranker.rank('q', ['a']);
    expect(!result.ok && result.error.kind).toBe('worker-crashed');
  });
});

describe('LocalReranker events after the first run', () => {
  // The store reuses one reranker per column and hands it each run's own event handler: a model switched on the
  // second run must report its load to that run, not to the first one.
  it('sends events to the handler set last', async () => {
    const first: string[] = [];
    const second: string[] = [];
    const reranker = new LocalReranker({ settings, onEvent: (e) => first.push(e.type), createWorker: () => new FakeWorker(healthy) as unknown as Worker });
    await reranker.rank('q', ['a']);
    reranker.setOnEvent((e) => second.push(e.type));
    reranker.configure({ ...settings, model: 'test/minilm-l6-random' });
    await reranker.rank('q', ['a']);
    expect(first).toEqual(['loaded']);
    expect(second).toEqual(['loaded']);
  });
});
