/**
 * The bench's own browser workers (browser/raw-ort-worker.ts, browser/example-worker.ts), bundled in memory with
 * Vite so they import onnxruntime-web and transformers.js exactly as the app's worker does, then served by
 * Playwright at `/__bench/` on the app's own origin, with the isolation headers (threads need them), whatever
 * server runs the app.
 */
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { build, type Rolldown } from 'vite';
import { singleOrtWasm } from '../../vite.config';

export const BENCH_PATH = '/__bench/';
export const RAW_ORT_WORKER = `${BENCH_PATH}raw-ort-worker.js`;
export const EXAMPLE_WORKER = `${BENCH_PATH}example-worker.js`;

const entries = {
  'raw-ort-worker': path.resolve(import.meta.dirname, 'browser', 'raw-ort-worker.ts'),
  'example-worker': path.resolve(import.meta.dirname, 'browser', 'example-worker.ts'),
};

/** File name -> code of every chunk of the two workers (and any file added later, e.g. a GEMM model). */
export async function bundleBenchWorkers(): Promise<Map<string, string | Uint8Array>> {
  const output = await build({
    configFile: false,
    logLevel: 'error',
    plugins: [singleOrtWasm()],
    build: {
      write: false,
      minify: false,
      modulePreload: false,
      rolldownOptions: { input: entries, output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' } },
    },
  });
  const results = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
  const files = new Map<string, string | Uint8Array>();
  for (const result of results) {
    for (const item of result.output) if (item.type === 'chunk') files.set(item.fileName, item.code);
  }
  if (!files.has('raw-ort-worker.js') || !files.has('example-worker.js')) throw new Error(`bench-workers: the bundle lacks a worker: ${[...files.keys()].join(', ')}`);
  return files;
}

/** Serves `files` under BENCH_PATH; looked up per request, so files added to the map later are served too. */
export async function serveBenchWorkers(context: BrowserContext, files: Map<string, string | Uint8Array>): Promise<void> {
  await context.route(`**${BENCH_PATH}**`, (route) => {
    const name = new URL(route.request().url()).pathname.slice(BENCH_PATH.length);
    const content = files.get(name);
    if (content === undefined) return route.fulfill({ status: 404, body: `no bench file ${name}` });
    return route.fulfill({
      status: 200,
      contentType: typeof content === 'string' ? 'text/javascript' : 'application/octet-stream',
      body: typeof content === 'string' ? content : Buffer.from(content),
      headers: { 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Resource-Policy': 'same-origin' },
    });
  });
}
