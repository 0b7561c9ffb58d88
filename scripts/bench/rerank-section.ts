/**
 * Cross-encoder benchmark: scored pairs per second of test/minilm-l6-random (q8 = the dynamic-quantized file, as
 * users run it; fp32) on 100 documents of about 200 tokens, batch 8, max length 512, on five sides (rerank-sides.ts).
 * One warm-up run per side, then the sides take turns run by run (the order rotating each round), so a busy machine
 * slows all alike. Each round has its own query (the app's score cache would otherwise answer the UI side).
 * Settings: BENCH_RUNS (timed runs per side, default 5), BENCH_BATCH (default 8), BENCH_SMOKE=1 (tiny inputs, q8
 * only, then the UI switches to fp32 once).
 */
import type { Page } from '@playwright/test';
import type { BenchSection } from './harness';
import { formatMs, median, printTable } from './harness';
import { type BenchBrowser, withBenchBrowser } from './bench-browser';
import { descendantsCpuMs } from './process-cpu';
import { bench } from './bench-config';
import { NativeCrossEncoder, type PairInputs } from './cross-encoder';
import { benchQuery, makeCorpus } from './rerank-corpus';
import { appWorkerSide, exampleSide, nativeSide, rawWebSide, uiSide, type RerankSide, type SideContext, type SideName } from './rerank-sides';

const modelsRoot = 'test-models';
const modelId = 'test/minilm-l6-random';
const dtypes = ['q8', 'fp32'] as const;
type Dtype = (typeof dtypes)[number];
const sideOrder: SideName[] = ['native', 'raw web', 'app worker', 'UI', 'example'];

interface SideResult {
  side: SideName;
  threads: number;
  ms: number[];
  tokenizeMs: number[];
  /** CPU time of the run: this process for native, all Chromium processes for the others. */
  cpuMs: number[];
}

const processCpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** The query of a round: the bench query and one more token, so no two rounds share a cache key. */
const roundQuery = (round: number | 'warm'): string => `${benchQuery} ${round}`;

interface BenchPages {
  ui: Page;
  workers: Page;
}

/**
 * The sides for one dtype. The pages live across dtypes: the UI side picks fp32 after q8, as a person would.
 * They are one page, so that the browser's caches (the compiled wasm, the model files) serve every side's load.
 */
async function openSides(browser: BenchBrowser, pages: BenchPages, dtype: Dtype, inputs: PairInputs): Promise<{ sides: RerankSide[]; close: () => Promise<void> }> {
  const context = (page: Page): SideContext => ({ page, appUrl: browser.url, model: modelId, dtype, inputs });
  const appWorker = await appWorkerSide(context(pages.workers));
  const threads = appWorker.threads; // the app's rule (threads.ts); the raw and native sides use the same
  const encoder = await NativeCrossEncoder.open({ modelsRoot, modelId, dtype, threads });
  const sides = [
    nativeSide(encoder, inputs, threads),
    await rawWebSide(context(pages.workers), encoder, threads),
    appWorker,
    await uiSide(context(pages.ui)),
    await exampleSide(context(pages.workers)),
  ];
  return { sides, close: () => encoder.close() };
}

async function measure(browser: BenchBrowser, pages: BenchPages, dtype: Dtype, inputs: PairInputs): Promise<SideResult[]> {
  const { sides, close } = await openSides(browser, pages, dtype, inputs);
  try {
    const results = sides.map((s): SideResult => ({ side: s.name, threads: s.threads, ms: [], tokenizeMs: [], cpuMs: [] }));
    if (bench.warmupRuns > 0) for (const side of sides) await side.run(roundQuery('warm'));
    for (let round = 0; round < bench.runs; round++) {
      for (let k = 0; k < sides.length; k++) {
        const index = (round + k) % sides.length;
        const side = sides[index] as RerankSide;
        const cpu = side.name === 'native' ? processCpuMs : descendantsCpuMs;
        const cpuBefore = cpu();
        const run = await side.run(roundQuery(round + 1));
        results[index]?.cpuMs.push(cpu() - cpuBefore);
        results[index]?.ms.push(run.ms);
        results[index]?.tokenizeMs.push(run.tokenizeMs);
      }
    }
    return results;
  } finally {
    await close();
  }
}

