/**
 * Browser side of the cross-encoder benchmark: drives the built app in headless Chromium the way a person
 * does (query, pasted documents, top N, model, device, precision, batch, Rerank) and reads the inference
 * time the reranked column shows. The app's worker does the work, so tokenization, batching and message
 * passing are all included.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumArgs, findChromium } from '../../e2e/browser';
import { PlaygroundPage } from '../../e2e/pages/PlaygroundPage';
import type { DoneReply, LoadedReply, PartialReply, WorkerReply } from '../../src/rerankers/local/protocol';
import { descendantsCpuMs } from './process-cpu';

export interface BrowserRun {
  /** The inference time the UI shows (the worker's: tokenize + all batches). */
  inferenceMs: number;
  /** From the worker's `done` reply, which the UI does not show. */
  tokenizeMs: number;
  /** CPU time of all Chromium processes over the run: about threads x inferenceMs when they get the cores. */
  cpuMs: number;
}

export interface BrowserRuntime {
  chromium: string;
  crossOriginIsolated: boolean;
  hardwareConcurrency: number;
  /** What the worker's `loaded` reply says onnxruntime-web settled on. */
  wasmThreads: number;
}

export interface BrowserBenchOptions {
  url: string;
  model: string;
  query: string;
  docs: readonly string[];
  maxLength: number;
  batchSize: number;
}

interface WorkerReplies {
  loaded: LoadedReply[];
  done: DoneReply[];
  /** The last batch's reply: its running count says how many documents the worker was sent and scored. */
  partial?: PartialReply;
}

type BenchWindow = Window & { benchReplies?: WorkerReplies };

/**
 * Runs in the page before the app: wraps Worker so the bench sees the worker's `loaded` and `done` replies
 * (the real thread count, the tokenize time) without the app exposing them.
 */
function recordWorkerReplies(): void {
  const replies: WorkerReplies = { loaded: [], done: [] };
  (window as BenchWindow).benchReplies = replies;
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
        const reply = event.data;
        if (reply.type === 'loaded') replies.loaded.push(reply);
        if (reply.type === 'done') replies.done.push(reply);
        if (reply.type === 'partial') replies.partial = reply;
      });
    }
  };
}

const replies = (page: Page): Promise<WorkerReplies> => page.evaluate(() => (window as BenchWindow).benchReplies ?? { loaded: [], done: [] });

export class BrowserBench {
  private constructor(
    private readonly browser: Browser,
    private readonly app: PlaygroundPage,
    private readonly docs: number,
    readonly chromiumLabel: string,
  ) {}

  static async open(options: Pick<BrowserBenchOptions, 'url' | 'query' | 'docs'>): Promise<BrowserBench> {
    const executablePath = findChromium();
    const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
    const page = await browser.newPage();
    await page.addInitScript(recordWorkerReplies);
    await page.goto(options.url);
    const app = new PlaygroundPage(page);
    await page.getByRole('heading', { name: 'Rerank Playground' }).waitFor();
    await app.query.fill(options.query);
    await app.pasteFromClipboard(options.docs.join('\n'));
    await page.getByLabel('Rerank the top N').fill(String(options.docs.length));
    return new BrowserBench(browser, app, options.docs.length, `${executablePath ?? 'Playwright Chromium'} (${browser.version()}, headless)`);
  }

  /** Picks the model, device WASM, the precision, max length and batch size in the column's settings. */
  async select(dtype: 'fp32' | 'q8', options: Pick<BrowserBenchOptions, 'model' | 'maxLength' | 'batchSize'>): Promise<void> {
    await this.app.useLocalModel(options.model, { device: 'wasm', dtype });
    await this.app.page.getByLabel('Max tokens').fill(String(options.maxLength));
    await this.app.column().batch.fill(String(options.batchSize));
  }

  /** Presses Rerank and waits for the run to end; the first run after `select` also loads the model. */
  async run(): Promise<BrowserRun> {
    const { page } = this.app;
    const before = (await replies(page)).done.length;
    const cpuBefore = descendantsCpuMs();
    await this.app.rerankButton.click();
    // The worker's done reply marks the end of the run; a run on one slow thread can take minutes.
    await page.waitForFunction((n) => ((window as BenchWindow).benchReplies?.done.length ?? 0) > n, before, { timeout: 600_000, polling: 100 });
    const cpuMs = descendantsCpuMs() - cpuBefore;
    const shown = page.getByTestId('inference-ms').first();
    await shown.waitFor(); // React paints the done state right after the reply
    const inferenceMs = Number(await shown.getAttribute('data-ms'));
    const { done, partial } = await replies(page);
    const last = done.at(-1);
    if (!Number.isFinite(inferenceMs) || !last) throw new Error('the reranked column showed no inference time');
    if (partial?.total !== this.docs || partial.scored !== this.docs) {
      throw new Error(`the worker scored ${partial?.scored} of ${partial?.total} documents, expected all ${this.docs}`);
    }
    return { inferenceMs, tokenizeMs: last.tokenizeMs, cpuMs };
  }

  /** What the worker reported when it last loaded a model. */
  async runtime(): Promise<BrowserRuntime> {
    const { loaded } = await replies(this.app.page);
    const last = loaded.at(-1);
    if (!last) throw new Error('the worker never reported a loaded model');
    const hardwareConcurrency = await this.app.page.evaluate(() => navigator.hardwareConcurrency);
    return { chromium: this.chromiumLabel, hardwareConcurrency, ...last.runtime };
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}
