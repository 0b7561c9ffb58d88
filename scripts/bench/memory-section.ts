/**
 * Issue 12's "largest file accepted": the peak memory of the page's renderer process (renderer-memory.ts: VmHWM,
 * which counts the page and its workers) while it takes a plain-text file of about-100-word documents by the file
 * input, with a BM25 first stage, for a few sizes up to the app's limit (MAX_FILE_BYTES, 100 MB). Each size in a
 * fresh page (a fresh renderer, so the peak is this file's); the sizes' order alternates by round.
 */
import type { Page } from '@playwright/test';
import { MAX_FILE_BYTES } from '../../src/features/input/readDroppedFile';
import { withFreshPage } from './bench-browser';
import { bench } from './bench-config';
import { type BenchSection, median, printTable } from './harness';
import { deliver, type DeliveryTiming, longestCell, prepareBm25 } from './large-input-drive';
import { documentsOfSize, largeInputQuery, writeInputFile } from './large-input-files';
import { loadLine } from './load';
import { allRendererMemory, grownRenderer, type RendererMemory } from './renderer-memory';

const sizes = bench.large.memory;
const SETTLE_MS = bench.smoke ? 200 : 3_000;

interface MemoryRun {
  bytes: number;
  docs: number;
  timing: DeliveryTiming | null;
  renderer: { before: RendererMemory; after: RendererMemory } | null;
  /** The main thread's JavaScript heap after (CDP Performance.getMetrics JSHeapUsedSize), for comparison. */
  mainHeapBytes: number;
  failure: string | null;
}

async function mainThreadHeap(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  const { metrics } = await session.send('Performance.getMetrics');
  await session.detach();
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
}

async function measure(bytes: number): Promise<MemoryRun> {
  const { text, docs } = documentsOfSize(bytes);
  const file = writeInputFile(`size-${bytes}.txt`, text);
  return withFreshPage(async (page) => {
    const browser = page.context().browser();
    if (!browser) throw new Error('memory: the page has no browser to ask for its processes');
    const app = await prepareBm25(page, largeInputQuery);
    await page.waitForTimeout(500);
    const before = await allRendererMemory(browser);
    let crashed = false;
    page.on('crash', () => (crashed = true));
    try {
      const timing = await deliver(app, 'upload', { text, file, docs });
      await page.waitForTimeout(SETTLE_MS); // the worker keeps the text in IndexedDB after it answers
      const renderer = grownRenderer(before, await allRendererMemory(browser));
      return { bytes, docs, timing, renderer, mainHeapBytes: await mainThreadHeap(page), failure: renderer ? null : 'no renderer found in /proc (Linux only)' };
    } catch (error) {
      const renderer = grownRenderer(before, await allRendererMemory(browser));
      return { bytes, docs, timing: null, renderer, mainHeapBytes: Number.NaN, failure: crashed ? 'the page crashed' : String(error).split('\n')[0] ?? 'failed' };
    }
  });
}

const mb = (bytes: number): string => (Number.isFinite(bytes) ? (bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0) : 'n/a');

export const memorySection: BenchSection = {
  name: `large input (c): peak page memory for files up to the ${MAX_FILE_BYTES / 1e6} MB limit`,
  async run() {
    if (Math.max(...sizes.megabytes) * 1e6 > MAX_FILE_BYTES) throw new Error(`memory: a size in bench-config.ts is over the app's limit of ${MAX_FILE_BYTES / 1e6} MB`);
    console.log(`plain-text files of 100-word documents, BM25 first stage, by the file input; ${sizes.rounds} round(s), each size in a fresh page`);
    console.log('memory: the renderer process from /proc (VmRSS before the upload, VmHWM = its peak); it holds the page and its workers; MB are decimal');
    console.log(`before: ${loadLine()}`);
    const runs: MemoryRun[] = [];
    for (let round = 0; round < sizes.rounds; round++) {
      const order = round % 2 === 0 ? sizes.megabytes : [...sizes.megabytes].reverse();
      for (const megabytes of order) runs.push(await measure(Math.round(megabytes * 1e6)));
    }
    const rows = [...sizes.megabytes].map((megabytes) => {
      const mine = runs.filter((r) => r.bytes === Math.round(megabytes * 1e6));
      const ok = mine.filter((r) => r.failure === null && r.renderer);
      const peak = median(ok.map((r) => r.renderer?.after.peakRssBytes ?? Number.NaN));
      const grown = median(ok.map((r) => (r.renderer ? r.renderer.after.peakRssBytes - r.renderer.before.rssBytes : Number.NaN)));
      return [
        mb(megabytes * 1e6),
        (mine[0]?.docs ?? 0).toLocaleString('en-US'),
        `${ok.length} / ${mine.length}`,
        ok.length ? (median(ok.map((r) => r.timing?.ms ?? Number.NaN)) / 1000).toFixed(1) : 'n/a',
        ok.length ? longestCell({ longestMs: Math.max(...ok.map((r) => r.timing?.budget.longestMs ?? 0)), count: Math.max(...ok.map((r) => r.timing?.budget.count ?? 0)) }) : 'n/a',
        mb(median(ok.map((r) => r.renderer?.before.rssBytes ?? Number.NaN))),
        mb(peak),
        mb(grown),
        ok.length ? (grown / (megabytes * 1e6)).toFixed(1) : 'n/a',
        mb(median(ok.map((r) => r.renderer?.after.rssBytes ?? Number.NaN))),
        mb(median(ok.map((r) => r.mainHeapBytes))),
      ];
    });
    printTable(['file (MB)', 'documents', 'shown', 'to first stage (s)', 'longest task (ms)', 'RSS before', 'peak RSS', 'peak - before', 'x file size', 'RSS after', 'main JS heap after'], rows);
    console.log(`after: ${loadLine()}`);
    for (const r of runs.filter((x) => x.failure !== null)) console.log(`${mb(r.bytes)} MB: ${r.failure}`);
    const largest = runs.filter((r) => r.bytes === Math.round(Math.max(...sizes.megabytes) * 1e6));
    console.log(`target: the largest file (${mb(largest[0]?.bytes ?? Number.NaN)} MB) is taken and shown without a crash: ${largest.every((r) => r.failure === null) ? 'met' : 'NOT met'}`);
  },
};
