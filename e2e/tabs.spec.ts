import path from 'node:path';
import { expect, test, type BrowserContext } from '@playwright/test';
import { PlaygroundPage } from './pages/PlaygroundPage';

const trecSmall = path.join(import.meta.dirname, 'fixtures', 'trec-small');
const files = ['topics.tsv', 'run.txt', 'qrels.txt', 'collection.tsv'].map((name) => path.join(trecSmall, name));

/** A second tab of the app: same context, so the same localStorage, IndexedDB and BroadcastChannels. */
async function openTab(context: BrowserContext): Promise<PlaygroundPage> {
  const tab = new PlaygroundPage(await context.newPage());
  await tab.goto();
  return tab;
}

async function setTopN(tab: PlaygroundPage, value: string) {
  const topN = tab.page.getByLabel('Rerank the top N');
  await topN.fill(value);
  await topN.press('Enter');
}

test('two tabs with a set open: a Top N change in one keeps the judgments of both, across a reload of both', async ({ context }) => {
  // The bug: tab B read tab A's save (which holds no set judgments) as "no set judgments", saved that to
  // IndexedDB and told tab A, so both lost the marks.
  const a = await openTab(context);
  await a.page.getByLabel('Import query set files').setInputFiles(files);
  await expect(a.page.getByTestId('import-summary')).toContainText('Imported 3 queries');
  await a.page.getByRole('table', { name: /queries/i }).getByRole('button', { name: 'Open query 101' }).click();
  await a.page.getByLabel('Relevance of d11').first().selectOption('3');
  await a.page.waitForTimeout(1200); // the set is saved to IndexedDB 600 ms after the last change

  const b = await openTab(context);
  await expect(b.page.getByTestId('set-name')).toBeVisible();
  await expect(b.page.getByLabel('Relevance of d11').first()).toHaveValue('3');

  await setTopN(a, '5');
  await expect(b.page.getByLabel('Rerank the top N')).toHaveValue('5');
  await b.page.waitForTimeout(1500); // past the set's save delay (600 ms) and the other tab's reload of it
  await expect(b.page.getByLabel('Relevance of d11').first()).toHaveValue('3');
  await expect(a.page.getByLabel('Relevance of d11').first()).toHaveValue('3');

  await a.page.reload();
  await b.page.reload();
  for (const tab of [a, b]) {
    await expect(tab.page.getByTestId('set-name')).toBeVisible();
    await expect(tab.page.getByLabel('Relevance of d11').first()).toHaveValue('3');
    await expect(tab.page.getByLabel('Rerank the top N')).toHaveValue('5');
  }
});

/** Lines of 99 characters and a newline: 12,000 make 1,199,999 characters ("1.2 million"), over the 1,000,000 where the text leaves the textarea. */
const largePaste = (count: number, word: string) => Array.from({ length: count }, (_, i) => `doc ${String(i).padStart(5, '0')} ${word.repeat(5)}`.padEnd(99, '.')).join('\n');

test('two tabs and a large paste: a Top N change loses it in neither, and a new paste shows in the other tab', async ({ context }) => {
  // The bug: tab B put the save's placeholder ('') on screen and forgot the IndexedDB copy; both lost the documents on reload.
  const a = await openTab(context);
  await a.pasteFromClipboard(largePaste(12_000, 'about reranking '));
  await expect(a.page.getByTestId('large-input')).toContainText('1.2 million characters');
  await a.page.waitForTimeout(1500); // the worker's IndexedDB copy, and the 400 ms localStorage save

  const b = await openTab(context);
  await expect(b.page.getByTestId('large-input')).toContainText('1.2 million characters');
  await setTopN(a, '7');
  await expect(b.page.getByLabel('Rerank the top N')).toHaveValue('7');
  await b.page.waitForTimeout(1000);
  await expect(b.page.getByTestId('large-input')).toContainText('1.2 million characters');

  // A new large paste there is announced on its own channel: its save holds only a placeholder.
  await a.page.getByRole('button', { name: 'Clear' }).click();
  await a.pasteFromClipboard(largePaste(13_000, 'two tabs sync '));
  await expect(a.page.getByTestId('large-input')).toContainText('1.3 million characters');
  await expect(b.page.getByTestId('large-input')).toContainText('1.3 million characters');
  await expect(b.page.getByLabel('Start of the documents')).toContainText('two tabs sync');

  await a.page.waitForTimeout(1000);
  await a.page.reload();
  await b.page.reload();
  for (const tab of [a, b]) {
    await expect(tab.page.getByTestId('large-input')).toContainText('1.3 million characters');
    await expect(tab.page.getByLabel('Rerank the top N')).toHaveValue('7');
  }
});
