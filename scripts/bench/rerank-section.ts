/**
 * Cross-encoder benchmark: scored pairs per second of test/minilm-l6-random (q8 = the dynamic-quantized file, as
 * users run it; fp32) on 100 documents of about 200 tokens, batch 8, max length 512, on five sides (rerank-sides.ts).
 * One warm-up run per side, then the sides take turns run by run (the order rotating each round), so a busy machine
 * slows all alike. Each round has its own query (the app's score cache would otherwise answer the UI side).
 * Settings: BENCH_RUNS (timed runs per side, default 5), BENCH_BATCH (default 8), BENCH_SMOKE=1 (tiny inputs).
 */
import type { BenchSection } from './harness';
import { formatMs, median, printTable } from './harness';
import { BenchBrowser } from './bench-browser';
import { bench } from './bench-config';
import { NativeCrossEncoder, type PairInputs } from './cross-encoder';
import { benchQuery, makeCorpus } from './rerank-corpus';
import { appWorkerSide, exampleSide, nativeSide, rawWebSide, uiSide, type RerankSide, type SideContext, type SideName } from './rerank-sides';
import { withAppServer } from './app-server';

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
}

/** The query of a round: the bench query and one more token, so no two rounds share a cache key. */
const roundQuery = (round: number | 'warm'): string => `${benchQuery} ${round}`;

async function openSides(browser: BenchBrowser, dtype: Dtype, inputs: PairInputs): Promise<{ sides: RerankSide[]; close: () => Promise<void> }> {
  const uiPage = await browser.newPage();
  const workerPage = await browser.newPage();
  const context = (page: typeof uiPage): SideContext => ({ page, appUrl: browser.url, model: modelId, dtype, inputs });
  const appWorker = await appWorkerSide(context(workerPage));
  const threads = appWorker.threads; // the app's rule (threads.ts); the raw and native sides use the same
  const encoder = await NativeCrossEncoder.open({ modelsRoot, modelId, dtype, threads });
  const sides = [
    nativeSide(encoder, inputs, threads),
    await rawWebSide(context(workerPage), encoder, threads),
    appWorker,
    await uiSide(context(uiPage)),
    await exampleSide(context(workerPage)),
  ];
  const close = async () => {
    await encoder.close();
    await uiPage.context().close();
    await workerPage.context().close();
  };
  return { sides, close };
}

async function measure(browser: BenchBrowser, dtype: Dtype, inputs: PairInputs): Promise<SideResult[]> {
  const { sides, close } = await openSides(browser, dtype, inputs);
  try {
    const results = sides.map((s): SideResult => ({ side: s.name, threads: s.threads, ms: [], tokenizeMs: [] }));
    if (bench.warmupRuns > 0) for (const side of sides) await side.run(roundQuery('warm'));
    for (let round = 0; round < bench.runs; round++) {
      for (let k = 0; k < sides.length; k++) {
        const index = (round + k) % sides.length;
        const run = await (sides[index] as RerankSide).run(roundQuery(round + 1));
        results[index]?.ms.push(run.ms);
        results[index]?.tokenizeMs.push(run.tokenizeMs);
      }
    }
    return results;
  } finally {
    await close();
  }
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
      ]);
    }
  }
  printTable(['dtype', 'side', 'threads', 'timed runs (ms)', 'median ms', 'pairs/s', 'vs raw web', 'vs native', 'tokenize ms'], rows);
  console.log('');
  console.log('native: onnxruntime-node, tokenize + runs. raw web: a bare onnxruntime-web session in a worker, runs only (tensors made in Node).');
  console.log('app worker: the app\'s worker chunk sent load/rerank directly (its inference time). UI: Rerank clicked, click to the worker\'s done reply.');
  console.log('example: transformers.js cross-encoder example, all pairs in one padded batch, onnxruntime-web\'s default threads.');
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
    await withAppServer(async (url) => {
      const browser = await BenchBrowser.open(url);
      try {
        console.log(`browser: ${browser.label}`);
        for (const dtype of dtypes) all.set(dtype, await measure(browser, dtype, inputs));
      } finally {
        await browser.close();
      }
    });
    report(all, docs.length);
  },
};
