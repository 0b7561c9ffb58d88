import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Dense retrieval over a BEIR corpus imported without a run, on the generated test/bi-encoder
 * (test-models/README.md; worked as in e2e/dense-first-stage.spec.ts). bert-base-uncased ids: dog 3899 → bucket 1,
 * canine 28735 → 1, cat 4937 → 3, pet 9004 → 3, moon 4231 → 4; mean pooling, normalized.
 *
 * Query "cat dog" → (e1 + e3) / √2. Cosines over the whole corpus:
 *   exact "cat cat dog" 5 / √26 = 0.980581, __proto__ "moon" 0, partial "dog moon" 0.5, paraphrase "pet canine" 1.
 * BM25 over the corpus (N 4, avgdl 2) matches only exact 2.02682 and partial 0.69315: with K = 2 the import keeps
 * exact, partial; paraphrase shares no word with the query and is not retrieved.
 * Dense top 2 over the corpus: paraphrase (1), exact (0.9806). The candidates become BM25's 2 ∪ dense's 2 =
 * exact, partial, paraphrase, and Dense orders them paraphrase 1, exact 0.9806, partial 0.5.
 * Texts to embed: 4 documents + 2 queries, but query "moon" is the same text as document __proto__ (no prefixes): 5.
 */
const corpus = [
  { _id: 'exact', title: '', text: 'cat cat dog' },
  { _id: '__proto__', title: '', text: 'moon' },
  { _id: 'partial', title: '', text: 'dog moon' },
  { _id: 'paraphrase', title: '', text: 'pet canine' },
]
  .map((d) => JSON.stringify(d))
  .join('\n');
const queries = [
  { _id: 'q1', text: 'cat dog' },
  { _id: 'constructor', text: 'moon' },
]
  .map((q) => JSON.stringify(q))
  .join('\n');

const file = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

async function violations(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
}

async function settled(page: Page): Promise<void> {
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
}

test('Dense retrieves from the whole corpus of a set imported without a run', async ({ playground }) => {
  test.setTimeout(120_000);
  const { page } = playground;
  const topK = page.getByLabel(/BM25 over the corpus keeps the top/);
  await topK.fill('2');
  await topK.press('Enter');
  await page.getByLabel('Import query set files').setInputFiles([file('corpus.jsonl', corpus), file('queries.jsonl', queries)]);
  await expect(page.getByTestId('import-summary')).toContainText('Imported 2 queries');

  // BM25's top 2 from the import: paraphrase is not among them.
  await expect(page.getByTestId('open-query-text')).toHaveText('cat dog');
  await expect(playground.firstStageRows.getByTestId('doc-id')).toHaveText(['exact', 'partial']);

  await page.getByRole('radio', { name: 'Dense', exact: true }).check();
  await page.getByLabel('Embedding model').fill('test/bi-encoder');
  await page.getByLabel('Embedding device').selectOption('wasm');
  await page.getByLabel('Embedding precision').selectOption('fp32');
  await expect(page.getByTestId('dense-missing')).toHaveText('5 texts to embed with test/bi-encoder, the whole corpus and every query.');
  await page.getByRole('button', { name: 'Embed', exact: true }).click();
  await expect(page.getByTestId('dense-missing')).toHaveText('Embeddings ready (test/bi-encoder).', { timeout: 60_000 });

  await expect(playground.firstStageRows.getByTestId('doc-id')).toHaveText(['paraphrase', 'exact', 'partial']);
  await expect(playground.firstStageRows.getByTestId('score')).toHaveText(['1', '0.9806', '0.5']);

  await page.setViewportSize({ width: 1440, height: 1000 });
  await settled(page);
  await page.screenshot({ path: '/tmp/shots-h9/dense-corpus-1440.png', fullPage: true });
  expect(await violations(page, 'main')).toEqual([]);
  await page.setViewportSize({ width: 390, height: 900 });
  await settled(page);
  await page.screenshot({ path: '/tmp/shots-h9/dense-corpus-390.png', fullPage: true });
  const firstStageColumn = page.getByTestId('dense-run').locator('..');
  await firstStageColumn.screenshot({ path: '/tmp/shots-h9/dense-corpus-390-first-stage.png' });
  // At 390 px the set's wide tables scroll sideways (scrollable-region-focusable, not this feature's): checked apart.
  expect(await violations(page, '[data-testid="dense-run"]')).toEqual([]);
  expect(await violations(page, 'main ol, main ul')).toEqual([]);

  // Hybrid fuses BM25 and dense over the same union; no new embedding or retrieval is needed.
  // BM25 over the union's texts matches exact and partial only (paraphrase shares no word), so with RRF k 60:
  //   exact 1/61 + 1/62 = 0.032522, partial 1/62 + 1/63 = 0.032002, paraphrase 1/61 = 0.016393.
  await page.getByRole('radio', { name: 'Hybrid', exact: true }).check();
  await expect(page.getByTestId('dense-missing')).toHaveText('Embeddings ready (test/bi-encoder).');
  await expect(playground.firstStageRows.getByTestId('doc-id')).toHaveText(['exact', 'partial', 'paraphrase']);

  // Back to BM25: its own top 2 still lead; dense's extra document follows.
  await page.getByRole('radio', { name: 'BM25', exact: true }).check();
  await expect(playground.firstStageRows.getByTestId('doc-id').first()).toHaveText('exact');
  await expect(playground.firstStageRows.getByTestId('doc-id').nth(1)).toHaveText('partial');
});
