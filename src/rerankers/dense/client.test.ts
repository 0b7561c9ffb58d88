import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DenseEmbedder, type DenseEmbedSettings, type DenseEmbedderEvent } from './client';
import { createEmbeddingCache, type EmbeddingCache } from './embeddingCache';
import type { DenseWorkerReply, DenseWorkerRequest, EmbedRequest } from './protocol';

type Behaviour = (request: DenseWorkerRequest, worker: FakeWorker) => void;

/** A stand-in Worker whose replies each test scripts. */
class FakeWorker {
  onmessage: ((event: MessageEvent<DenseWorkerReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  received: DenseWorkerRequest[] = [];
  constructor(private readonly respond: Behaviour) {}
  postMessage(request: DenseWorkerRequest): void {
    this.received.push(request);
    queueMicrotask(() => this.respond(request, this));
  }
  reply(reply: DenseWorkerReply): void {
    this.onmessage?.({ data: reply } as MessageEvent<DenseWorkerReply>);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const settings: DenseEmbedSettings = { model: 'test/bi-encoder', device: 'wasm', dtype: 'q8', pooling: 'mean', normalize: true, maxLength: 256, batchSize: 2 };
const runtime = { crossOriginIsolated: true, wasmThreads: 1 };
/** The fake model: a text's vector is [its length, 1]; texts longer than 5 characters count as truncated. */
const vectorOf = (text: string) => Float32Array.from([text.length, 1]);

function loaded(request: DenseWorkerRequest, worker: FakeWorker): boolean {
  if (request.type !== 'load') return false;
  worker.reply({ type: 'loaded', id: request.id, device: request.device, dtype: request.dtype, loadMs: 7, runtime });
  return true;
}

function sendBatch(worker: FakeWorker, request: EmbedRequest, start: number): void {
  const indices = request.texts.map((_, i) => i).slice(start, start + request.options.batchSize);
  const texts = indices.map((i) => request.texts[i] ?? '');
  worker.reply({ type: 'partial', id: request.id, indices, vectors: texts.map(vectorOf), truncated: texts.map((t) => t.length > 5), embedded: start + indices.length, total: request.texts.length });
}

/** Loads, then answers every batch at once. */
const healthy: Behaviour = (request, worker) => {
  if (loaded(request, worker) || request.type !== 'embed') return;
  for (let start = 0; start < request.texts.length; start += request.options.batchSize) sendBatch(worker, request, start);
  worker.reply({ type: 'done', id: request.id, inferenceMs: 3, batches: Math.ceil(request.texts.length / request.options.batchSize), cancelled: false });
};

function embedderWith(behaviours: Behaviour[], cache: EmbeddingCache | null = createEmbeddingCache({ dbName: `dense-client-${Math.random()}` })) {
  const workers: FakeWorker[] = [];
  const events: DenseEmbedderEvent[] = [];
  const embedder = new DenseEmbedder({
    cache,
    onEvent: (event) => events.push(event),
    createWorker: () => {
      const worker = new FakeWorker(behaviours[Math.min(workers.length, behaviours.length - 1)] ?? healthy);
      workers.push(worker);
      return worker as unknown as Worker;
    },
  });
  return { embedder, workers, events };
}

const embedRequests = (worker: FakeWorker | undefined) => (worker?.received ?? []).filter((r): r is EmbedRequest => r.type === 'embed');

describe('DenseEmbedder', () => {
  it('answers one vector per text in input order, embedding each distinct text once', async () => {
    const { embedder, workers } = embedderWith([healthy]);
    const progress: { done: number; total: number }[] = [];
    const result = await embedder.embed(['cat', '__proto__', 'cat', 'dog'], settings, { onProgress: (p) => progress.push(p) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.vectors.map((v) => Array.from(v))).toEqual([[3, 1], [9, 1], [3, 1], [3, 1]]);
    expect(result.value.dims).toBe(2);
    expect(result.value.truncated).toEqual([false, true, false, false]);
    expect(result.value.fromCache).toBe(0);
    expect(result.value.timings.loadMs).toBe(7);
    expect(result.value.notes).toEqual(['1 of 4 texts were cut to 256 tokens.']);
    // "cat" twice is sent once: 3 distinct texts, in batches of 2 -> progress 0, 3 (cat x2 + __proto__), 4.
    expect(embedRequests(workers[0]).map((r) => r.texts)).toEqual([['cat', '__proto__', 'dog']]);
    expect(progress).toEqual([{ done: 0, total: 4 }, { done: 3, total: 4 }, { done: 4, total: 4 }]);
  });

  it('answers cached texts from the cache, sends only the rest, and loads nothing when all are cached', async () => {
    const cache = createEmbeddingCache({ dbName: `dense-client-shared-${Math.random()}` });
    const { embedder, workers } = embedderWith([healthy], cache);
    await embedder.embed(['cat', 'dog'], settings);
    const partly = await embedder.embed(['dog', 'moon', 'cat'], settings);
    expect(partly.ok && partly.value.fromCache).toBe(2);
    expect(embedRequests(workers[0]).map((r) => r.texts)).toEqual([['cat', 'dog'], ['moon']]);

    // Another embedder on the same cache (the next visit) answers without any worker.
    const nextVisit = new DenseEmbedder({ cache, createWorker: () => { throw new Error('no worker should start'); } });
    const all = await nextVisit.embed(['cat', 'moon'], settings);
    expect(all.ok).toBe(true);
    if (!all.ok) return;
    expect(all.value.fromCache).toBe(2);
    expect(all.value.timings.loadMs).toBe(0);
    expect(all.value.vectors.map((v) => v[0])).toEqual([3, 4]);
  });

  it('does not share cached vectors across settings that change them', async () => {
    const { embedder, workers } = embedderWith([healthy]);
    await embedder.embed(['cat'], settings);
    const cls = await embedder.embed(['cat'], { ...settings, pooling: 'cls' });
    expect(cls.ok && cls.value.fromCache).toBe(0);
    expect(embedRequests(workers[0])).toHaveLength(2);
  });

  it('stops between batches on cancel, answers cancelled, and tells the worker', async () => {
    const controller = new AbortController();
    let pending: EmbedRequest | undefined;
    const slow: Behaviour = (request, worker) => {
      if (loaded(request, worker) || request.type !== 'embed') return;
      pending = request;
      sendBatch(worker, request, 0); // the first batch arrives; the second never does
    };
    const { embedder, workers } = embedderWith([slow], null);
    const result = embedder.embed(['a', 'b', 'c', 'd'], settings, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 2) controller.abort();
      },
    });
    const settled = await result;
    expect(settled.ok).toBe(false);
    expect(!settled.ok && settled.error.kind).toBe('cancelled');
    expect(!settled.ok && settled.error.cancelled).toBe(true);
    expect(workers[0]?.received.at(-1)).toEqual({ type: 'cancel', id: pending?.id });
    expect(workers[0]?.terminated).toBe(false); // the loaded model stays for the next call
  });

  it('answers cancelled at once for a signal already aborted, without starting a worker', async () => {
    const { embedder, workers } = embedderWith([healthy], null);
    const result = await embedder.embed(['a'], settings, { signal: AbortSignal.abort() });
    expect(!result.ok && result.error.kind).toBe('cancelled');
    expect(workers).toHaveLength(0);
  });

  it('runs calls one after another', async () => {
    const order: string[] = [];
    const logging: Behaviour = (request, worker) => {
      if (request.type === 'embed') order.push(`start ${request.texts.join()}`);
      healthy(request, worker);
      if (request.type === 'embed') order.push(`end ${request.texts.join()}`);
    };
    const { embedder } = embedderWith([logging], null);
    const [query, docs] = await Promise.all([embedder.embed(['q'], settings), embedder.embed(['d1', 'd2'], settings)]);
    expect(query.ok && docs.ok).toBe(true);
    expect(order).toEqual(['start q', 'end q', 'start d1,d2', 'end d1,d2']);
  });

  it('refuses an id that is not owner/name, and a max length under 8, before any worker starts', async () => {
    const { embedder, workers } = embedderWith([healthy], null);
    const badId = await embedder.embed(['a'], { ...settings, model: '../secret' });
    expect(!badId.ok && badId.error.kind).toBe('invalid-request');
    const badLength = await embedder.embed(['a'], { ...settings, maxLength: 4 });
    expect(!badLength.ok && badLength.error.message).toContain('at least 8 tokens');
    expect(workers).toHaveLength(0);
  });

  it('falls back from WebGPU to WASM (fp16 becomes q8) in a fresh worker, and says so', async () => {
    const failingGpu: Behaviour = (request, worker) => {
      if (request.type === 'load') worker.reply({ type: 'error', id: request.id, kind: 'load-failed', message: 'WebGPU broke', cause: 'GPU device lost' });
    };
    const { embedder, workers, events } = embedderWith([failingGpu, healthy]);
    const result = await embedder.embed(['cat'], { ...settings, device: 'webgpu', dtype: 'fp16' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.device).toBe('wasm');
    expect(result.value.dtype).toBe('q8');
    expect(result.value.notes[0]).toBe('WebGPU failed for this model, so it ran on WASM (CPU) instead.');
    expect(workers[0]?.terminated).toBe(true);
    expect(events.some((e) => e.type === 'fallback')).toBe(true);
    // The next call goes straight to WASM and finds the vector cached under q8.
    const again = await embedder.embed(['cat'], { ...settings, device: 'webgpu', dtype: 'fp16' });
    expect(again.ok && again.value.fromCache).toBe(1);
  });

  it('drops the worker after a failed run and starts a fresh one for the next call', async () => {
    const broken: Behaviour = (request, worker) => {
      if (loaded(request, worker) || request.type !== 'embed') return;
      worker.reply({ type: 'error', id: request.id, kind: 'inference-failed', message: 'The model failed while embedding the texts.', cause: 'boom' });
    };
    const { embedder, workers } = embedderWith([broken, healthy], null);
    const failed = await embedder.embed(['a'], settings);
    expect(!failed.ok && failed.error).toEqual({ kind: 'inference-failed', message: 'The model failed while embedding the texts.', cause: 'boom' });
    expect(workers[0]?.terminated).toBe(true);
    expect((await embedder.embed(['a'], settings)).ok).toBe(true);
    expect(workers).toHaveLength(2);
  });
});
