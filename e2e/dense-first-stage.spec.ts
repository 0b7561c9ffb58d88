import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Dense and hybrid first stages through the real bi-encoder worker, transformers.js and onnxruntime-web, on
 * the generated test/bi-encoder (test-models/README.md): a content token with id t falls in bucket 1 + (t mod 7),
 * and mean pooling, normalized, gives (presence + counts) / |presence + counts| over the buckets.
 * bert-base-uncased ids: dog 3899 → bucket 1, canine 28735 → 1, cat 4937 → 3, pet 9004 → 3, moon 4231 → 4.
 *
 * Query "cat dog": presence e1 + e3, counts e1 + e3 → (e1 + e3) / √2.
 *   exact      "cat cat dog"  presence e1 + e3, counts e1 + 2 e3 → (2, 3) in (e1, e3): cos 5 / √26 = 0.980581
 *   __proto__  "moon"         e4 only: cos 0
 *   partial    "dog moon"     (2 e1 + 2 e4): cos 2 / (√8 · √2) = 0.5
 *   paraphrase "pet canine"   the same buckets as "cat dog": cos 1 (and BM25 0: no word in common)
 * Dense order: paraphrase, exact, partial, __proto__.
 *
 * BM25 (k1 1.2, b 0.75), N = 4, avgdl 2; idf(cat) = ln(1 + 3.5/1.5) = 1.20397, idf(dog) = ln 2 = 0.69315.
 *   exact (|d| 3, K = 1.2 · 1.375 = 1.65): cat 4.4/3.65 · 1.20397 = 1.45137, dog 2.2/2.65 · 0.69315 = 0.57545 → 2.02682
 *   partial (|d| 2, K = 1.2): dog 2.2/2.2 · 0.69315 = 0.69315. __proto__ and paraphrase: 0 (input order).
 * BM25 order: exact, partial, __proto__, paraphrase.
 *
 * RRF, k 60, BM25 listing only its matches (exact, partial): exact 1/61 + 1/62 = 0.032522; partial 1/62 + 1/63 = 0.032002;
 *   paraphrase 1/61 = 0.016393; __proto__ 1/64 = 0.015625 → exact, partial, paraphrase, __proto__.
 * Weighted, w = BM25's share. norm BM25: exact 1, partial 0.34199, others 0. norm cos: paraphrase 1, exact 0.980581, partial 0.5, __proto__ 0.
 *   w = 1: BM25's order. w = 0: the dense order. w = 0.5: exact 0.99029, paraphrase 0.5, partial 0.42100, __proto__ 0.
 */
const documents = JSON.stringify([
  { id: 'exact', text: 'cat cat dog' },
  { id: '__proto__', text: 'moon' },
  { id: 'partial', text: 'dog moon' },
  { id: 'paraphrase', text: 'pet canine' },
]);

async function violations(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
}

