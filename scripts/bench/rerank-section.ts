/**
 * Cross-encoder benchmark: scored pairs per second of test/minilm-l6-random on 100 documents of about 200
 * tokens, in headless Chromium through the app's worker (WASM, threads on) and natively with
 * onnxruntime-node on the same model file, inputs, batch size and thread count, for q8 and fp32.
 * The sides take turns run by run, so a busy machine slows both alike and the ratio stays fair.
 * Settings: BENCH_RUNS (timed runs per side, default 5), BENCH_BATCH (default 8), BENCH_WASM_NODE=1.
 */
import os from 'node:os';
import path from 'node:path';
import { ensureBuilt, startAppServer } from './app-server';
import { BrowserBench, type BrowserRuntime } from './browser-rerank';
import { NativeCrossEncoder, type PairInputs } from './cross-encoder';
import { type BenchSection, formatMs, median, printTable } from './harness';
import { benchQuery, defaultCorpus, makeCorpus } from './rerank-corpus';

const modelsRoot = 'test-models';
const modelId = 'test/minilm-l6-random';
const dtypes = ['q8', 'fp32'] as const;
const runs = Number(process.env.BENCH_RUNS) || 5;
const batchSize = Number(process.env.BENCH_BATCH) || 8; // the app's default
const target = 0.5;
// Opt-in third side: onnxruntime-web's WASM in Node, to split the gap into kernels and browser overhead.
const wasmInNode = process.env.BENCH_WASM_NODE === '1';

type Dtype = (typeof dtypes)[number];
type Side = 'browser' | 'native' | 'wasm in node';
/** Per run: total ms, tokenize ms, CPU time over wall time. */
type Measured = Partial<Record<Side, { ms: number; tokenizeMs: number; cpuPerWall: number }[]>>;

const pairsPerSecond = (docs: number, ms: number): string => ((docs / ms) * 1000).toFixed(2);
const list = (values: readonly number[]): string => values.map((v) => Math.round(v)).join(' ');
const load = (): string => `load average ${os.loadavg()[0]?.toFixed(1)} on ${os.availableParallelism()} cores`;

/** One warm-up run per side (the browser's loads the model, so its thread count is known), then the sides take turns. */
async function measure(browser: BrowserBench, dtype: Dtype, inputs: PairInputs): Promise<{ measured: Measured; runtime: BrowserRuntime }> {
  await browser.select(dtype, { model: modelId, ...inputs });
  await browser.run();
  const runtime = await browser.runtime();
  const threads = runtime.wasmThreads;
  const others: [Side, NativeCrossEncoder][] = [['native', await NativeCrossEncoder.open({ modelsRoot, modelId, dtype, threads })]];
  if (wasmInNode) others.push(['wasm in node', await NativeCrossEncoder.open({ modelsRoot, modelId, dtype, threads, runtime: 'wasm' })]);
  const measured: Measured = { browser: [] };
  try {
    for (const [, encoder] of others) await encoder.run(inputs);
    for (let i = 0; i < runs; i++) {
      const b = await browser.run();
      measured.browser?.push({ ms: b.inferenceMs, tokenizeMs: b.tokenizeMs, cpuPerWall: b.cpuMs / b.inferenceMs });
      for (const [side, encoder] of others) {
        const r = await encoder.run(inputs);
        (measured[side] ??= []).push({ ms: r.totalMs, tokenizeMs: r.tokenizeMs, cpuPerWall: r.cpuMs / r.totalMs });
      }
    }
    const [, native] = others[0] ?? [];
    console.log(`${dtype}: ${native?.tokens} pair tokens, ${native?.paddedTokens} after padding to batches of ${inputs.batchSize}`);
    return { measured, runtime };
  } finally {
    for (const [, encoder] of others) await encoder.close();
  }
}

function report(results: Record<Dtype, Measured>, docs: number): void {
  const rows: string[][] = [];
  const ratios: string[] = [];
  for (const dtype of dtypes) {
    const medianMs: Partial<Record<Side, number>> = {};
    for (const [side, measured] of Object.entries(results[dtype]) as [Side, NonNullable<Measured[Side]>][]) {
      const ms = measured.map((r) => r.ms);
      medianMs[side] = median(ms);
      const cpu = median(measured.map((r) => r.cpuPerWall));
      rows.push([dtype, side, list(ms), formatMs(median(ms)), pairsPerSecond(docs, median(ms)), formatMs(median(measured.map((r) => r.tokenizeMs))), cpu.toFixed(2)]);
    }
    const ratio = (medianMs.native ?? Number.NaN) / (medianMs.browser ?? Number.NaN);
    let line = `${dtype}: browser/native ${ratio.toFixed(2)}x in pairs per second (target >= ${target}x: ${ratio >= target ? 'met' : 'not met'})`;
    if (medianMs['wasm in node']) {
      const kernels = (medianMs.native ?? Number.NaN) / medianMs['wasm in node'];
      const browserCost = medianMs['wasm in node'] / (medianMs.browser ?? Number.NaN);
      line += `; WASM kernels alone ${kernels.toFixed(2)}x, browser and app on top ${browserCost.toFixed(2)}x`;
    }
    ratios.push(line);
  }
  printTable(['dtype', 'side', 'timed runs (ms)', 'median ms', 'pairs/s', 'tokenize ms', 'cpu/wall'], rows);
  console.log('');
  for (const line of ratios) console.log(line);
}

export const crossEncoderSection: BenchSection = {
  name: `cross-encoder: ${modelId}, browser worker vs onnxruntime-node`,
  async run() {
    const docs = makeCorpus();
    const inputs: PairInputs = { query: benchQuery, docs, maxLength: 512, batchSize };
    console.log(`${docs.length} documents of ~${defaultCorpus.tokensPerDoc} tokens, max length ${inputs.maxLength}, batch ${batchSize}; 1 warm-up + ${runs} timed runs per side, taking turns`);
    // Our own threads load the machine once we start, so judge the competition before that.
    const busy = (os.loadavg()[0] ?? 0) > os.availableParallelism() / 2;
    console.log(`before: ${load()}${busy ? ': other processes compete for the CPU, so absolute times are noisy (the turns keep the ratio fair)' : ''}`);
    ensureBuilt(path.join(modelsRoot, modelId));
    const server = await startAppServer();
    const browser = await BrowserBench.open({ url: server.url, query: benchQuery, docs });
    const results = {} as Record<Dtype, Measured>;
    let runtime: BrowserRuntime | undefined;
    try {
      for (const dtype of dtypes) {
        const measured = await measure(browser, dtype, inputs);
        results[dtype] = measured.measured;
        runtime = measured.runtime;
      }
    } finally {
      await browser.close();
      await server.close();
    }
    if (!runtime) throw new Error('the browser side reported no runtime');
    console.log(`after: ${load()}`);
    console.log(`browser: ${runtime.chromium}; crossOriginIsolated ${runtime.crossOriginIsolated}, hardwareConcurrency ${runtime.hardwareConcurrency}, WASM threads ${runtime.wasmThreads} (as the worker reports)`);
    console.log(`native: onnxruntime-node, intraOpNumThreads ${runtime.wasmThreads}, same model files${wasmInNode ? `; wasm in node: onnxruntime-web, numThreads ${runtime.wasmThreads}` : ''}\n`);
    report(results, docs.length);
  },
};
