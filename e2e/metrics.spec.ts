import { expect, test } from './fixtures';

// The seed preset judged as in the teaching script: doc_101 highly relevant (3), doc_312 somewhat (1).
// First stage (retriever scores): doc_101, doc_205, doc_312, doc_450.
// Reranked by test/overlap-reranker: doc_450, doc_101, doc_312, doc_205 (see rerank.spec.ts).
// R = 2 judged-relevant documents, k = 10.
// First stage: P@10 = 2/10 = 0.20; Recall@10 = 2/2 = 1.00; RR = 1/1 = 1.00; AP = (1/1 + 2/3) / 2 = 0.83;
//   DCG = 3/log2(2) + 1/log2(4) = 3.5; IDCG = 3/log2(2) + 1/log2(3) = 3.6309; nDCG@10 = 0.96.
// Reranked:    P@10 = 0.20; Recall@10 = 1.00; RR = 1/2 = 0.50; AP = (1/2 + 2/3) / 2 = 0.58;
//   DCG = 3/log2(3) + 1/log2(4) = 1.8928 + 0.5 = 2.3928; nDCG@10 = 2.3928 / 3.6309 = 0.66.
// Kendall's tau: reranked positions of the first-stage order are [2, 4, 3, 1]: 2 concordant, 4 discordant
//   pairs of 6 -> (2 - 4) / 6 = -0.33.

test('judging two seed documents and reranking gives the hand-worked metrics', async ({ playground, page }) => {
  await playground.useLocalModel('test/overlap-reranker');
  await page.getByLabel('Relevance of doc_101').first().selectOption('3');
  await page.getByLabel('Relevance of doc_312').first().selectOption('1');
  const table = page.getByRole('table', { name: 'Metrics' });
  const rows = table.getByTestId('metrics-row');
  await expect(table.getByRole('columnheader')).toHaveText(['Ranking', 'P@10', 'Recall@10', 'MRR', 'AP', 'nDCG@10', 'τ vs first stage']);
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByRole('cell')).toHaveText(['0.20', '1.00', '1.00', '0.83', '0.96', '—']);

  await playground.rerankButton.click();
  await expect(playground.column().rows).toHaveCount(4);
  await expect(rows).toHaveCount(2);
  const reranked = rows.nth(1);
  await expect(reranked.getByRole('rowheader')).toHaveText('Reranked: test/overlap-reranker');
  for (const [metric, value, delta] of [
    ['precision', '0.20', '±0.00'],
    ['recall', '1.00', '±0.00'],
    ['rr', '0.50', '−0.50'],
    ['ap', '0.58', '−0.25'],
    ['ndcg', '0.66', '−0.30'],
  ] as const) {
    await expect(reranked.getByTestId(`metric-${metric}`)).toHaveText(`${value}${delta}`);
  }
  await expect(reranked.getByTestId('kendall-tau')).toHaveText('-0.33');
  // Exponential gain: 2^3 - 1 = 7 and 2^1 - 1 = 1. First stage DCG = 7 + 0.5 = 7.5, IDCG = 7 + 0.6309 = 7.6309 -> 0.98.
  await page.getByLabel('nDCG gain').selectOption('exponential');
  await expect(rows.first().getByTestId('metric-ndcg')).toHaveText('0.98');
  // The summary says what changed, in words.
  await expect(page.getByTestId('change-summary')).toContainText('doc_450');
});

test('judging works from the keyboard alone, and shows in every column', async ({ playground, page }) => {
  await playground.useLocalModel('test/overlap-reranker');
  await playground.rerankButton.click();
  await expect(playground.column().rows).toHaveCount(4);
  const control = page.getByLabel('Relevance of doc_205').first();
  await control.focus();
  await page.keyboard.press('2'); // type-ahead picks "2 relevant"
  await expect(control).toHaveValue('2');
  const twin = playground.column().list.getByLabel('Relevance of doc_205');
  await expect(twin).toHaveValue('2');
  await twin.focus();
  await page.keyboard.press('ArrowDown'); // 2 -> 3
  await expect(control).toHaveValue('3');
  await expect(page.getByTestId('judged-count')).toHaveText('1 judged, 1 relevant (grade ≥ 1)');
});

