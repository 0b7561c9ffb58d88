import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { PlaygroundPage } from './pages/PlaygroundPage';

// "Why this score?" through the real worker, transformers.js and onnxruntime-web, with test/overlap-reranker:
// logit = (query token positions whose id occurs in the document) - 0.001 x (document tokens).
// Query "cheap flights to paris": 4 WordPiece tokens, cheap | flights | to | paris.
// __proto__: book cheap flights from london to paris , today . = 10 tokens, 4 matched -> 4 - 0.010 = 3.990.
//   Every word is one token. Leaving out a matched word: 3 - 0.009 = 2.991, effect 3.990 - 2.991 = +0.999
//   (exactly 1 for the match, minus 0.001 for the one token that also went). Any other word: 4 - 0.009 = 3.991,
//   effect -0.001 (the length penalty of its one token). The comma and full stop are no words: never left out.
// constructor: the train to rome is cheap and fast ; cheap flights cost more . = 14 tokens, 3 matched
//   (cheap, flights, to) -> 3 - 0.014 = 2.986. "cheap" occurs twice: leaving out either copy keeps the match
//   through the other, so both copies get -0.001, like every unmatched word; to and flights get +0.999.
const QUERY = 'cheap flights to paris';
const DOCS = [
  { id: '__proto__', text: 'Book cheap flights from London to Paris, today.' },
  { id: 'constructor', text: 'The train to Rome is cheap and fast; cheap flights cost more.' },
  { id: 'toString', text: 'Museums in Rome open late.' },
];
const MATCHED = 1 - 0.001;
const UNMATCHED = -0.001;
const EXPECTED_A: [string, number][] = [
  ['Book', UNMATCHED],
  ['cheap', MATCHED],
  ['flights', MATCHED],
  ['from', UNMATCHED],
  ['London', UNMATCHED],
  ['to', MATCHED],
  ['Paris', MATCHED],
  ['today', UNMATCHED],
];
const EXPECTED_B: [string, number][] = [
  ['The', UNMATCHED],
  ['train', UNMATCHED],
  ['to', MATCHED],
  ['Rome', UNMATCHED],
  ['is', UNMATCHED],
  ['cheap', UNMATCHED],
  ['and', UNMATCHED],
  ['fast', UNMATCHED],
  ['cheap', UNMATCHED],
  ['flights', MATCHED],
  ['cost', UNMATCHED],
  ['more', UNMATCHED],
];

const SHOTS = '/tmp/shots-h2';

async function rerankWithOverlap(playground: PlaygroundPage) {
  await playground.query.fill(QUERY);
  await playground.pasteDocuments(JSON.stringify(DOCS));
  await playground.useLocalModel('test/overlap-reranker');
  await playground.rerankButton.click();
  await expect(playground.column().rows.getByTestId('score')).toHaveText(['3.99', '2.986', '-0.006']);
}

function whyDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: /^Why this score\?/ });
}

/** Each unit of a heat map with its effect as the app computed it (full precision, from data attributes). */
async function unitEffects(section: Locator): Promise<[string, number][]> {
  await expect(section.getByTestId('why-heatmap')).toBeVisible();
  return section.getByTestId('why-unit').evaluateAll((units) => units.map((u) => [(u as HTMLElement).dataset.unit ?? '', Number((u as HTMLElement).dataset.effect)] as [string, number]));
}

/** float32 logits: each is exact to about 1e-7, so an effect is within 1e-5 of the hand-worked value. */
function expectEffects(actual: [string, number][], expected: [string, number][]) {
  expect(actual.map(([word]) => word)).toEqual(expected.map(([word]) => word));
  actual.forEach(([word, effect], i) => expect(effect, word).toBeCloseTo(expected[i]?.[1] ?? Number.NaN, 5));
}

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
}

