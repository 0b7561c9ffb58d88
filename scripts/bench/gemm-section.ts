/**
 * GEMM microbenchmark: the kernel ceiling beside the model figures. One-node graphs of the MiniLM-L6 MatMul
 * shapes at the bench's batch (8 rows of ~220 tokens, so M = 1,760): fp32 MatMul, and the int8 product the
 * q8 model runs (MatMulInteger, uint8 activations x int8 weights; the DynamicQuantizeLinear before it is left
 * out). onnxruntime-web in the browser (the raw worker, same runtime as the app) vs onnxruntime-node, same
 * threads as the cross-encoder sides. Median of BENCH_GEMM runs (default 7) after one warm-up.
 */
import * as ort from 'onnxruntime-node';
import { DataType } from '../models/onnxProto.mjs';
import { GraphBuilder } from '../models/graphBuilder.mjs';
import { withBenchBrowser } from './bench-browser';
import { RAW_ORT_WORKER } from './bench-workers';
import { bench } from './bench-config';
import type { RawOrtReply } from './browser/protocol';
import { type BenchSection, formatMs, median, printTable } from './harness';
import type { ProbedWindow } from './page-probes';
import { ortFiles } from './rerank-sides';
import { seededRandom } from './random';
import { wasmThreads } from '../../src/rerankers/local/threads';
import os from 'node:os';

const rows = bench.smoke ? 64 : bench.batchSize * 220;
const shapes = [
  { name: 'attention Q, K, V, out (x4 a layer)', k: 384, n: 384 },
  { name: 'FFN up (x1)', k: 384, n: 1536 },
  { name: 'FFN down (x1)', k: 1536, n: 384 },
] as const;
type Kind = 'fp32' | 'int8';

/** y = a · W, W a seeded random initializer; int8: MatMulInteger with a uint8 activation input and int8 weights. */
function gemmModel(kind: Kind, k: number, n: number): Uint8Array {
  const random = seededRandom(k * 7919 + n);
  const g = new GraphBuilder();
  if (kind === 'fp32') {
    g.input('a', DataType.FLOAT, [rows, k]);
    g.output('y', DataType.FLOAT, [rows, n]);
    g.rename(g.op('MatMul', ['a', g.floats('w', [k, n], Float32Array.from({ length: k * n }, () => random() - 0.5))]), 'y');
  } else {
    g.input('a', DataType.UINT8, [rows, k]);
    g.output('y', DataType.INT32, [rows, n]);
    g.tensor('w', DataType.INT8, [k, n], Int8Array.from({ length: k * n }, () => Math.round(random() * 254 - 127)));
    g.tensor('a_zero', DataType.UINT8, [], new Uint8Array([128]));
    g.tensor('w_zero', DataType.INT8, [], new Int8Array([0]));
    g.rename(g.op('MatMulInteger', ['a', 'w', 'a_zero', 'w_zero']), 'y');
  }
  return g.encode({ name: `gemm_${kind}_${k}x${n}`, docString: 'GEMM microbenchmark' });
}

async function nativeMs(model: Uint8Array, kind: Kind, k: number, threads: number): Promise<number> {
  const session = await ort.InferenceSession.create(model, { intraOpNumThreads: threads, interOpNumThreads: 1 });
  const a = kind === 'fp32' ? new ort.Tensor('float32', Float32Array.from({ length: rows * k }, Math.random), [rows, k]) : new ort.Tensor('uint8', Uint8Array.from({ length: rows * k }, () => Math.floor(Math.random() * 256)), [rows, k]);
  const times: number[] = [];
  for (let i = 0; i <= bench.gemmRepeats; i++) {
    const started = performance.now();
    await session.run({ a });
    if (i > 0) times.push(performance.now() - started); // the first run warms up
  }
  await session.release();
  return median(times);
}

export const gemmSection: BenchSection = {
  name: 'GEMM: the model\'s MatMul shapes, onnxruntime-web in Chromium vs onnxruntime-node',
  async run() {
    const threads = wasmThreads({ cores: os.availableParallelism(), crossOriginIsolated: true });
    console.log(`M = ${rows} rows (batch ${bench.batchSize} x ~220 tokens), ${threads} threads, median of ${bench.gemmRepeats} runs after 1 warm-up; GFLOP/s = 2·M·K·N / time`);
    const results: string[][] = [];
    await withBenchBrowser(async (browser) => {
      const url = browser.url;
      const page = await browser.newPage();
      try {
        const worker = await page.evaluate((w) => (window as unknown as ProbedWindow).bench.spawn(w), RAW_ORT_WORKER);
        let id = 1;
        const call = <T>(message: { id: number; type: string; [key: string]: unknown }, finals: string[]) =>
          page.evaluate(({ worker, message, finals }) => (window as unknown as ProbedWindow).bench.call<T>(worker, message, finals), { worker, message, finals });
        const ready = await call<Extract<RawOrtReply, { type: 'ready' }>>({ type: 'init', id: id++, numThreads: threads, files: ortFiles(url) }, ['ready']);
        if (threads > 1 && !ready.crossOriginIsolated) throw new Error('the GEMM worker is not cross-origin isolated, so it cannot use threads');
        for (const shape of shapes) {
          for (const kind of ['fp32', 'int8'] as const) {
            const model = gemmModel(kind, shape.k, shape.n);
            const path = browser.serve(`gemm-${kind}-${shape.k}x${shape.n}.onnx`, model);
            const created = await call<Extract<RawOrtReply, { type: 'created' }>>({ type: 'create', id: id++, model: new URL(path, url).href }, ['created']);
            const webTimes = await page.evaluate(
              ({ worker, session, kind, size, dims, repeat, id }) => {
                const data = kind === 'fp32' ? Float32Array.from({ length: size }, Math.random) : Uint8Array.from({ length: size }, () => Math.floor(Math.random() * 256));
                const feeds = { a: { type: kind === 'fp32' ? ('float32' as const) : ('uint8' as const), data, dims } };
                return (window as unknown as ProbedWindow).bench.call<{ ms: number[] }>(worker, { type: 'run', id, session, feedSets: [feeds], repeat } as { id: number }, ['ran']);
              },
              { worker, session: created.session, kind, size: rows * shape.k, dims: [rows, shape.k], repeat: bench.gemmRepeats + 1, id: id++ },
            );
            const web = median(webTimes.ms.slice(1));
            const native = await nativeMs(model, kind, shape.k, threads);
            const gflops = (ms: number) => ((2 * rows * shape.k * shape.n) / (ms * 1e6)).toFixed(1);
            results.push([shape.name, `${rows}x${shape.k}x${shape.n}`, kind, formatMs(web), gflops(web), formatMs(native), gflops(native), (native / web).toFixed(2)]);
          }
        }
      } finally {
        await page.context().close();
      }
    });
    printTable(['shape', 'MxKxN', 'kind', 'web ms', 'web GFLOP/s', 'native ms', 'native GFLOP/s', 'web/native'], results);
    console.log('int8 rows count integer multiply-adds the same way (GOP/s).');
  },
};