/**
 * Smoke only: after its q8 runs (the column's settings folded away by then) the UI side picks another model and
 * precision and reranks once, the step that broke when the settings began to fold. A tiny model keeps it short.
 */
async function reselectCheck(browser: BenchBrowser, pages: BenchPages, inputs: PairInputs): Promise<void> {
  const ui = await uiSide({ page: pages.ui, appUrl: browser.url, model: 'test/overlap-reranker', dtype: 'fp32', inputs });
  const run = await ui.run(roundQuery(1));
  console.log(`smoke: the UI switched to fp32 after a q8 run and reranked in ${formatMs(run.ms)} ms`);
}

const pairsPerSecond = (docs: number, ms: number): number => (docs / ms) * 1000;

function report(all: Map<Dtype, SideResult[]>, docs: number): void {
  const rows: string[][] = [];
  for (const [dtype, results] of all) {
    const medianOf = (side: SideName) => median(results.find((r) => r.side === side)?.ms ?? []);
    const raw = medianOf('raw web');
    const native = medianOf('native');
    for (const side of sideOrder) {
      const r = results.find((x) => x.side === side);
      if (!r) continue;
      const ms = median(r.ms);
      rows.push([
        dtype,
        side,
        String(r.threads),
        r.ms.map((v) => Math.round(v)).join(' '),
        formatMs(ms),
        pairsPerSecond(docs, ms).toFixed(2),
        (raw / ms).toFixed(2),
        (native / ms).toFixed(2),
        formatMs(median(r.tokenizeMs)),
        (median(r.cpuMs) / 1000).toFixed(1),
        (docs / (median(r.cpuMs) / 1000)).toFixed(2),
      ]);
    }
  }
  printTable(['dtype', 'side', 'threads', 'timed runs (ms)', 'median ms', 'pairs/s', 'vs raw web', 'vs native', 'tokenize ms', 'CPU s', 'pairs per CPU s'], rows);
  console.log('');
  console.log('native: onnxruntime-node, tokenize + runs. raw web: a bare onnxruntime-web session in a worker, runs only (tensors made in Node).');
  console.log('app worker: the app\'s worker chunk sent load/rerank directly (its inference time). UI: Rerank clicked, click to the worker\'s done reply.');
  console.log('example: transformers.js cross-encoder example, all pairs in one padded batch, onnxruntime-web\'s default threads.');
  console.log('CPU s: the run\'s CPU time (native: this process; the others: all Chromium processes, the page\'s main thread included);');
  console.log('pairs per CPU s is the figure a busy machine disturbs least.');
}

export const crossEncoderSection: BenchSection = {
  name: `cross-encoder: ${modelId}, five ways to run it`,
  async run() {
    const docs = makeCorpus(bench.corpus);
    const inputs: PairInputs = { query: benchQuery, docs, maxLength: 512, batchSize: bench.batchSize };
    console.log(
      `${docs.length} documents of ~${bench.corpus.tokensPerDoc} tokens, max length ${inputs.maxLength}, batch ${bench.batchSize}; ` +
        `${bench.warmupRuns} warm-up + ${bench.runs} timed runs per side, taking turns`,
    );
    const all = new Map<Dtype, SideResult[]>();
    await withBenchBrowser(async (browser) => {
      console.log(`browser: ${browser.label}`);
      const page = await browser.newPage();
      const pages = { ui: page, workers: page };
      try {
        for (const dtype of bench.smoke ? (['q8'] as const) : dtypes) all.set(dtype, await measure(browser, pages, dtype, inputs));
        if (bench.smoke) await reselectCheck(browser, pages, inputs);
      } finally {
        await page.context().close();
      }
    });
    report(all, docs.length);
  },
};
