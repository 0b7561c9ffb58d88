/**
 * One headless Chromium for the whole bench: the bench workers routed in, and every page probed
 * (page-probes.ts) before the app starts.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { chromiumArgs, findChromium } from '../../e2e/browser';
import { BENCH_PATH, bundleBenchWorkers, serveBenchWorkers } from './bench-workers';
import { withAppServer } from './app-server';
import { installPageProbes, type PageProbes, type ProbedWindow } from './page-probes';

export class BenchBrowser {
  private constructor(
    private readonly browser: Browser,
    private readonly files: Map<string, string | Uint8Array>,
    readonly url: string,
    readonly label: string,
  ) {}

  static async open(url: string): Promise<BenchBrowser> {
    const workers = await bundleBenchWorkers();
    const executablePath = findChromium();
    const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
    return new BenchBrowser(browser, workers, url, `${executablePath ?? 'Playwright Chromium'} (${browser.version()}, headless)`);
  }

  /** A fresh context (empty storage, as a first visit) with the app loaded and probed. */
  async newPage(): Promise<Page> {
    const context: BrowserContext = await this.browser.newContext();
    await serveBenchWorkers(context, this.files);
    const page = await context.newPage();
    // tsx (esbuild keepNames) wraps named functions in __name(...), also inside the functions this bench hands
    // to the page; give the page a no-op one.
    await page.addInitScript({ content: 'globalThis.__name = (target) => target;' });
    await page.addInitScript(installPageProbes);
    await page.goto(this.url);
    await page.getByRole('heading', { name: 'Rerank Playground' }).waitFor();
    return page;
  }

  /** Serves `bytes` at BENCH_PATH + name in every page; returns that path. */
  serve(name: string, bytes: Uint8Array): string {
    this.files.set(name, bytes);
    return `${BENCH_PATH}${name}`;
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}

/** A copy of what the page's probes recorded (functions left out). */
export function probes(page: Page): Promise<Omit<PageProbes, 'spawn' | 'call' | 'frameWhen' | 'watchNextChange'>> {
  return page.evaluate(() => {
    const { workerUrls, loaded, done, partial, partialPairs, clicks, changes, keys, longTasks } = (window as unknown as ProbedWindow).bench;
    return { workerUrls, loaded, done, partial, partialPairs, clicks, changes, keys, longTasks };
  });
}

/** The URL of the app's model worker chunk: the worker script that holds onnxruntime-web. */
export async function appModelWorkerUrl(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const scripts = Array.from(document.querySelectorAll('script[src]')).map((s) => (s as HTMLScriptElement).src);
    const candidates = new Set<string>();
    for (const src of scripts) {
      const text = await (await fetch(src)).text();
      for (const match of text.matchAll(/["'`]([^"'`]*assets\/worker-[\w-]+\.js)["'`]/g)) candidates.add(new URL(match[1] ?? '', src).href);
    }
    for (const url of candidates) if ((await (await fetch(url)).text()).includes('ort-wasm-simd-threaded')) return url;
    throw new Error(`no worker chunk with onnxruntime-web among ${[...candidates].join(', ') || 'none'}: is this the built app?`);
  });
}

let shared: Promise<BenchBrowser> | undefined;

/** One browser (and one app server) for every section; closeBenchBrowser() ends it. */
export function withBenchBrowser<T>(task: (browser: BenchBrowser) => Promise<T>): Promise<T> {
  return withAppServer(async (url) => {
    shared ??= BenchBrowser.open(url);
    return task(await shared);
  });
}

/** A fresh page (a first visit: empty storage) of the shared browser for `task`, closed after it. */
export function withFreshPage<T>(task: (page: Page) => Promise<T>): Promise<T> {
  return withBenchBrowser(async (browser) => {
    const page = await browser.newPage();
    try {
      return await task(page);
    } finally {
      await page.context().close();
    }
  });
}

export async function closeBenchBrowser(): Promise<void> {
  if (shared) await (await shared).close();
  shared = undefined;
}
