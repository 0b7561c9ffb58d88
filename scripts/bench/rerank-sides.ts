/**
 * The sides of the cross-encoder benchmark. Each reranks the same documents for a given query and says how long
 * it took; they differ in what they include:
 * - native: onnxruntime-node in this process (tokenize + runs);
 * - raw web: a bare onnxruntime-web session in a worker, tensors made here (runs only);
 * - app worker: the app's own worker chunk, sent the app's messages (its inference time: tokenize + runs);
 * - UI: the app in the page, Rerank clicked (from the click to the worker's done reply, page clock);
 * - example: the transformers.js cross-encoder example's approach (one padded batch, default threads).
 */
import type { Page } from '@playwright/test';
import type { ModelDtype } from '../../src/rerankers/catalog';
import type { DoneReply, LoadedReply } from '../../src/rerankers/local/protocol';
import { appModelWorkerUrl, probes } from './bench-browser';
import { EXAMPLE_WORKER, RAW_ORT_WORKER } from './bench-workers';
import type { ExampleReply, FeedSet, OrtFiles, RawOrtReply } from './browser/protocol';
import type { NativeCrossEncoder, PairInputs } from './cross-encoder';
import type { ProbedWindow } from './page-probes';
import { UiRerank } from './ui-rerank';

export type SideName = 'native' | 'raw web' | 'app worker' | 'UI' | 'example';

export interface SideRun {
  ms: number;
  tokenizeMs: number;
}

export interface RerankSide {
  readonly name: SideName;
  /** Threads the side computes with. */
  readonly threads: number;
  run(query: string): Promise<SideRun>;
}

export interface SideContext {
  page: Page;
  appUrl: string;
  model: string;
  dtype: Extract<ModelDtype, 'fp32' | 'q8'>;
  inputs: PairInputs;
}

let nextId = 1_000_000; // far from the app's own request ids

export const ortFiles = (appUrl: string): OrtFiles => ({
  mjs: new URL('ort/ort-wasm-simd-threaded.asyncify.mjs', appUrl).href,
  wasm: new URL('ort/ort-wasm-simd-threaded.asyncify.wasm', appUrl).href,
});

const modelFileUrl = (c: SideContext): string =>
  new URL(`models/${c.model}/onnx/${c.dtype === 'q8' ? 'model_quantized.onnx' : 'model.onnx'}`, c.appUrl).href;

function call<T>(page: Page, worker: number, message: { id: number; type: string; [key: string]: unknown }, finals: string[]): Promise<T> {
  return page.evaluate(({ worker, message, finals }) => (window as unknown as ProbedWindow).bench.call<T>(worker, message, finals), { worker, message, finals });
}

export function nativeSide(encoder: NativeCrossEncoder, inputs: PairInputs, threads: number): RerankSide {
  return {
    name: 'native',
    threads,
    async run(query) {
      const r = await encoder.run({ ...inputs, query });
      return { ms: r.totalMs, tokenizeMs: r.tokenizeMs };
    },
  };
}

export async function rawWebSide(c: SideContext, tokenizer: NativeCrossEncoder, threads: number): Promise<RerankSide> {
  const worker = await c.page.evaluate((url) => (window as unknown as ProbedWindow).bench.spawn(url), RAW_ORT_WORKER);
  const ready = await call<Extract<RawOrtReply, { type: 'ready' }>>(c.page, worker, { type: 'init', id: nextId++, numThreads: threads, files: ortFiles(c.appUrl) }, ['ready']);
  if (threads > 1 && !ready.crossOriginIsolated) throw new Error('the raw onnxruntime-web worker is not cross-origin isolated, so it cannot use threads');
  const created = await call<Extract<RawOrtReply, { type: 'created' }>>(c.page, worker, { type: 'create', id: nextId++, model: modelFileUrl(c) }, ['created']);
  return {
    name: 'raw web',
    threads,
    async run(query) {
      // Plain arrays cross into the page; the page makes the int64 tensors before the timed runs.
      const batches = tokenizer.batches({ ...c.inputs, query }).map((b) => ({ dims: [...b.dims], ids: Array.from(b.inputIds, Number), mask: Array.from(b.attentionMask, Number), types: Array.from(b.tokenTypeIds, Number) }));
      const reply = await c.page.evaluate(
        ({ worker, session, batches, id }) => {
          const int64 = (values: number[], dims: number[]) => ({ type: 'int64' as const, data: BigInt64Array.from(values, BigInt), dims });
          const feedSets = batches.map((b) => ({ input_ids: int64(b.ids, b.dims), attention_mask: int64(b.mask, b.dims), token_type_ids: int64(b.types, b.dims) }) satisfies FeedSet);
          return (window as unknown as ProbedWindow).bench.call<{ ms: number[] }>(worker, { type: 'run', id, session, feedSets, repeat: 1 } as { id: number }, ['ran']);
        },
        { worker, session: created.session, batches, id: nextId++ },
      );
      return { ms: reply.ms[0] ?? Number.NaN, tokenizeMs: 0 };
    },
  };
}

export async function appWorkerSide(c: SideContext): Promise<RerankSide> {
  const url = await appModelWorkerUrl(c.page);
  const worker = await c.page.evaluate((u) => (window as unknown as ProbedWindow).bench.spawn(u), url);
  const loaded = await call<LoadedReply>(c.page, worker, { type: 'load', id: nextId++, model: c.model, device: 'wasm', dtype: c.dtype }, ['loaded']);
  const { maxLength, batchSize } = c.inputs;
  return {
    name: 'app worker',
    threads: loaded.runtime.wasmThreads,
    async run(query) {
      const done = await call<DoneReply>(c.page, worker, { type: 'rerank', id: nextId++, query, docs: [...c.inputs.docs], options: { maxLength, batchSize } }, ['done']);
      return { ms: done.inferenceMs, tokenizeMs: done.tokenizeMs };
    },
  };
}

export async function exampleSide(c: SideContext): Promise<RerankSide> {
  const worker = await c.page.evaluate((url) => (window as unknown as ProbedWindow).bench.spawn(url), EXAMPLE_WORKER);
  const modelsPath = new URL('models/', c.appUrl).pathname;
  const loaded = await call<Extract<ExampleReply, { type: 'loaded' }>>(c.page, worker, { type: 'load', id: nextId++, model: c.model, dtype: c.dtype, files: ortFiles(c.appUrl), modelsPath }, ['loaded']);
  return {
    name: 'example',
    threads: loaded.numThreads,
    async run(query) {
      const r = await call<Extract<ExampleReply, { type: 'reranked' }>>(c.page, worker, { type: 'rerank', id: nextId++, query, docs: [...c.inputs.docs] }, ['reranked']);
      return { ms: r.ms, tokenizeMs: r.tokenizeMs };
    },
  };
}

/** The UI side: set up once per dtype; its first run loads the model, like a person's first click. */
export async function uiSide(c: SideContext): Promise<RerankSide> {
  const ui = new UiRerank(c.page);
  await ui.setUp(c.inputs.docs, c.model, c.dtype, c.inputs);
  await ui.run(`${c.inputs.query} load`); // loads the model in the app's worker
  const threads = (await probes(c.page)).loaded.at(-1)?.runtime.wasmThreads ?? Number.NaN;
  return { name: 'UI', threads, run: (query) => ui.run(query) };
}
