import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';

const trecSmall = path.join(import.meta.dirname, 'fixtures', 'trec-small');
const files = ['topics.tsv', 'run.txt', 'qrels.txt', 'collection.tsv'].map((name) => path.join(trecSmall, name));

// The fixture, worked by hand (test/overlap-reranker: query tokens that occur in the document − 0.001 × its tokens):
// 101 "solar panel cost": run d11 (9), d12 (8), d13 (7), d14 (6, no text in the collection).
//   d11 "panels are made of glass" 0 − 0.005; d12 "the cost of a solar panel fell" 3 − 0.007; d13 "solar energy is clean" 1 − 0.004.
//   Reranked: d12, d13, d11. Qrels d11 0, d12 2, d13 1.
//   nDCG@10 first stage: (2/log2 3 + 1/log2 4) / (2 + 1/log2 3) = 1.76186 / 2.63093 = 0.67; reranked: 1.00.
// 102 "river fish species": d21 (5) "fish species in the river" 3 − 0.005; d22 (4) 1 − 0.005. Same order: a tie.
// 103 "bread recipe": no run lines, so no candidates.
// Qrels "999 0 d11 1" names an unknown query, "102 0 dx 1" an unknown document.

test('a TREC query set: import, list, open, step, rerank all, export, reload', async ({ playground }) => {
  const { page } = playground;
  await page.getByLabel('Import query set files').setInputFiles(files);

  const summary = page.getByTestId('import-summary');
  await expect(summary).toContainText('Imported 3 queries');
  await expect(page.getByTestId('queries-without-candidates')).toContainText('1 queries with no candidates');
  await expect(page.getByTestId('run-lines-without-text')).toContainText('1 run lines whose document has no text');
  await expect(page.getByTestId('qrels-unknown-queries')).toContainText('1 qrels for unknown queries');
  await expect(page.getByTestId('qrels-unknown-documents')).toContainText('1 qrels for unknown documents');

  const list = page.getByRole('table', { name: /queries/i });
  await expect(list.getByRole('button', { name: /^Open query/ })).toHaveCount(3);

  // The detail view is today's side-by-side view of the open query; Next steps through the list.
  await list.getByRole('button', { name: 'Open query 101' }).click();
  await expect(page.getByTestId('open-query-text')).toHaveText('solar panel cost');
  await expect(playground.firstStageRows.getByTestId('doc-id')).toHaveText(['d11', 'd12', 'd13']);
  await page.getByRole('button', { name: 'Next query' }).click();
  await expect(page.getByTestId('open-query-text')).toHaveText('river fish species');
  await page.getByRole('button', { name: 'Previous query' }).click();
  await expect(page.getByTestId('open-query-text')).toHaveText('solar panel cost');

  await playground.useLocalModel('test/overlap-reranker');
  await page.getByRole('button', { name: 'Rerank all queries' }).click();
  await expect(page.getByTestId('rerank-all-done')).toBeVisible();
  // 2 queries with candidates in 1 column; 103 has none. Pairs: 3 + 2.
  await expect(page.getByTestId('rerank-all-counts')).toHaveText('2 / 2 queries · 5 / 5 pairs');
  await expect(playground.column().rows.getByTestId('doc-id')).toHaveText(['d12', 'd13', 'd11']);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Run: Reranked: test/overlap-reranker' }).click();
  const run = await readFile(await (await download).path(), 'utf8');
  expect(run.split('\n').filter(Boolean).map((line) => line.split(' ').slice(0, 5).join(' '))).toEqual([
    '101 Q0 d12 1 3',
    '101 Q0 d13 2 2',
    '101 Q0 d11 3 1',
    '102 Q0 d21 1 2',
    '102 Q0 d22 2 1',
  ]);

  // A judgment made here survives a reload, with the set.
  await page.getByLabel('Relevance of d11').first().selectOption('3');
  await page.waitForTimeout(1200); // the set is saved to IndexedDB 600 ms after the last change
  await page.reload();
  await expect(page.getByTestId('set-name')).toBeVisible();
  await expect(page.getByRole('table', { name: /queries/i }).getByRole('button', { name: /^Open query/ })).toHaveCount(3);
  await expect(page.getByTestId('open-query-text')).toHaveText('solar panel cost');
  await expect(page.getByLabel('Relevance of d11').first()).toHaveValue('3');
});

test('the example set opens from the Example menu, and closing it goes back to the paste', async ({ playground }) => {
  const { page } = playground;
  await page.getByLabel('Example').selectOption({ label: 'Workshop set: fifteen queries, where reranking helps, where it hurts' });
  await expect(page.getByTestId('set-name')).toContainText('Workshop set');
  await expect(page.getByRole('table', { name: /queries/i }).getByRole('button', { name: /^Open query/ })).toHaveCount(15);
  await page.getByRole('button', { name: 'Close the set' }).click();
  await expect(playground.query).toBeVisible();
});
