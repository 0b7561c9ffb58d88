import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import type { PlaygroundPage } from './pages/PlaygroundPage';

/*
 * An LLM-reranker column through the real worker, transformers.js (AutoModelForCausalLM) and onnxruntime-web,
 * on test/tiny-causal-reranker (scripts/models/causalLmModel.mjs). At the prompt's last token its
 * yes − no = the number of document words that also occur in the query, once the template's "</think>" has been
 * read (before it: −4), so P(yes) = softmax([yes, no])[0] = 1 / (1 + e^−matches). Words are lower-cased; words
 * outside its 24-word vocabulary are <unk> and never count.
 *
 * Query "cat dog". Prompt length with the tiny tokenizer: prefix 35 tokens (system line, "yes"/"no" and the
 * rest as <unk>), head 15 (<Instruct>:, the 13 words and comma of the default instruction, <Query>:), query 2,
 * middle 1 (<Document>:), suffix 5 (<|im_end|> <|im_start|> assistant <think> </think>): 58 + the document.
 *   __proto__    "the cat saw a cat and a fish"  2 matches  1 / (1 + e^-2) = 0.8807970780
 *   constructor  "Dog dog DOG cat"               4 matches  1 / (1 + e^-4) = 0.9820137900
 *   toString     "tea and water"                 0 matches  1 / 2          = 0.5
 *   long         "cat", 20 x "filler", "cat cat cat": 24 tokens, 4 matches whole. Max tokens 70 leaves
 *                70 − 58 = 12 for it: "cat" + 11 fillers, 1 match: 1 / (1 + e^-1) = 0.7310585786. Had the
 *                suffix been cut instead, yes − no = −4: 1 / (1 + e^4) = 0.0179862100; had nothing been cut, 0.982.
 */
const DOCS = [
  { id: '__proto__', text: 'the cat saw a cat and a fish' },
  { id: 'constructor', text: 'Dog dog DOG cat' },
  { id: 'toString', text: 'tea and water' },
  { id: 'long', text: `cat ${'filler '.repeat(20)}cat cat cat` },
];

async function setUp(playground: PlaygroundPage) {
  await playground.query.fill('cat dog');
  await playground.pasteDocuments(DOCS.map((d) => JSON.stringify(d)).join('\n'));
  await playground.chooseFirstStage('Input order');
  await playground.useLocalModel('test/tiny-causal-reranker', { dtype: 'q8' });
  const maxTokens = playground.page.getByLabel('Max tokens', { exact: true });
  await maxTokens.fill('70');
  await maxTokens.press('Enter');
}

test('an LLM-reranker column scores P(yes) as worked by hand, and a cut document keeps its suffix', async ({ playground, page }) => {
  await setUp(playground);
  await playground.rerankButton.click();
  const column = playground.column();
  await expect(column.rows.getByTestId('doc-id')).toHaveText(['constructor', '__proto__', 'long', 'toString']);
  const scores = await column.rows.evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-score'))));
  expect(scores[0]).toBeCloseTo(0.98201379, 6);
  expect(scores[1]).toBeCloseTo(0.880797078, 6);
  expect(scores[2]).toBeCloseTo(0.731058579, 6); // cut to 12 document tokens, suffix intact
  expect(scores[3]).toBeCloseTo(0.5, 6);
  const longRow = column.rows.filter({ has: page.getByTestId('doc-id').getByText('long', { exact: true }) });
  await expect(longRow.getByText('truncated', { exact: true })).toBeVisible();
  await expect(column.rows.getByText('truncated', { exact: true })).toHaveCount(1);
  await expect(page.getByTestId('timings')).toContainText('WASM · q8');
  mkdirSync('/tmp/shots-h6', { recursive: true });
  await page.screenshot({ path: '/tmp/shots-h6/llm-column-1440.png', fullPage: true });
});

test('the settings of an LLM reranker show its download size, a time estimate and WebGPU advice, and pass axe', async ({ playground, page }) => {
  mkdirSync('/tmp/shots-h6', { recursive: true });
  const column = playground.column();
  await column.model.fill('onnx-community/Qwen3-Reranker-0.6B-ONNX');
  await column.device.selectOption('wasm');
  await column.precision.selectOption('q8');
  const notice = page.getByTestId('llm-cost');
  // 1,220 MB: 9,760 Mbit / 50 = 195 s = 3 min; / 10 = 976 s = 16 min. 2 x 440M x 300 / 63.6 GFLOP/s = 4.15 s per
  // document; the default top 50: 207.5 s = 3 min.
  await expect(notice).toContainText('Download: about 1.2 GB (q8)');
  await expect(notice).toContainText('about 3 min at 50 Mbit/s, 16 min at 10 Mbit/s');
  await expect(notice).toContainText('about 4 s per document, so about 3 min for the top 50');
  await expect(notice).toContainText('WebGPU is recommended');
  const violations = async (include?: string): Promise<string[]> => {
    const builder = new AxeBuilder({ page });
    const results = await (include ? builder.include(include) : builder).analyze();
    return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  };
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await notice.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/shots-h6/llm-settings-${width}.png` });
    // At 390 px the whole page has one finding that predates this panel (the columns' scroll strip is not
    // focusable: scrollable-region-focusable), so there the column's settings are checked on their own.
    expect(await violations(width === 1440 ? undefined : '[data-testid="llm-cost"]')).toEqual([]);
  }
  // No fp32 file for the web: the notice says which precision to choose.
  await column.precision.selectOption('fp32');
  await expect(notice).toContainText('No fp32 build of this model: choose Precision q8.');
});

test('the same column switches from the LLM reranker to a cross-encoder and back in one worker', async ({ playground }) => {
  await setUp(playground);
  await playground.rerankButton.click();
  const column = playground.column();
  await expect(column.rows.getByTestId('doc-id')).toHaveText(['constructor', '__proto__', 'long', 'toString']);
  // test/overlap-reranker (BERT WordPiece): logit = query token positions found in the document − 0.001 x document
  // tokens. "cat dog": __proto__ has cat (1) in 8 tokens: 0.992; constructor has both (2) in 4: 1.996; toString
  // none in 3: −0.003; long: "filler" is fill ##er, so 1 + 40 + 3 = 44 tokens, within 70 − 3 − 2 = 65, cat found (1): 0.956.
  const showSettings = playground.page.getByRole('button', { name: /^Show settings/ }); // settings fold away after a run
  await showSettings.click();
  await playground.useLocalModel('test/overlap-reranker');
  await playground.rerankButton.click();
  // Both models give the same order, so the order alone cannot tell the new run from the old one: wait for its scores.
  const scores = () => column.rows.evaluateAll((rows) => rows.map((r) => Math.round(Number(r.getAttribute('data-score')) * 1000) / 1000));
  await expect.poll(scores, { timeout: 30_000 }).toEqual([1.996, 0.992, 0.956, -0.003]);
  await expect(column.rows.getByTestId('doc-id')).toHaveText(['constructor', '__proto__', 'long', 'toString']);
  await showSettings.click();
  await playground.useLocalModel('test/tiny-causal-reranker', { dtype: 'q8' });
  await playground.rerankButton.click();
  await expect.poll(async () => Math.abs(((await scores())[2] ?? 0) - 0.731), { timeout: 30_000 }).toBeLessThan(0.001);
  await expect(column.rows.getByTestId('doc-id')).toHaveText(['constructor', '__proto__', 'long', 'toString']);
  const again = await column.rows.evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-score'))));
  expect(again[2]).toBeCloseTo(0.731058579, 6);
});