test('each overlapping word raises the logit by exactly 1 (less its token), every other word by -0.001', async ({ playground, page }) => {
  await rerankWithOverlap(playground);
  const opener = page.getByRole('button', { name: 'Why this score? of __proto__' });
  await opener.click();
  const dialog = whyDialog(page);
  await expect(dialog).toBeVisible();
  const a = dialog.getByRole('region', { name: 'A: __proto__' });
  expectEffects(await unitEffects(a), EXPECTED_A);
  await expect(a.getByTestId('why-status')).toContainText('Full text: 3.99 raw logit. 8 words left out one at a time');
  // Top words: the four matches (+0.999, by position), then the unmatched ones (-0.001).
  const top = a.getByTestId('why-top').getByRole('row');
  await expect(top.nth(1)).toContainText('cheap');
  await expect(top.nth(1)).toContainText('+0.999');
  await expect(top.nth(4)).toContainText('Paris');
  await expect(top.nth(5)).toContainText('−0.001');
  expect(await axeViolations(page)).toEqual([]);
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/why-a-${width}.png` });
  }
  // Esc closes the dialog and gives the focus back to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test('Why did A beat B? shows both maps side by side, B chosen from the same column', async ({ playground, page }) => {
  await rerankWithOverlap(playground);
  await page.getByRole('button', { name: 'Why this score? of __proto__' }).click();
  const dialog = whyDialog(page);
  expectEffects(await unitEffects(dialog.getByRole('region', { name: 'A: __proto__' })), EXPECTED_A);
  await dialog.getByLabel('Why did A beat B? Compare with').selectOption('constructor');
  const b = dialog.getByRole('region', { name: 'B: constructor' });
  expectEffects(await unitEffects(b), EXPECTED_B);
  // 3.990 - 2.986 = 1.004
  await expect(dialog.getByTestId('why-versus')).toContainText('A beats B by 1.004 raw logit');
  await expect(dialog.getByTestId('why-heatmap')).toHaveCount(2);
  expect(await axeViolations(page)).toEqual([]);
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/why-ab-${width}.png`, fullPage: false });
  }
});

/** About 200 words in sentences of 20: the bench's document for occlusion timing. */
function twoHundredWords(): string {
  const vocabulary = 'rerankers read the query and the passage together then score how well each passage answers what was asked'.split(' ');
  const words = Array.from({ length: 200 }, (_, i) => vocabulary[i % vocabulary.length] ?? 'word');
  return words.map((w, i) => (i % 20 === 19 ? `${w}.` : w)).join(' ');
}

async function rerankLongWithMinilm(playground: PlaygroundPage, batch: string) {
  await playground.query.fill('how do rerankers score passages');
  await playground.pasteDocuments(JSON.stringify([{ id: 'long', text: twoHundredWords() }, { id: 'short', text: 'a short passage' }]));
  await playground.useLocalModel('test/minilm-l6-random');
  await playground.column().batch.fill(batch);
  await playground.rerankButton.click();
  await expect(playground.column().rows).toHaveCount(2, { timeout: 90_000 }); // a 90 MB model to load, on shared cores
}

test('a running occlusion can be cancelled, and then run again', async ({ playground, page }) => {
  test.setTimeout(180_000);
  await rerankLongWithMinilm(playground, '1');
  await page.getByRole('button', { name: 'Why this score? of long' }).click();
  const dialog = whyDialog(page);
  const progress = dialog.getByRole('progressbar', { name: 'Scoring the variants of long' });
  // One text per batch: wait until the first batch is in, so the cancel lands half-way.
  await expect(progress).toHaveAttribute('aria-valuenow', /^[1-9]/, { timeout: 30_000 });
  await expect(progress).toHaveAttribute('aria-valuemax', '201');
  await page.setViewportSize({ width: 390, height: 900 });
  await page.screenshot({ path: `${SHOTS}/why-progress-390.png` });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByTestId('why-message')).toContainText('Cancelled.');
  await expect(dialog.getByTestId('why-heatmap')).toHaveCount(0);
  await expect(progress).toHaveCount(0);
  // The model is free again: the column reranks as before.
  await page.keyboard.press('Escape');
  await playground.rerankButton.click();
  await expect(playground.column().rows).toHaveCount(2);
  await expect(page.getByTestId('timings')).toBeVisible();
});