/** Rows slide to their new places when the order changes; a screenshot taken mid-slide shows empty rows. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
}

test('a dense and a hybrid first stage on the test bi-encoder, with the weight on a slider', async ({ playground }) => {
  // Two model loads (bi-encoder, cross-encoder) in the worker on two busy cores.
  test.setTimeout(150_000);
  const { page } = playground;
  // Chosen before the dense settings appear: their "Embedding device" would also match the page object's "Device".
  await playground.useLocalModel('test/overlap-reranker');
  await playground.query.fill('cat dog');
  await playground.pasteDocuments(documents);
  await page.getByRole('radio', { name: 'Dense', exact: true }).check();
  await page.getByLabel('Embedding model').fill('test/bi-encoder');
  await page.getByLabel('Embedding device').selectOption('wasm');
  await page.getByLabel('Embedding precision').selectOption('fp32');

  // Nothing is embedded yet: input order, and the button says how many texts it will send.
  await expect(playground.firstStage).toHaveAccessibleName('First stage: dense (cosine)');
  await expect(playground.firstStageRows.getByTestId('doc-id')).toHaveText(['exact', '__proto__', 'partial', 'paraphrase']);
  await expect(page.getByTestId('dense-missing')).toHaveText('5 texts to embed with test/bi-encoder.');

  await page.getByRole('button', { name: 'Embed', exact: true }).click();
  // The model loads in the worker the first time: allow for it.
  await expect(page.getByTestId('dense-missing')).toHaveText('Embeddings ready (test/bi-encoder).', { timeout: 60_000 });
  await expect(playground.firstStageRows.getByTestId('doc-id')).toHaveText(['paraphrase', 'exact', 'partial', '__proto__']);
  await expect(playground.firstStageRows.getByTestId('score')).toHaveText(['1', '0.9806', '0.5', '0']);
  await expect(page.getByTestId('dense-timings')).toContainText('WASM · fp32 · load');

  await page.setViewportSize({ width: 1440, height: 1000 });
  await settled(page);
  await page.screenshot({ path: '/tmp/shots-h5/dense-1440.png', fullPage: true });
  expect(await violations(page, 'main')).toEqual([]);

  // A changed query makes the order out of date until it is embedded again.
  await playground.query.fill('cat dog moon');
  await expect(page.getByTestId('dense-missing')).toHaveText('1 text to embed with test/bi-encoder.');
  await expect(playground.firstStageRows.getByTestId('doc-id')).toHaveText(['exact', '__proto__', 'partial', 'paraphrase']);
  await playground.query.fill('cat dog');
  await expect(page.getByTestId('dense-missing')).toHaveText('Embeddings ready (test/bi-encoder).');

  // Hybrid, RRF k = 60 (the default).
  await page.getByRole('radio', { name: 'Hybrid', exact: true }).check();
  await expect(playground.firstStage).toHaveAccessibleName('First stage: hybrid (BM25 + dense)');
  await expect(playground.firstStageRows.getByTestId('doc-id')).toHaveText(['exact', 'partial', 'paraphrase', '__proto__']);
  await expect(playground.firstStageRows.getByTestId('score')).toHaveText(['0.0325', '0.032', '0.0164', '0.0156']);

  // Weighted sum: the slider moves the order from BM25's (1) to the dense one (0).
  await page.getByRole('radio', { name: 'Weighted sum of min-max scores' }).check();
  await expect(playground.firstStageRows.getByTestId('doc-id')).toHaveText(['exact', 'paraphrase', 'partial', '__proto__']);
  await expect(playground.firstStageRows.getByTestId('score')).toHaveText(['0.9903', '0.5', '0.421', '0']);
  const weight = page.getByLabel('BM25 weight');
  await weight.fill('1');
  await expect(playground.firstStageRows.getByTestId('doc-id')).toHaveText(['exact', 'partial', '__proto__', 'paraphrase']);
  await weight.fill('0');
  await expect(playground.firstStageRows.getByTestId('doc-id')).toHaveText(['paraphrase', 'exact', 'partial', '__proto__']);

  expect(await violations(page, 'main')).toEqual([]);

  // Rerank the hybrid order: the lines between the columns show where each document goes.
  await playground.rerankButton.click();
  await expect(playground.column().rows).toHaveCount(4, { timeout: 60_000 });
  await settled(page);
  await page.screenshot({ path: '/tmp/shots-h5/hybrid-1440.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 900 });
  await page.screenshot({ path: '/tmp/shots-h5/hybrid-390-settings.png', fullPage: true });
  // Rows off screen are not painted (content-visibility: auto): bring the list into view for its picture.
  await playground.firstStage.scrollIntoViewIfNeeded();
  await settled(page);
  await page.screenshot({ path: '/tmp/shots-h5/hybrid-390.png' });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});

test('over a query set, one Embed covers every query, and each query gets its own dense order', async ({ playground }) => {
  test.setTimeout(120_000);
  const { page } = playground;
  await page.getByLabel('Example').selectOption({ label: 'Workshop set: fifteen queries, where reranking helps, where it hurts' });
  await expect(page.getByTestId('set-name')).toContainText('Workshop set');
  await page.getByRole('radio', { name: 'Dense', exact: true }).check();
  await page.getByLabel('Embedding model').fill('test/bi-encoder');
  await page.getByLabel('Embedding precision').selectOption('fp32');
  await expect(page.getByTestId('dense-missing')).toContainText('for every query of the set');
  await page.getByRole('button', { name: 'Embed', exact: true }).click();
  // The first load of the model in the worker: allow for it.
  await expect(page.getByTestId('dense-missing')).toHaveText('Embeddings ready (test/bi-encoder).', { timeout: 60_000 });
  const firstOrder = await playground.firstStageIds();
  await expect(playground.firstStageRows.first().getByTestId('score')).not.toHaveText('—');
  await page.getByRole('button', { name: 'Next query' }).click();
  // The next query was embedded by the same run: ready at once, with its own candidates.
  await expect(page.getByTestId('dense-missing')).toHaveText('Embeddings ready (test/bi-encoder).');
  await expect(playground.firstStage).toHaveAccessibleName('First stage: dense (cosine)');
  expect(await playground.firstStageIds()).not.toEqual(firstOrder);
  expect(await violations(page, 'main')).toEqual([]);
});
