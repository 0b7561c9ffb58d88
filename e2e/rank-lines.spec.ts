import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { PlaygroundPage } from './pages/PlaygroundPage';

// The seed preset, first stage (retriever scores): doc_101, doc_205, doc_312, doc_450.
// test/overlap-reranker (see rerank.spec.ts): doc_450, doc_101, doc_312, doc_205,
// so doc_450 ▲3, doc_101 ▼1, doc_312 =, doc_205 ▼2. Four documents: a move of 3 places is the thickest.
const overlapOrder = ['doc_450', 'doc_101', 'doc_312', 'doc_205'];

/** First stage, the overlap model, and BM25 over the top N, all reranked. */
async function rerankThreeColumns(playground: PlaygroundPage) {
  await playground.useLocalModel('test/overlap-reranker');
  await playground.page.getByRole('button', { name: '+ BM25 over the top N' }).click();
  await playground.rerankButton.click();
  await expect(playground.column(0).rows.getByTestId('doc-id')).toHaveText(overlapOrder);
  await expect(playground.column(1).rows).toHaveCount(4);
  await settled(playground.page);
}

/** Waits for the row slides to end: lines are measured from where rows are drawn, mid-slide included. */
async function settled(page: Page) {
  await page.waitForFunction(() => document.getAnimations().length === 0);
}

const linesIn = (page: Page, gutter: string) => page.locator(`[data-testid="rank-line"][data-gutter="${gutter}"]`);
const rowOf = (list: Locator, docId: string) => list.locator(`[data-doc-id="${docId}"]`);

/** Where a line starts and ends, in viewport pixels. */
function lineEnds(line: Locator) {
  return line.evaluate((path: SVGPathElement) => {
    const svg = (path.ownerSVGElement as SVGSVGElement).getBoundingClientRect();
    const start = path.getPointAtLength(0);
    const end = path.getPointAtLength(path.getTotalLength());
    return { x1: svg.left + start.x, y1: svg.top + start.y, x2: svg.left + end.x, y2: svg.top + end.y };
  });
}

/** The line leaves just right of the left row and ends just left of the right row, within both rows' height. */
async function expectAttached(line: Locator, leftRow: Locator, rightRow: Locator) {
  const ends = await lineEnds(line);
  const left = await leftRow.boundingBox();
  const right = await rightRow.boundingBox();
  if (!left || !right) throw new Error('row not rendered');
  // Lines stop 4 px clear of each list (LINE_GAP).
  expect(Math.abs(ends.x1 - (left.x + left.width + 4))).toBeLessThan(1.5);
  expect(Math.abs(ends.x2 - (right.x - 4))).toBeLessThan(1.5);
  expect(ends.y1).toBeGreaterThan(left.y);
  expect(ends.y1).toBeLessThan(left.y + left.height);
  expect(ends.y2).toBeGreaterThan(right.y);
  expect(ends.y2).toBeLessThan(right.y + right.height);
}

test('lines join each document across the three columns, coloured and sized by its move', async ({ playground, page }) => {
  await rerankThreeColumns(playground);
  await expect(linesIn(page, '0-1')).toHaveCount(4);
  await expect(linesIn(page, '1-2')).toHaveCount(4);

  // First stage -> overlap model; width = 1 + 3 x places / 3.
  const expected = { doc_450: ['up', '4'], doc_205: ['down', '3'], doc_101: ['down', '2'], doc_312: ['same', '1'] };
  for (const [docId, [move, width]] of Object.entries(expected)) {
    const line = linesIn(page, '0-1').and(page.locator(`[data-doc-id="${docId}"]`));
    await expect(line).toHaveAttribute('data-move', move as string);
    await expect(line).toHaveAttribute('stroke-width', width as string);
  }
  await expect(linesIn(page, '0-1').and(page.locator('[data-doc-id="doc_450"]'))).toHaveClass(/stroke-emerald/);
  await expect(linesIn(page, '0-1').and(page.locator('[data-doc-id="doc_205"]'))).toHaveClass(/stroke-rose/);

  // Overlap model -> BM25: whichever way BM25 orders them, each line says where it went.
  const modelOrder = await playground.column(0).rows.getByTestId('doc-id').allTextContents();
  const bm25Order = await playground.column(1).rows.getByTestId('doc-id').allTextContents();
  for (const docId of modelOrder) {
    const climb = modelOrder.indexOf(docId) - bm25Order.indexOf(docId);
    const move = climb > 0 ? 'up' : climb < 0 ? 'down' : 'same';
    await expect(linesIn(page, '1-2').and(page.locator(`[data-doc-id="${docId}"]`))).toHaveAttribute('data-move', move);
  }

  // Decoration only: hidden from screen readers, and the rows under the drawing stay clickable.
  const drawing = page.getByTestId('rank-lines');
  await expect(drawing).toHaveAttribute('aria-hidden', 'true');
  await expect(drawing).toHaveCSS('pointer-events', 'none');
  await playground.column(0).list.getByLabel('Relevance of doc_312').selectOption('2');
  await expect(playground.column(0).list.getByLabel('Relevance of doc_312')).toHaveValue('2');
});

