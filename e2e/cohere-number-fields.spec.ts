import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { CohereColumn } from './pages/CohereColumn';

const SHOTS = '/tmp/shots-fields';

async function violations(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
}

test('Cohere number fields keep the draft, refuse out-of-range values by name, and Escape restores', async ({ playground }) => {
  const { page } = playground;
  const cohere = new CohereColumn(page);
  await cohere.addAlone();
  const concurrent = cohere.settings.getByLabel('Concurrent calls');

  // Cleared and retyped: "20" stays 20, not 120 or 4096-then-20.
  await cohere.maxTokens.fill('');
  await cohere.maxTokens.pressSequentially('20');
  await expect(cohere.maxTokens).toHaveValue('20');
  await cohere.maxTokens.press('Enter');
  await expect(cohere.maxTokens).toHaveAttribute('aria-invalid', 'false');

  // 100,000 is refused on commit, with the field named; Escape brings back the value in force.
  await cohere.maxTokens.fill('100000');
  await cohere.maxTokens.press('Enter');
  await expect(cohere.maxTokens).toHaveAttribute('aria-invalid', 'true');
  await expect(cohere.settings.getByText('Max tokens per document must be a whole number from 1 to 32,768. "100000" is above 32,768.')).toBeVisible();
  await cohere.maxTokens.press('Escape');
  await expect(cohere.maxTokens).toHaveValue('20');
  await expect(cohere.maxTokens).toHaveAttribute('aria-invalid', 'false');

  await cohere.timeout.fill('0.05');
  await cohere.timeout.blur();
  await expect(cohere.settings.getByText('Timeout in seconds must be a number from 0.1 to 600. "0.05" is below 0.1.')).toBeVisible();
  await concurrent.fill('2.5');
  await concurrent.press('Enter');
  await expect(cohere.settings.getByText('Concurrent calls must be a whole number from 1 to 16. "2.5" is not a whole number.')).toBeVisible();

  // Bounds stated beside each field, read with it.
  await expect(cohere.maxTokens).toHaveAccessibleDescription(/1 to 32,768/);
  await expect(cohere.timeout).toHaveAccessibleDescription(/0\.1 to 600/);
  await expect(concurrent).toHaveAccessibleDescription(/1 to 16/);

  await page.setViewportSize({ width: 1440, height: 1000 });
  await cohere.settings.screenshot({ path: `${SHOTS}/cohere-settings-1440-errors.png` });
  expect(await violations(page, '[role="group"][aria-label="Rerank API settings"]')).toEqual([]);
  await page.setViewportSize({ width: 390, height: 900 });
  await cohere.settings.scrollIntoViewIfNeeded();
  await cohere.settings.screenshot({ path: `${SHOTS}/cohere-settings-390-errors.png` });
  expect(await violations(page, '[role="group"][aria-label="Rerank API settings"]')).toEqual([]);

  // Fixed values commit; the panel shows no messages.
  await cohere.timeout.fill('0.5');
  await cohere.timeout.press('Enter');
  await concurrent.fill('8');
  await concurrent.press('Enter');
  await expect(cohere.settings.locator('[aria-invalid="true"]')).toHaveCount(0);
  await cohere.settings.screenshot({ path: `${SHOTS}/cohere-settings-390.png` });
  await page.setViewportSize({ width: 1440, height: 1000 });
  await cohere.settings.screenshot({ path: `${SHOTS}/cohere-settings-1440.png` });
  await page.screenshot({ path: `${SHOTS}/page-1440.png` });
  expect(await violations(page, '[role="group"][aria-label="Rerank API settings"]')).toEqual([]);
});

test('the corpus top K field refuses 0 by name and Escape restores it', async ({ playground }) => {
  const { page } = playground;
  const topK = page.getByLabel(/BM25 over the corpus keeps the top/);
  const before = await topK.inputValue();
  await topK.fill('0');
  await topK.press('Enter');
  await expect(page.getByText('Documents kept per query must be a whole number from 1 to 1,000. "0" is below 1.')).toBeVisible();
  await topK.press('Escape');
  await expect(topK).toHaveValue(before);
  await expect(topK).toHaveAccessibleDescription('1 to 1,000');
  await page.getByTestId('set-drop-zone').screenshot({ path: `${SHOTS}/set-drop-zone-1440.png` });
});
