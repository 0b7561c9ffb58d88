import { expect, test } from './fixtures';

// Expected logits of test/overlap-reranker (see test-models/README.md): the number of query token positions
// whose WordPiece id also occurs in the document, minus 0.001 x the document's token count.
// Query tokens: what are the latest advancement ##s in ai for drug discovery ?
// doc_450 (38 tokens): are advancement ##s in ai for = 6      -> 6 - 0.038 = 5.962
// doc_101 (40 tokens): are ##s (breakthroughs) in for drug discovery = 6 -> 6 - 0.040 = 5.960
// doc_312 (25 tokens): are the in drug = 4                    -> 4 - 0.025 = 3.975
// doc_205 (34 tokens): in ai for = 3                          -> 3 - 0.034 = 2.966
// First stage (retriever scores): doc_101, doc_205, doc_312, doc_450.

test('the seed preset reranked by the overlap model moves as predicted', async ({ playground }) => {
  await playground.useLocalModel('test/overlap-reranker');
  await playground.rerankButton.click();
  const column = playground.column();
  await expect(column.list).toHaveAccessibleName('Reranked: test/overlap-reranker');
  await expect(column.rows.getByTestId('doc-id')).toHaveText(['doc_450', 'doc_101', 'doc_312', 'doc_205']);
  await expect(column.rows.getByTestId('score')).toHaveText(['5.962', '5.96', '3.975', '2.966']);
  await expect(column.rows.getByTestId('rank-move')).toHaveText(['▲3', '▼1', '=', '▼2']);
  await expect(column.list.getByRole('img', { name: 'up 3 places' })).toHaveCount(1);
  await expect(column.list.getByRole('img', { name: 'down 2 places' })).toHaveCount(1);
  // Bars span min..max of the logits: the best gets a full bar, the worst the 5% floor,
  // doc_312 gets 0.05 + 0.95 * (3.975 - 2.966) / (5.962 - 2.966) = 0.05 + 0.95 * 0.3368 = 0.370.
  const widths = await column.rows.getByTestId('score-bar').evaluateAll((bars) => bars.map((b) => (b as HTMLElement).style.width));
  expect(widths).toEqual(['100%', '100%', '37%', '5%']);
  await expect(playground.page.getByTestId('timings')).toContainText('WASM · fp32');
});

test('scores can be shown as sigmoid or min-max without changing the order', async ({ playground }) => {
  await playground.useLocalModel('test/overlap-reranker');
  await playground.rerankButton.click();
  const column = playground.column();
  await expect(column.rows).toHaveCount(4);
  await playground.page.getByLabel('Show reranker scores as').selectOption('minmax');
  // (5.960 - 2.966) / (5.962 - 2.966) = 2.994 / 2.996 = 0.99933; (3.975 - 2.966) / 2.996 = 0.33678
  await expect(column.rows.getByTestId('score')).toHaveText(['1', '0.9993', '0.3368', '0']);
  await playground.page.getByLabel('Show reranker scores as').selectOption('sigmoid');
  // 1 / (1 + e^-2.966) = 1 / 1.05150 = 0.95102
  await expect(column.rows.getByTestId('score').last()).toHaveText('0.951');
  await expect(column.rows.getByTestId('doc-id')).toHaveText(['doc_450', 'doc_101', 'doc_312', 'doc_205']);
});

test('candidates below the top-N cut are listed after the reranked ones, marked "not reranked"', async ({ playground }) => {
  await playground.useLocalModel('test/overlap-reranker');
  await playground.page.getByLabel('Rerank the top N').fill('2');
  await playground.rerankButton.click();
  const column = playground.column();
  // Top 2 of the first stage: doc_101 (5.960) and doc_205 (2.966): their order stays.
  await expect(column.rows.getByTestId('doc-id')).toHaveText(['doc_101', 'doc_205']);
  await expect(column.list.getByTestId('not-reranked-row').getByTestId('doc-id')).toHaveText(['doc_312', 'doc_450']);
  await expect(column.list.getByTestId('not-reranked-row').first()).toContainText('not reranked');
});

test('a run can be cancelled half-way, and the next run works', async ({ playground, page }) => {
  const docs = Array.from({ length: 120 }, (_, i) => `passage ${i} about reranking retrieval and neural ranking models `.repeat(6));
  await playground.query.fill('neural reranking models');
  await playground.pasteDocuments(docs.join('\n'));
  await playground.useLocalModel('test/minilm-l6-random');
  await playground.column().batch.fill('1');
  await playground.rerankButton.click();
  // Wait for the first streamed batch, so the cancel lands in the middle of the run.
  await expect(page.getByTestId('scored-count')).toHaveText(/^([1-9]\d*) \/ 50 scored$/, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Cancelled. The scores that arrived are shown')).toBeVisible();
  const scored = Number((await page.getByTestId('scored-count').textContent())?.split(' ')[0]);
  expect(scored).toBeGreaterThan(0);
  expect(scored).toBeLessThan(50);
  await expect(playground.column().list.getByTestId('pending-row').first()).toContainText('not scored (cancelled)');

  await playground.column().batch.fill('16');
  await playground.rerankButton.click();
  await expect(playground.column().rows).toHaveCount(50, { timeout: 30_000 });
});

test('a corrupt model gives a clear error, then a good model works without a reload', async ({ playground, page }) => {
  await playground.useLocalModel('test/corrupt-model');
  await playground.rerankButton.click();
  const error = page.getByRole('alert').filter({ hasText: 'The reranker failed' });
  await expect(error).toContainText(/not a valid model file/);
  await expect(playground.query).toHaveValue('What are the latest advancements in AI for drug discovery?');

  await playground.useLocalModel('test/overlap-reranker');
  await playground.rerankButton.click();
  await expect(playground.column().rows.getByTestId('doc-id')).toHaveText(['doc_450', 'doc_101', 'doc_312', 'doc_205']);
  await expect(error).toHaveCount(0);
});

test('models that cannot be used say why', async ({ playground, page }) => {
  const error = page.getByRole('alert').filter({ hasText: 'The reranker failed' });
  await playground.useLocalModel('test/two-label-model');
  await playground.rerankButton.click();
  await expect(error).toContainText(/2 (output )?labels/i);

  await playground.useLocalModel('test/no-such-model');
  await playground.rerankButton.click();
  await expect(error).toContainText('test/no-such-model');
});

test('an empty query or no documents block the rerank with a message, and keep the inputs', async ({ playground, page }) => {
  await playground.query.fill('');
  await playground.rerankButton.click();
  await expect(page.getByRole('alert')).toContainText('Enter a query first');
  await playground.query.fill('anything');
  await playground.pasteDocuments('   \n  \n');
  await playground.rerankButton.click();
  await expect(page.getByRole('alert').filter({ hasText: 'no documents to rerank' })).toBeVisible();
  await expect(playground.documents).toHaveValue('   \n  \n');
});

test('the WebGPU path runs on the software adapter', async ({ playground, page }) => {
  // Skipped only because of a browser without any WebGPU adapter (e.g. Playwright's own build without the flags).
  test.skip(!(await page.evaluate(async () => !!(await (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu?.requestAdapter()))), 'skipped because this browser has no WebGPU adapter');
  await playground.useLocalModel('test/overlap-reranker', { device: 'webgpu', dtype: 'fp32' });
  await playground.rerankButton.click();
  await expect(playground.column().rows.getByTestId('doc-id')).toHaveText(['doc_450', 'doc_101', 'doc_312', 'doc_205'], { timeout: 30_000 });
  await expect(page.getByTestId('timings')).toContainText('WebGPU · fp32');
});
