import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { PlaygroundPage } from './pages/PlaygroundPage';

test('a missing model file answers 404, never the app page', async ({ request }) => {
  const missing = await request.get('/models/test/no-such-model/config.json');
  expect(missing.status()).toBe(404);
  expect(await missing.text()).not.toContain('<div id="root">');
  const present = await request.get('/models/test/overlap-reranker/config.json');
  expect(present.status()).toBe(200);
  expect((await present.json()) as { model_type: string }).toMatchObject({ model_type: 'bert' });
});

test('the runtime files are served by the app with isolation headers', async ({ request }) => {
  const page = await request.get('/');
  expect(page.headers()['cross-origin-opener-policy']).toBe('same-origin');
  expect(page.headers()['cross-origin-embedder-policy']).toBe('require-corp');
  const wasm = await request.get('/ort/ort-wasm-simd-threaded.asyncify.wasm');
  expect(wasm.status()).toBe(200);
});

test('a rerank makes no request outside the app (no CDN, no Hub)', async ({ playground, page }) => {
  const outside: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol !== 'blob:' && url.protocol !== 'data:' && url.hostname !== 'localhost') outside.push(r.url());
  });
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
  await playground.useLocalModel('test/overlap-reranker', { dtype: 'q8' });
  await playground.rerankButton.click();
  await expect(playground.column().rows).toHaveCount(4);
  expect(outside).toEqual([]);
});

test('dist/ ships one onnxruntime wasm, the one the app loads', () => {
  // The folder being served: E2E_DIST when playwright.config.ts serves another build.
  const wasm = readdirSync(process.env.E2E_DIST ?? 'dist', { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.wasm'));
  expect(wasm.map((file) => file.split(path.sep).join('/'))).toEqual(['ort/ort-wasm-simd-threaded.asyncify.wasm']);
});

test('the built app fetches one ORT wasm and each model file once, and nothing of the ML runtime before the first rerank', async ({ page }) => {
  const modelDir = path.join('test-models', 'test', 'minilm-l6-random');
  const gets: { path: string; bytes: Promise<number> }[] = [];
  const scripts: Promise<{ path: string; hasRuntime: boolean }>[] = [];
  page.on('requestfinished', (request) => {
    const url = new URL(request.url());
    if (request.method() !== 'GET' || url.protocol === 'blob:') return;
    gets.push({ path: url.pathname, bytes: request.sizes().then((s) => s.responseBodySize) });
  });
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (response.request().method() !== 'GET' || !url.pathname.endsWith('.js')) return;
    scripts.push(response.text().then((text) => ({ path: url.pathname, hasRuntime: text.includes('ort-wasm-simd-threaded') })));
  });
  const playground = new PlaygroundPage(page);
  await playground.goto();
  await playground.useLocalModel('test/minilm-l6-random', { device: 'wasm', dtype: 'q8' });

  // Before the first rerank: no wasm, no ORT files, no model files, no script holding onnxruntime-web.
  const ml = (p: string) => p.endsWith('.wasm') || p.startsWith('/ort/') || p.startsWith('/models/');
  expect(gets.map((g) => g.path).filter(ml)).toEqual([]);
  expect((await Promise.all(scripts)).filter((s) => s.hasRuntime).map((s) => s.path)).toEqual([]);

  await playground.rerankButton.click();
  await expect(playground.column().rows).toHaveCount(4, { timeout: 30_000 });
  await expect(page.getByTestId('inference-ms').first()).toBeVisible();

  const wasm = gets.filter((g) => g.path.endsWith('.wasm')).map((g) => g.path);
  expect(wasm).toEqual(['/ort/ort-wasm-simd-threaded.asyncify.wasm']);
  // Bytes on the wire for the first load of a self-hosted model: each file once, in full.
  const modelGets = gets.filter((g) => g.path.startsWith('/models/test/minilm-l6-random/'));
  const received = new Map<string, number>();
  for (const get of modelGets) received.set(get.path, (received.get(get.path) ?? 0) + (await get.bytes));
  const fetched = modelGets.map((g) => g.path.slice('/models/test/minilm-l6-random/'.length)).sort();
  expect(fetched).toEqual(['config.json', 'onnx/model_quantized.onnx', 'tokenizer.json', 'tokenizer_config.json']);
  for (const file of fetched) {
    expect(received.get(`/models/test/minilm-l6-random/${file}`), file).toBe(statSync(path.join(modelDir, file)).size);
  }
});
