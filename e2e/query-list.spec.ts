import { expect, test } from './fixtures';

test.beforeEach(async ({ playground, page }) => {
  await page.getByLabel('Example').selectOption({ label: 'Workshop set: fifteen queries, where reranking helps, where it hurts' });
  await playground.useLocalModel('test/overlap-reranker');
  await page.getByRole('button', { name: 'Rerank all queries' }).click();
  await expect(page.getByTestId('rerank-all-done')).toBeVisible();
});

test('the query list sorts, filters and searches, and agrees with the chart', async ({ page }) => {
  const list = page.getByRole('table', { name: 'Queries of the set' });
  const count = page.getByTestId('query-list-count');
  await expect(count).toHaveText('Showing 15 of 15 queries');

  await page.getByRole('button', { name: 'Query id', exact: true }).click();
  await expect(list.getByRole('button', { name: /^Open query/ }).first()).toHaveAccessibleName('Open query q01');
  await page.getByRole('button', { name: 'Query id', exact: true }).click();
  await expect(list.getByRole('button', { name: /^Open query/ }).first()).toHaveAccessibleName('Open query q15');

  await page.getByLabel('Search').fill('python');
  await expect(count).toHaveText('Showing 1 of 15 queries');
  await expect(list.getByRole('button', { name: /^Open query/ })).toHaveAccessibleName('Open query q03');
  await page.getByLabel('Search').fill('');

  // The filter's wins are the chart's "better" bars: two views of the same per-query changes.
  const better = Number((await page.getByTestId('delta-counts').textContent())?.match(/(\d+) better/)?.[1]);
  await page.getByLabel('Show queries').selectOption('wins');
  await expect(count).toHaveText(`Showing ${better} of 15 queries`);
  for (const outcome of await list.getByTestId('query-outcome').allTextContents()) expect(outcome).toBe('win');
});

test('the list works from the keyboard, and a chart bar opens its query', async ({ page }) => {
  const list = page.getByRole('table', { name: 'Queries of the set' });
  await page.getByRole('button', { name: 'Query id', exact: true }).click();
  await list.getByRole('button', { name: 'Open query q01' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(list.getByRole('button', { name: 'Open query q02' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('open-query-text')).toHaveText('how to keep cut avocado from turning brown');

  const bar = page.getByTestId('delta-bar').first();
  const label = await bar.getAttribute('aria-label');
  const id = label?.split(':')[0] ?? '';
  await bar.click();
  await expect(page.getByTestId('query-navigator')).toContainText(id);
});
