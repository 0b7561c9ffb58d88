import { expect, test } from './fixtures';

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
