import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const OLD = 'test/overlap-reranker';
const NEW = 'test/minilm-l6-random';
const SHOTS = process.env.RUN_TITLE_SHOTS; // a folder: screenshots of the stale heading are saved there when set

async function svgExport(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Comparison as SVG' }).click();
  return readFile(await (await download).path(), 'utf8');
}

test('a model switched after a run: the heading names the new model, the notice, metrics and export the old one', async ({ playground, page }) => {
  await playground.useLocalModel(OLD);
  await playground.rerankButton.click();
  await expect(playground.column().rows).toHaveCount(4);
  await expect(page.getByTestId('out-of-date')).toHaveCount(0);

  await page.getByRole('button', { name: 'Show settings' }).click(); // folded away once a run is done
  await playground.column().model.fill(NEW);
  await playground.column().model.blur();
  const column = playground.column();
  await expect(column.heading).toHaveText(`Reranked: ${NEW}`);
  // One notice, right under the heading, naming the model the scores on screen came from.
  await expect(page.getByTestId('out-of-date')).toHaveCount(1);
  await expect(page.getByTestId('out-of-date')).toHaveText(`Scores shown are from ${OLD} — out of date: this column's settings changed since this run. Press Rerank to update.`);
  await expect(column.list).toHaveAccessibleName(`Reranked: ${OLD}`);
  await expect(page.getByRole('table', { name: 'Metrics' }).getByRole('rowheader', { name: `Reranked: ${OLD}` })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Metrics' }).getByRole('rowheader', { name: `Reranked: ${NEW}` })).toHaveCount(0);
  const svg = await svgExport(page);
  expect(svg).toContain(`Reranked: ${OLD} (out of date)`);
  expect(svg).not.toContain(`Reranked: ${NEW}`);

  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
  if (SHOTS) {
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await column.heading.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/stale-heading-${width}.png` });
    }
    await page.setViewportSize({ width: 1280, height: 720 });
  }

  // Rerank: the scores are the new model's, and nothing is out of date.
  await playground.rerankButton.click();
  await expect(column.list).toHaveAccessibleName(`Reranked: ${NEW}`);
  await expect(page.getByTestId('out-of-date')).toHaveCount(0);
});

test('a BM25 column is out of date once a BM25 setting changes, and names the setting its scores had', async ({ playground, page }) => {
  await page.getByRole('button', { name: '+ BM25 over the top N' }).click();
  const others = page.getByRole('button', { name: /^Remove the column (?!BM25)/ });
  while ((await others.count()) > 0) await others.first().click();
  await playground.rerankButton.click();
  await expect(playground.column().rows.first()).toBeVisible();
  await expect(page.getByTestId('out-of-date')).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Drop English stopwords' }).check();
  await expect(page.getByTestId('out-of-date')).toContainText('Scores shown are from BM25 over the top N (earlier settings: stopwords kept) — out of date');
  await page.getByRole('checkbox', { name: 'Drop English stopwords' }).uncheck();
  await expect(page.getByTestId('out-of-date')).toHaveCount(0);
});
