import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { PlaygroundPage } from './pages/PlaygroundPage';

// The one spec that lets the service worker run (playwright.config.ts blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

const MODEL = 'test/overlap-reranker';
const OTHER_QUERY = 'how does a reranker work offline';

async function rerankedScores(playground: PlaygroundPage): Promise<Map<string, string>> {
  const rows = playground.column().rows;
  const scores = new Map<string, string>();
  for (const row of await rows.all()) {
    scores.set((await row.getAttribute('data-doc-id')) ?? '', (await row.getAttribute('data-score')) ?? '');
  }
  return scores;
}

async function waitForServiceWorkerControl(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined, null, { timeout: 30_000 });
}

test('a second visit with no network opens the app and reranks with the model cached on the first visit', async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const playground = new PlaygroundPage(page);
  await playground.goto();
  const indicator = page.getByTestId('offline-indicator');
  // First visit, online: the shell is saved, and the page is controlled at once (clientsClaim).
  await waitForServiceWorkerControl(page);
  await expect(indicator).toHaveAttribute('data-shell', 'ready');
  await indicator.click();
  await expect(page.getByTestId('offline-inventory')).toContainText('saved on the first local rerank');
  await indicator.click();

  await playground.useLocalModel(MODEL, { device: 'wasm', dtype: 'fp32' });
  await playground.rerankButton.click();
  await expect(page.getByTestId('inference-ms').first()).toBeVisible({ timeout: 30_000 });
  await expect(playground.column().rows).toHaveCount(4);
  const onlineScores = await rerankedScores(playground);
  expect(onlineScores.size).toBe(4);
  const firstQuery = await playground.query.inputValue();
  // A second query, so that the offline visit has a query to score again (the first one's scores are kept).
  await playground.query.fill(OTHER_QUERY);
  await playground.rerankButton.click();
  // Timings from the first run are still on screen: wait for the second run's own scores.
  await expect.poll(async () => { const now = await rerankedScores(playground); return now.size === 4 && JSON.stringify([...now]) !== JSON.stringify([...onlineScores]); }, { timeout: 30_000 }).toBe(true);
  // The indicator counts the model once transformers.js has cached it.
  await expect(indicator).toContainText('Works offline · 1 model', { timeout: 10_000 });
  await indicator.click();
  await expect(page.getByTestId('offline-models').locator(`[data-model-id="${MODEL}"]`)).toContainText('self-hosted, fp32');
  await expect(page.getByTestId('offline-inventory')).not.toContainText('saved on the first local rerank');
  const axe = await new AxeBuilder({ page }).include('#offline-panel').analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('offline-panel-1440.png') });

  // Second visit, offline.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Rerank Playground' })).toBeVisible();
  expect(await page.evaluate(() => crossOriginIsolated), 'cross-origin isolation survives the service worker').toBe(true);
  await expect(indicator).toHaveAttribute('data-online', 'false');
  await expect(indicator).toContainText('Offline · 1 model here');
  await page.setViewportSize({ width: 390, height: 844 });
  await indicator.click();
  await expect(page.getByTestId('offline-network')).toContainText('You are offline');
  await page.screenshot({ path: test.info().outputPath('offline-panel-390.png') });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await indicator.click();
  await page.setViewportSize({ width: 1440, height: 900 });

  // The column and its last scores come back with the session; a new run computes them again, offline.
  await expect(playground.column().heading).toHaveText(`Reranked: ${MODEL}`);
  await expect(playground.query).toHaveValue(OTHER_QUERY);
  await playground.query.fill(firstQuery);
  expect(await rerankedScores(playground)).not.toEqual(onlineScores);
  await playground.rerankButton.click();
  await expect.poll(() => rerankedScores(playground), { timeout: 30_000 }).toEqual(onlineScores);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('offline, a model that was never cached fails with the ways out named', async ({ page, context }) => {
  test.setTimeout(90_000);
  const playground = new PlaygroundPage(page);
  await playground.goto();
  await waitForServiceWorkerControl(page);
  // Cache the worker scripts and the runtime with one model, then ask for another one offline.
  await playground.useLocalModel(MODEL, { device: 'wasm', dtype: 'fp32' });
  await playground.rerankButton.click();
  await expect(page.getByTestId('inference-ms').first()).toBeVisible({ timeout: 30_000 });

  await context.setOffline(true);
  await page.reload();
  await playground.useLocalModel('test/minilm-l6-random', { device: 'wasm', dtype: 'q8' });
  await playground.rerankButton.click();
  const message = page.getByRole('alert').filter({ hasText: /fetch-model/ });
  await expect(message).toBeVisible({ timeout: 30_000 });
  await expect(message).toContainText(/session file/i);
});
