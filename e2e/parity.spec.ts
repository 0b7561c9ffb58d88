import { expect, test } from './fixtures';
import { referenceLogits } from './support/referenceLogits';

const query = 'what limits the recall of a two-stage retrieval pipeline?';
const docs = [
  'A reranker can only reorder the candidates that the first stage retrieved; anything below the cut is never seen.',
  'Bananas are rich in potassium.',
  // Long enough to be cut at 64 tokens: the truncation path must match too.
  'Dense retrievers encode queries and passages independently. '.repeat(12),
  'BM25 weighs term frequency against document length with the parameters k1 and b.',
  'Cross-encoders read the query and the document together, which is slower but more precise than a bi-encoder.',
];

test('the worker in Chromium gives the same logits as onnxruntime-node (fp32, within 1e-4)', async ({ playground }) => {
  const maxLength = 64;
  const expected = await referenceLogits('test/minilm-l6-random', query, docs, maxLength, { dtype: 'fp32' });

  await playground.query.fill(query);
  await playground.pasteDocuments(docs.join('\n'));
  await playground.useLocalModel('test/minilm-l6-random', { device: 'wasm', dtype: 'fp32' });
  await playground.page.getByLabel('Max tokens').fill(String(maxLength));
  await playground.rerankButton.click();
  const rows = playground.column().rows;
  await expect(rows).toHaveCount(docs.length, { timeout: 30_000 });

  const actual = await rows.evaluateAll((items) =>
    Object.fromEntries(items.map((li) => [li.getAttribute('data-doc-id'), Number(li.getAttribute('data-score'))])),
  );
  docs.forEach((_, i) => {
    const got = actual[`doc_${i + 1}`];
    expect(got, `doc_${i + 1}`).toBeDefined();
    expect(Math.abs((got ?? Number.NaN) - (expected[i] ?? Number.NaN)), `doc_${i + 1}: browser ${got} vs native ${expected[i]}`).toBeLessThan(1e-4);
  });
  // The long document was cut, and the column says so.
  await expect(playground.column().list.locator('[data-doc-id="doc_3"]')).toContainText('truncated');
});
