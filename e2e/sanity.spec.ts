import { expect, test } from './fixtures';

// The scorer sanity check through the real worker, transformers.js and onnxruntime-web: a model that scores every
// pair the same is called a no-op, with its likely cause; a real scorer on the same input is not.
test('a model that scores every document equally is flagged as a no-op with the likely cause', async ({ playground }) => {
  await playground.useLocalModel('test/constant-reranker');
  await playground.rerankButton.click();
  await expect(playground.column().rows).toHaveCount(4, { timeout: 30_000 });
  const scores = await playground.column().rows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-score')));
  expect(scores).toEqual(['1', '1', '1', '1']);
  const warning = playground.page.getByTestId('scorer-warnings').locator('[data-kind="all-equal"]');
  await expect(warning).toContainText('Every score is the same');
  await expect(warning).toContainText('softmax to a single logit');
});

test('a scorer whose scores differ gets no no-op warning', async ({ playground }) => {
  await playground.useLocalModel('test/overlap-reranker');
  await playground.rerankButton.click();
  await expect(playground.column().rows).toHaveCount(4, { timeout: 30_000 });
  await expect(playground.page.getByTestId('inference-ms').first()).toBeVisible();
  await expect(playground.page.locator('[data-kind="all-equal"]')).toHaveCount(0);
});
