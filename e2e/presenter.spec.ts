import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';

// A projector: 1280×720, where the page showed two rows per list and 62% of its text was 12 px (issue 9).
test.use({ viewport: { width: 1280, height: 720 } });

/** Screenshots to look at: into $PRESENTER_SHOTS when set (e.g. /tmp), else beside the test's other output. */
async function shot(page: Page, testInfo: TestInfo, name: string) {
  const path = join(process.env.PRESENTER_SHOTS ?? testInfo.outputDir, `presenter-${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Every piece of text a person can see in presenter mode that is drawn under 20 px, with its size. */
function textUnder20px(page: Page): Promise<string[]> {
  return page.locator('[data-presenter]').evaluate((root) => {
    const small: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const element = node.parentElement;
      if (text === '' || !element || !element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const box = element.getBoundingClientRect();
      // Screen-reader-only text is clipped to a 1 px box: nobody sees it.
      if (box.width <= 1 || box.height <= 1) continue;
      // SVG text is drawn at its font size times the drawing's scale.
      const scale = element instanceof SVGElement && element.ownerSVGElement ? (element.ownerSVGElement.getScreenCTM()?.a ?? 1) : 1;
      const size = parseFloat(getComputedStyle(element).fontSize) * scale;
      if (size < 20) small.push(`${size.toFixed(1)}px "${text.slice(0, 40)}"`);
    }
    return small;
  });
}

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
}

test('presenter mode steps through the first stage, the reranked order, the lines and the metrics from the keyboard', async ({ playground }, testInfo) => {
  const { page } = playground;
  await playground.useLocalModel('test/overlap-reranker');
  await playground.rerankButton.click();
  const column = playground.column();
  await expect(column.rows).toHaveCount(4);

  await page.getByRole('button', { name: 'Present', exact: true }).click();
  const step = page.getByTestId('presenter-step');
  const lines = page.getByTestId('rank-lines');
  const metrics = page.getByRole('region', { name: 'Metrics', exact: true });
  // The inputs are gone; the query stays in view.
  await expect(playground.query).toHaveCount(0);
  await expect(playground.documents).toHaveCount(0);
  await expect(page.getByTestId('presenter-query')).toContainText('AI for drug discovery', { ignoreCase: true });
  await expect(page).toHaveURL(/#present$/);

  // Step 1: the first stage alone.
  await expect(step).toHaveText('Step 1 of 4: the first stage');
  await expect(playground.firstStageRows.getByTestId('doc-id')).toHaveText(['doc_101', 'doc_205', 'doc_312', 'doc_450']);
  // Hidden, not removed: the column keeps its place, so nothing moves when it appears.
  const rerankedColumn = page.locator('[data-compare-column="1"]');
  await expect(rerankedColumn).toHaveCount(1);
  await expect(rerankedColumn).toBeHidden();
  await expect(lines).toHaveCount(1);
  await expect(lines).toBeHidden();
  await expect(metrics).toHaveCount(0);
  expect(await textUnder20px(page)).toEqual([]);
  await shot(page, testInfo, '1-first-stage');

  // Step 2: the reranked order, without the lines.
  await page.keyboard.press('ArrowRight');
  await expect(step).toHaveText('Step 2 of 4: the reranked order');
  await expect(rerankedColumn).toBeVisible();
  await expect(column.rows.getByTestId('doc-id')).toHaveText(['doc_450', 'doc_101', 'doc_312', 'doc_205']);
  await expect(lines).toBeHidden();
  await shot(page, testInfo, '2-reranked');

  // Step 3: the lines.
  await page.keyboard.press('Space');
  await expect(step).toHaveText('Step 3 of 4: the lines between the columns');
  await expect(lines).toBeVisible();
  await expect(lines.getByTestId('rank-line')).toHaveCount(4);
  await shot(page, testInfo, '3-lines');

  // Step 4: the metrics. On a paste it is the last step: Next stays there.
  await page.keyboard.press('PageDown');
  await expect(step).toHaveText('Step 4 of 4: the metrics');
  await expect(metrics).toBeVisible();
  await expect(metrics.getByRole('table').first()).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(step).toHaveText('Step 4 of 4: the metrics');
  await shot(page, testInfo, '4-metrics');
  expect(await textUnder20px(page)).toEqual([]);
  expect(await axeViolations(page)).toEqual([]);

  // Hovering a document highlights it strongly in both columns, and its line.
  await page.evaluate(() => window.scrollTo({ top: 0 }));
  await playground.firstStageRows.filter({ hasText: 'doc_450' }).hover();
  const twin = column.rows.filter({ hasText: 'doc_450' });
  await expect(twin).toHaveAttribute('data-highlighted', 'true');
  await expect(twin).toHaveCSS('outline-width', '4px');
  await expect(lines.locator('[data-doc-id="doc_450"]')).toHaveCSS('stroke-width', '8px');
  expect(await axeViolations(page)).toEqual([]);
  await shot(page, testInfo, '5-highlight');
  // Keyboard focus in a row does the same (the mouse leaves first: it wins over focus).
  await page.mouse.move(1270, 700);
  await playground.firstStageRows.filter({ hasText: 'doc_205' }).getByTestId('judgment').focus();
  await expect(column.rows.filter({ hasText: 'doc_205' })).toHaveAttribute('data-highlighted', 'true');
  // Keys in a field are the field's: Escape there does not leave.
  await page.keyboard.press('Escape');
  await expect(step).toBeVisible();

  // Back from the page itself, then Esc leaves, takes the flag out of the address, and hands focus to the toggle.
  await page.locator('[data-presenter]').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(step).toHaveText('Step 3 of 4: the lines between the columns');
  await expect(metrics).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(playground.query).toBeVisible();
  await expect(page).not.toHaveURL(/present/);
  await expect(page.getByRole('button', { name: 'Present', exact: true })).toBeFocused();
});

test('#present and ?present=1 open presenter mode, beside other fragment parameters, and Esc takes the flag out', async ({ playground }) => {
  const { page } = playground;
  await page.goto('/#present&keep=1');
  await expect(page.getByTestId('presenter-step')).toHaveText('Step 1 of 4: the first stage');
  await page.keyboard.press('Escape');
  await expect(playground.query).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#keep=1');

  await page.goto('/?present=1');
  await expect(page.getByTestId('presenter-step')).toBeVisible();
  // The Leave button does what Esc does.
  await page.getByRole('button', { name: 'Leave presenter mode' }).click();
  await expect(playground.query).toBeVisible();
  expect(new URL(page.url()).search).toBe('');
});

test('on a set, Next after the metrics opens the next query at the first stage, and Back returns to its metrics', async ({ playground }, testInfo) => {
  const { page } = playground;
  await page.getByLabel('Example').selectOption({ label: 'Workshop set: fifteen queries, where reranking helps, where it hurts' });
  await expect(page.getByTestId('set-name')).toContainText('Workshop set');
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  const step = page.getByTestId('presenter-step');
  const openQuery = page.getByTestId('open-query-text');
  await expect(step).toContainText(', 1 of 15. Step 1 of 4: the first stage');
  const firstQuery = await openQuery.textContent();
  await shot(page, testInfo, '6-set-first-stage');

  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(step).toContainText(', 1 of 15. Step 4 of 4: the metrics');
  await page.keyboard.press('ArrowRight');
  await expect(step).toContainText(', 2 of 15. Step 1 of 4: the first stage');
  await expect(openQuery).not.toHaveText(firstQuery ?? '');
  await expect(page.getByRole('region', { name: 'Metrics', exact: true })).toHaveCount(0);

  await page.keyboard.press('ArrowLeft');
  await expect(step).toContainText(', 1 of 15. Step 4 of 4: the metrics');
  await expect(openQuery).toHaveText(firstQuery ?? '');
  // The navigator's own Next opens the next query from its first stage.
  await page.getByRole('button', { name: 'Next query' }).click();
  await expect(step).toContainText(', 2 of 15. Step 1 of 4: the first stage');
  expect(await textUnder20px(page)).toEqual([]);
});