test('lines stay attached when a row expands and when the window resizes', async ({ playground, page }) => {
  await rerankThreeColumns(playground);
  const line = linesIn(page, '0-1').and(page.locator('[data-doc-id="doc_450"]'));
  const firstStageRow = rowOf(playground.firstStage, 'doc_450');
  const rerankedRow = rowOf(playground.column(0).list, 'doc_450');
  await expectAttached(line, firstStageRow, rerankedRow);

  // doc_101 is first in the first stage and long: expanding it pushes doc_450's row down.
  // Within the list: clicking may scroll the page.
  const topInList = () => firstStageRow.evaluate((row) => row.getBoundingClientRect().top - (row.parentElement as HTMLElement).getBoundingClientRect().top);
  const before = await topInList();
  await playground.firstStage.getByRole('button', { name: 'Show all of doc_101' }).click();
  await expect.poll(topInList).toBeGreaterThan(before);
  // The lines are redrawn on the next frame after the resize: retry until then.
  await expect(() => expectAttached(line, firstStageRow, rerankedRow)).toPass();

  await page.setViewportSize({ width: 1900, height: 900 });
  await expect(() => expectAttached(line, firstStageRow, rerankedRow)).toPass();
  await page.setViewportSize({ width: 1000, height: 900 });
  await expect(() => expectAttached(line, firstStageRow, rerankedRow)).toPass();
});

test('hovering or focusing a row highlights its twins in the other columns and its lines', async ({ playground, page }) => {
  await rerankThreeColumns(playground);
  await rowOf(playground.firstStage, 'doc_450').hover();
  for (const list of [playground.firstStage, playground.column(0).list, playground.column(1).list]) {
    await expect(rowOf(list, 'doc_450')).toHaveAttribute('data-highlighted', 'true');
    await expect(rowOf(list, 'doc_101')).not.toHaveAttribute('data-highlighted');
  }
  await expect(page.locator('[data-testid="rank-line"][data-highlighted="true"]')).toHaveCount(2);
  await expect(page.locator('[data-testid="rank-line"][data-highlighted="true"][data-doc-id="doc_450"]')).toHaveCount(2);

  await page.getByRole('heading', { name: 'Rerank Playground' }).hover();
  await expect(page.locator('[data-highlighted="true"]')).toHaveCount(0);

  // From the keyboard: focus inside a row does the same.
  await playground.column(1).list.getByRole('button', { name: 'Show all of doc_205' }).focus();
  await expect(rowOf(playground.firstStage, 'doc_205')).toHaveAttribute('data-highlighted', 'true');
  await expect(rowOf(playground.column(0).list, 'doc_205')).toHaveAttribute('data-highlighted', 'true');
  // Tab goes to the row's own relevance menu: focus is still within the row.
  await page.keyboard.press('Tab');
  await expect(playground.column(1).list.getByLabel('Relevance of doc_205')).toBeFocused();
  await expect(rowOf(playground.firstStage, 'doc_205')).toHaveAttribute('data-highlighted', 'true');
  await playground.query.focus();
  await expect(page.locator('[data-highlighted="true"]')).toHaveCount(0);
});

/** Counts the animation frames in which a row slide runs, from now until the returned function is called. */
async function countSlideFrames(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { slideFrames: number; sampling: boolean };
    w.slideFrames = 0;
    w.sampling = true;
    const tick = () => {
      if (document.getAnimations().some((a) => a.id === 'rank-slide')) w.slideFrames++;
      if (w.sampling) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return () =>
    page.evaluate(() => {
      const w = window as unknown as { slideFrames: number; sampling: boolean };
      w.sampling = false;
      return w.slideFrames;
    });
}

test('rows slide to their new places when the scores arrive', async ({ playground, page }) => {
  await playground.useLocalModel('test/overlap-reranker');
  // Only rows that pass through the window slide (the others just take their places): bring the lists into view.
  await playground.firstStage.scrollIntoViewIfNeeded();
  const stop = await countSlideFrames(page);
  await playground.rerankButton.click();
  await expect(playground.column(0).rows.getByTestId('doc-id')).toHaveText(overlapOrder);
  await settled(page);
  expect(await stop()).toBeGreaterThan(0);
});

test('with reduced motion, rows move at once', async ({ playground, page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await playground.useLocalModel('test/overlap-reranker');
  const stop = await countSlideFrames(page);
  await playground.rerankButton.click();
  await expect(playground.column(0).rows.getByTestId('doc-id')).toHaveText(overlapOrder);
  expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
  expect(await stop()).toBe(0);
  await expect(linesIn(page, '0-1')).toHaveCount(4);
});

test('only rows rendered on both sides get a line (the first 100 of each list)', async ({ playground, page }) => {
  // 150 documents; retriever scores put d149 first, while "apple" counts (what BM25 sees) follow another
  // order, so BM25 over the top 120 lifts some of first-stage ranks 101..120 into its first 100 rows.
  const docs = Array.from({ length: 150 }, (_, i) => ({
    id: `d${String(i).padStart(3, '0')}`,
    text: `${'apple '.repeat(1 + ((i * 37) % 20))}orchard notes number ${i}`,
    score: i / 1000,
  }));
  await playground.query.fill('apple');
  await playground.pasteDocuments(JSON.stringify(docs));
  await page.getByLabel('Rerank the top N').fill('120');
  await page.getByRole('button', { name: '+ BM25 over the top N' }).click();
  await page.getByRole('button', { name: /^Remove the column/ }).first().click();
  await playground.rerankButton.click();
  const column = playground.column(0);
  await expect(column.rows).toHaveCount(100);
  await settled(page);

  const firstStageIds = new Set(await playground.firstStageIds());
  const shownInBoth = (await column.rows.getByTestId('doc-id').allTextContents()).filter((id) => firstStageIds.has(id));
  expect(firstStageIds.size).toBe(100);
  expect(shownInBoth.length).toBeLessThan(100);
  await expect(linesIn(page, '0-1')).toHaveCount(shownInBoth.length);
});