test('with no relevant judgments the metrics read n/a, not 0', async ({ playground, page }) => {
  await expect(playground.firstStageRows).toHaveCount(4);
  await page.getByLabel('Relevance of doc_205').first().selectOption('0');
  await expect(page.getByRole('table', { name: 'Metrics' }).getByTestId('metrics-row').first().getByRole('cell')).toHaveText(['n/a', 'n/a', 'n/a', 'n/a', 'n/a', '—']);
});

test('a relevant document below the top-N cut raises the recall-ceiling message', async ({ playground, page }) => {
  await page.getByLabel('Rerank the top N').fill('2');
  await page.getByLabel('Rerank the top N').press('Enter');
  await page.getByLabel('Relevance of doc_101').first().selectOption('3');
  await page.getByLabel('Relevance of doc_450').first().selectOption('2');
  await expect(page.getByTestId('top-n-cut')).toBeVisible();
  // Relevant: doc_101 (rank 1, inside the top 2) and doc_450 (rank 4, below the cut). Within the top 2 the best
  // Recall@2 is 1 / 2; Recall@10 also counts ranks 3–4, shown in first-stage order, so doc_450 counts: 2 / 2.
  await expect(page.getByTestId('recall-ceiling')).toHaveText(
    'Relevant documents below the top-2 cut, which the reranker never sees: doc_450 (first-stage rank 4). Within the top 2 the reranker can reach Recall@2 = 0.50 at best; Recall@10 also counts ranks 3–4 in first-stage order, so the best it can reach is 1.00. Raise N, or improve the first stage.',
  );
  await page.getByLabel('Rerank the top N').fill('4');
  await page.getByLabel('Rerank the top N').press('Enter');
  await expect(page.getByTestId('recall-ceiling')).toHaveCount(0);
  await expect(playground.query).toBeVisible();
});

test('judgments persist per query', async ({ playground, page }) => {
  await page.getByLabel('Relevance of doc_312').first().selectOption('2');
  await page.waitForTimeout(600); // the store writes to localStorage at most every 400 ms
  await page.reload();
  await expect(page.getByLabel('Relevance of doc_312').first()).toHaveValue('2');
  const seedQuery = await playground.query.inputValue();
  await playground.query.fill('another question');
  await expect(page.getByLabel('Relevance of doc_312').first()).toHaveValue('');
  await playground.query.fill(seedQuery);
  await expect(page.getByLabel('Relevance of doc_312').first()).toHaveValue('2');
});

test('qrels import keeps the good lines and lists the ones it could not use; export writes TREC lines', async ({ playground, page }) => {
  await expect(playground.firstStageRows).toHaveCount(4);
  const qrels = ['1 0 doc_101 3', '1 0 doc_999 2', '1 0 doc_205 x', 'broken line', '1 0 doc_450 1'].join('\n');
  await page.getByLabel('Import judgments as TREC qrels').setInputFiles({ name: 'qrels.txt', mimeType: 'text/plain', buffer: Buffer.from(qrels) });
  await expect(page.getByText('Imported 2 judgments from qrels.txt.')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Could not use 3 lines' })).toContainText('line 2');
  await expect(page.getByLabel('Relevance of doc_101').first()).toHaveValue('3');
  await expect(page.getByLabel('Relevance of doc_450').first()).toHaveValue('1');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export qrels' }).click();
  const file = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of file) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).toString('utf8')).toBe('1 0 doc_101 3\n1 0 doc_450 1\n');
});

test('in the top-N preset the recall-ceiling notice and the metrics table agree', async ({ playground, page }) => {
  await page.getByLabel('Example').selectOption({ label: 'The top-N cut: a reranker cannot rescue what it never sees' });
  // The preset's own defaults: N = 5 and k = 5, as its lesson says.
  await expect(page.getByLabel('Rerank the top N')).toHaveValue('5');
  await playground.useLocalModel('test/overlap-reranker');
  await playground.rerankButton.click();
  await expect(playground.column().rows).toHaveCount(5);
  await expect(page.getByTestId('recall-ceiling')).toContainText('The best Recall@5 any reordering of the top 5 can reach is 0.25.');
  const reranked = page.getByRole('table', { name: 'Metrics' }).getByRole('row').filter({ hasText: 'Reranked: test/overlap-reranker' });
  await expect(reranked.getByTestId('metric-recall')).toHaveText(/^0\.25/);
});
