import { expect, test } from './fixtures';

const seedOrder = ['doc_101', 'doc_205', 'doc_312', 'doc_450'];

test('a first visit shows the seed preset in retriever-score order', async ({ playground }) => {
  await expect(playground.query).toHaveValue('What are the latest advancements in AI for drug discovery?');
  await expect(playground.firstStage).toHaveAccessibleName('First stage: retriever scores');
  await expect(playground.firstStageRows).toHaveCount(4);
  expect(await playground.firstStageIds()).toEqual(seedOrder);
  await expect(playground.firstStageRows.getByTestId('score')).toHaveText(['0.85', '0.72', '0.65', '0.6']);
  await expect(playground.parseSummary).toContainText('4 documents read as JSON');
});

test('switching to BM25 reorders the seed as the hand-worked scores say', async ({ playground }) => {
  // Query terms (lowercased, no stemming, no stopword removal): what are the latest advancements in ai for drug discovery.
  // Document lengths in tokens: doc_101 29, doc_205 25, doc_312 21, doc_450 26; N = 4, avgdl = 101 / 4 = 25.25.
  // idf = ln(1 + (N - n + 0.5) / (n + 0.5)): n=1 -> ln(1 + 3.5/1.5) = 1.2040; n=2 -> ln(2) = 0.6931;
  // n=3 -> ln(1 + 1.5/3.5) = 0.3567; n=4 ("in") -> ln(1 + 0.5/4.5) = 0.1054.
  // weight = idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * dl / 25.25)), k1 = 1.2, b = 0.75:
  // doc_101 (dl 29): are .3362 + in .0993 + for .3362 + drug(tf 2) .9149 + discovery 1.1350 = 2.822
  // doc_450 (dl 26): are .3524 + advancements 1.1895 + in(tf 2) .1437 + ai .6848 + for .3524 = 2.723
  // doc_312 (dl 21): are .3831 + the 1.2930 + in .1132 + drug .7444 = 2.534
  // doc_205 (dl 25): in .1058 + ai(tf 2) .9557 + for .3581 = 1.420
  await playground.chooseFirstStage('BM25');
  await expect(playground.firstStage).toHaveAccessibleName('First stage: BM25');
  await expect(playground.firstStageRows.getByTestId('doc-id')).toHaveText(['doc_101', 'doc_450', 'doc_312', 'doc_205']);
  await expect(playground.firstStageRows.getByTestId('score')).toHaveText(['2.822', '2.723', '2.534', '1.42']);

  // The teaching view: doc_312's score split by query term.
  await playground.page.getByRole('button', { name: /BM25 terms for doc_312/ }).click();
  const terms = playground.page.getByRole('table', { name: 'BM25 terms for doc_312' });
  await expect(terms.getByRole('row', { name: /^the / })).toContainText('1.293');
  await expect(terms.getByRole('row', { name: /^drug / })).toContainText('0.744');
});

test('broken JSON gets an error that names where it broke, and the text stays', async ({ playground }) => {
  const broken = '[\n  {"id": "a", "text": "first"},\n  {"id": "b", "text": "second",}\n]';
  await playground.pasteDocuments(broken);
  await expect(playground.parseIssues).toContainText(/line 3/i);
  await expect(playground.page.getByRole('alert')).toContainText('Your text is unchanged');
  await expect(playground.documents).toHaveValue(broken);
});

test('inputs and settings survive a reload', async ({ playground, page }) => {
  await playground.query.fill('gene therapy');
  await playground.pasteDocuments('gene therapy trial\nweather report\ntherapy for genes');
  await playground.chooseFirstStage('Input order');
  await expect(playground.firstStageRows).toHaveCount(3);
  await page.waitForTimeout(600); // the store writes to localStorage at most every 400 ms
  await page.reload();
  await expect(playground.query).toHaveValue('gene therapy');
  await expect(playground.firstStage).toHaveAccessibleName('First stage: input order');
  expect(await playground.firstStageIds()).toEqual(['doc_1', 'doc_2', 'doc_3']);
});

test('10,000 pasted documents render a page at a time and the page stays usable', async ({ playground, page }) => {
  const words = ['retrieval', 'ranking', 'query', 'document', 'neural', 'sparse', 'dense', 'index', 'score', 'model'];
  const docs = Array.from({ length: 10_000 }, (_, i) =>
    Array.from({ length: 100 }, (_, j) => words[(i * 7 + j * 3 + ((i * j) % 11)) % words.length]).join(' '),
  );
  await playground.pasteFromClipboard(docs.join('\n'));
  await expect(playground.parseSummary).toContainText('10,000 documents read as plain text, one per line');
  await expect(playground.firstStageRows).toHaveCount(100);
  await playground.query.fill('neural ranking');
  await playground.chooseFirstStage('BM25');
  await expect(playground.firstStage).toHaveAccessibleName('First stage: BM25');
  // Still responsive: a click that needs a render comes back promptly.
  const started = Date.now();
  await page.getByRole('button', { name: /Show more/ }).click();
  await expect(playground.firstStageRows).toHaveCount(200);
  expect(Date.now() - started).toBeLessThan(5_000);
});
