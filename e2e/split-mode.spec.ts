import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import type { PlaygroundPage } from './pages/PlaygroundPage';

// test/overlap-reranker (scripts/models/overlapModel.mjs): logit = the number of query token positions whose id
// also occurs among the document tokens - 0.001 x the number of document tokens the pair holds.
// Query "zebra lion" = 2 tokens (zebra 29145, lion 7006); "word" is 1 token, "a" 1.
// doc_1 "a zebra": 2 tokens, zebra matches -> 1 - 0.002 = 0.998.
// doc_2 = "word " x 60 + "zebra lion": 62 tokens, the two matching ones at positions 60 and 61.
// Max tokens 32 = [CLS] q [SEP] d [SEP]: 3 special tokens, 2 query tokens, so 27 document tokens fit.
// - Truncate: doc_2 keeps tokens 0..26, all "word": 0 - 0.027 = -0.027, below doc_1.
// - Split, stride (overlap) 8: windows step 27 - 8 = 19: [0,27) [19,46) [38,62), the last 24 tokens long.
//   Windows 1 and 2: -0.027 each; window 3 holds zebra and lion: 2 - 0.024 = 1.976. MaxP: 1.976, above doc_1.
//   Window 3 starts at the 39th "word", character 38 x 5 = 190, and runs to the end (300 + 10 = 310 characters).
const LONG = `${'word '.repeat(60)}zebra lion`;
const WINNING_WINDOW = LONG.slice(190, 310);

async function setUp(playground: PlaygroundPage) {
  await playground.query.fill('zebra lion');
  await playground.pasteDocuments(`a zebra\n${LONG}`);
  await playground.useLocalModel('test/overlap-reranker');
  const maxTokens = playground.page.getByLabel('Max tokens', { exact: true });
  await maxTokens.fill('32');
  await maxTokens.press('Enter');
}

async function rawScores(playground: PlaygroundPage): Promise<number[]> {
  return playground.column().rows.evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-score'))));
}

test('split + MaxP finds the matching words at the end of a long document that truncation never read', async ({ playground, page }) => {
  await setUp(playground);
  const column = playground.column();
  await playground.rerankButton.click();
  await expect(column.rows.getByTestId('doc-id')).toHaveText(['doc_1', 'doc_2']);
  const truncated = await rawScores(playground);
  expect(truncated[0]).toBeCloseTo(0.998, 5);
  expect(truncated[1]).toBeCloseTo(-0.027, 5);
  const longRow = column.rows.filter({ has: page.getByTestId('doc-id').getByText('doc_2', { exact: true }) });
  await expect(longRow.getByTestId('token-budget')).toHaveText('Tokens: query 2 · document 27 of 62 (the rest was cut)');
  await expect(longRow.locator('mark[data-highlight="window"]')).toHaveCount(0);

  await page.getByRole('button', { name: /^Show settings/ }).click();
  await page.getByLabel('Long documents').selectOption('split');
  const stride = page.getByLabel('Stride (overlap)');
  // maxStrideFor(32) = ceil((32 - 4) / 2) - 1 = 13, stated beside the field; the default 128 is brought down to it.
  await expect(stride).toHaveValue('13');
  await expect(page.getByText('0 to 13', { exact: true })).toBeVisible();
  await stride.fill('8');
  await stride.press('Enter');
  await expect(page.getByLabel('Score by')).toHaveValue('max');
  // The setting is part of the run's signature: the old run is out of date.
  await expect(page.getByText("this column's settings changed since this run")).toBeVisible();

  await playground.rerankButton.click();
  await expect(column.rows.getByTestId('doc-id')).toHaveText(['doc_2', 'doc_1']);
  const split = await rawScores(playground);
  expect(split[0]).toBeCloseTo(1.976, 5);
  expect(split[1]).toBeCloseTo(0.998, 5);
  await expect(longRow.getByTestId('token-budget')).toHaveText('Tokens: query 2 · document all 62, in 3 windows');
  await expect(longRow.locator('mark[data-highlight="window"]')).toHaveText(WINNING_WINDOW);
  // The short document is one window: nothing to highlight or list.
  const shortRow = column.rows.filter({ has: page.getByTestId('doc-id').getByText('doc_1', { exact: true }) });
  await expect(shortRow.locator('mark')).toHaveCount(0);
  await expect(shortRow.getByRole('button', { name: /Window scores/ })).toHaveCount(0);

  // Per-window scores on demand.
  await expect(longRow.getByTestId('window-scores')).toHaveCount(0);
  await longRow.getByRole('button', { name: 'Window scores of doc_2' }).click();
  const windowRows = longRow.getByTestId('window-score');
  await expect(windowRows).toHaveCount(3);
  await expect(windowRows.getByTestId('window-logit')).toHaveText(['-0.027', '-0.027', '1.976']);
  // The last window's words: 22 "word" then "zebra lion"; the excerpt keeps the first four and the last four.
  await expect(windowRows.nth(2)).toContainText('Window 3: 1.976 (highlighted)word word word word … word word zebra lion');
  await expect(windowRows.nth(2)).toHaveAttribute('data-winner', 'true');
  await expect(longRow.getByTestId('window-scores')).toContainText('MaxP (best window)');
  await expect(page.getByText('1 of 2 documents were split into 3 windows')).toBeVisible();
});

test('mean and FirstP aggregate the same windows by hand-worked values', async ({ playground, page }) => {
  await setUp(playground);
  await page.getByLabel('Long documents').selectOption('split');
  const stride = page.getByLabel('Stride (overlap)');
  await stride.fill('8');
  await stride.press('Enter');
  await page.getByLabel('Score by').selectOption('mean');
  await playground.rerankButton.click();
  // mean of (-0.027, -0.027, 1.976) = 1.922 / 3 = 0.64067, below doc_1's 0.998
  await expect(playground.column().rows.getByTestId('doc-id')).toHaveText(['doc_1', 'doc_2']);
  expect((await rawScores(playground))[1]).toBeCloseTo(0.64067, 4);
  await page.getByRole('button', { name: /^Show settings/ }).click();
  await page.getByLabel('Score by').selectOption('first');
  await playground.rerankButton.click();
  // FirstP reads only window 1, like truncation: -0.027
  await expect.poll(async () => (await rawScores(playground))[1]).toBeCloseTo(-0.027, 5);
});

test('the long-documents setting survives a reload', async ({ playground, page }) => {
  await setUp(playground);
  await page.getByLabel('Long documents').selectOption('split');
  await page.getByLabel('Score by').selectOption('first');
  // Saving is debounced: wait until the setting is in localStorage.
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => (localStorage.getItem(k) ?? '').includes('"aggregate":"first"')));
  await page.reload();
  await expect(page.getByLabel('Long documents')).toHaveValue('split');
  await expect(page.getByLabel('Score by')).toHaveValue('first');
  await expect(page.getByLabel('Stride (overlap)')).toHaveValue('13');
});

test('axe finds nothing with split mode on and window scores open', async ({ playground, page }) => {
  await setUp(playground);
  await page.getByLabel('Long documents').selectOption('split');
  await playground.rerankButton.click();
  await expect(playground.column().rows).toHaveCount(2);
  await page.getByRole('button', { name: 'Window scores of doc_2' }).click();
  await page.getByRole('button', { name: /^Show settings/ }).click();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  // Screenshots for a person to look at, when asked for: SPLIT_SHOTS=/some/folder.
  const shots = process.env.SPLIT_SHOTS;
  if (shots) {
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 1000 });
      await page.getByTestId('window-scores').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/split-${width}.png`, fullPage: false });
    }
  }
});
