import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test('axe finds nothing on the first visit, after a rerank, and with the top-N preset', async ({ playground }) => {
  const { page } = playground;
  expect(await violations(page)).toEqual([]);
  await playground.useLocalModel('test/overlap-reranker');
  await playground.rerankButton.click();
  await expect(playground.column().rows).toHaveCount(4);
  expect(await violations(page)).toEqual([]);
  await page.getByLabel('Example').selectOption({ label: 'The top-N cut: a reranker cannot rescue what it never sees' });
  await page.getByLabel('Rerank the top N').fill('5');
  await page.getByLabel('Rerank the top N').press('Enter');
  await playground.rerankButton.click();
  await expect(playground.page.getByTestId('not-reranked-row').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('axe finds nothing in the set view after rerank all', async ({ playground }) => {
  const { page } = playground;
  await page.getByLabel('Example').selectOption({ label: 'Workshop set: fifteen queries, where reranking helps, where it hurts' });
  await playground.useLocalModel('test/overlap-reranker');
  await page.getByRole('button', { name: 'Rerank all queries' }).click();
  await expect(page.getByTestId('rerank-all-done')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

for (const width of [390, 768]) {
  test(`at ${width} px the page does not scroll sideways, for a paste and for a set`, async ({ playground }) => {
    const { page } = playground;
    await page.setViewportSize({ width, height: 900 });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    // The columns scroll sideways inside their own region, which the keyboard can reach.
    expect(await violations(page)).toEqual([]);
    await page.getByLabel('Example').selectOption({ label: 'Workshop set: fifteen queries, where reranking helps, where it hurts' });
    await expect(page.getByTestId('set-name')).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });
}
