import AxeBuilder from '@axe-core/playwright';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';

const shotDir = process.env.SHOT_DIR ?? 'test-results/query-terms';

/** The words a row marks as query terms. */
function markedTerms(row: Locator): Promise<string[]> {
  return row.locator('mark[data-highlight~="term"]').allTextContents();
}

test('query terms are highlighted after stemming and stopwords, in both columns, and the toggle survives a reload', async ({ playground }) => {
  const { page } = playground;
  await page.getByLabel('Example').selectOption({ label: 'Keyword stuffing fools BM25' });
  await expect(playground.firstStageRows).toHaveCount(12);
  await page.getByLabel('English stemming (Porter)').check();
  await page.getByLabel('Drop English stopwords').check();
  const toggle = page.getByLabel('Highlight query terms');
  const row06 = playground.firstStageRows.filter({ has: page.getByText('stuff_06', { exact: true }) });
  // Off by default: no marks.
  await expect(row06.locator('mark')).toHaveCount(0);
  await toggle.check();

  // Query "best running shoes for flat feet", stemmed: {best, run, shoe, flat, feet}; "for" is a stopword.
  // stuff_06: "... for people with fallen arches; bring the shoes you run in ..." -> "shoes" (shoe) and "run" (stem of running).
  await expect.poll(() => markedTerms(row06)).toEqual(['shoes', 'run']);
  // stuff_01 starts "Best running shoes for flat feet!": every word but the stopword "for" is marked.
  const row01 = playground.firstStageRows.filter({ has: page.getByText('stuff_01', { exact: true }) });
  const marked01 = await markedTerms(row01);
  expect(marked01.slice(0, 5)).toEqual(['Best', 'running', 'shoes', 'flat', 'feet']);
  expect(marked01.map((w) => w.toLowerCase())).not.toContain('for');
  // The mark is bold and underlined, not colour alone.
  const firstMark = row01.locator('mark').first();
  await expect(firstMark).toHaveCSS('font-weight', '600');
  await expect(firstMark).toHaveCSS('text-decoration-line', 'underline');

  // Without stemming, "run" is no form of "running" any more; keeping stopwords marks "for".
  await page.getByLabel('English stemming (Porter)').uncheck();
  await expect.poll(() => markedTerms(row06)).toEqual(['shoes']);
  await page.getByLabel('Drop English stopwords').uncheck();
  await expect.poll(() => markedTerms(row06)).toEqual(['for', 'shoes']);
  await page.getByLabel('English stemming (Porter)').check();
  await page.getByLabel('Drop English stopwords').check();

  // The reranked column marks the same words.
  await playground.useLocalModel('test/overlap-reranker');
  await playground.rerankButton.click();
  await expect(playground.column().rows).toHaveCount(12);
  const reranked06 = playground.column().rows.filter({ has: page.getByText('stuff_06', { exact: true }) });
  await expect.poll(() => markedTerms(reranked06)).toEqual(['shoes', 'run']);

  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 1100 });
    // The toggle at the top of the view, the rows below it.
    await toggle.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${shotDir}/query-terms-${width}.png` });
  }

  // Saved with the other settings: a reload keeps it on (the save is debounced, so wait for it).
  await expect.poll(() => page.evaluate(() => Object.values(localStorage).some((v) => v.includes('"highlightQueryTerms":true')))).toBe(true);
  await page.reload();
  await expect(page.getByLabel('Highlight query terms')).toBeChecked();
  await expect.poll(() => markedTerms(row06)).toEqual(['shoes', 'run']);
});

test('the vocabulary-mismatch answer shows no query term at all', async ({ playground }) => {
  const { page } = playground;
  await page.getByLabel('Example').selectOption({ label: 'Vocabulary mismatch: the answer shares no words with the question' });
  await page.getByLabel('Highlight query terms').check();
  const row = (id: string) => playground.firstStageRows.filter({ has: page.getByText(id, { exact: true }) });
  // cool_04 "Laptop overheating is usually dust ..." shares "Laptop" and "overheating"; cool_10 shares nothing.
  await expect.poll(() => markedTerms(row('cool_04'))).toEqual(['Laptop', 'overheating']);
  await expect(row('cool_10').locator('mark')).toHaveCount(0);
});
