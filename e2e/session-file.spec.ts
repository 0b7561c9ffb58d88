import { writeFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { sampleSetSetup } from '../src/core/share/sampleSetups';
import { writeSessionFile } from '../src/core/share/sessionFile';
import type { SharedSetup } from '../src/core/share/types';

const fileInput = (page: import('@playwright/test').Page) => page.getByLabel('Session file to open');

/** A set of `queries` queries with 100 candidates of 100 words each, written by the app's own writer. */
function largeSessionFile(queries: number): string {
  const base = sampleSetSetup();
  const documents = new Map<string, string>();
  const set = base.querySet?.set;
  if (!set || !base.querySet) throw new Error('the sample has a set');
  const built = [];
  for (let q = 0; q < queries; q += 1) {
    const candidates = [];
    for (let c = 0; c < 100; c += 1) {
      const docId = c === 0 ? `__proto__${q}` : `d${q}_${c}`;
      documents.set(docId, Array.from({ length: 100 }, (_, w) => `word${(q * 7 + c * 3 + w) % 500}`).join(' '));
      candidates.push({ docId, score: 100 - c });
    }
    built.push({ id: q === 0 ? 'constructor' : `q${q}`, text: `query number ${q}`, candidates, judgments: new Map([[`d${q}_1`, 2]]) });
  }
  const setup: SharedSetup = { ...base, querySet: { set: { ...set, name: 'Large set', queries: built, documents }, marks: new Map(), openQueryId: null }, columns: base.columns.map((c) => ({ ...c, runs: [] })) };
  const written = writeSessionFile(setup, { includeScores: false, secrets: [] });
  if (!written.ok) throw new Error(written.error.message);
  return written.value;
}

test('a saved session file opens again over other work, after asking', async ({ playground, page }, testInfo) => {
  await playground.query.fill('saved query about vaccines');
  await playground.pasteDocuments('vaccines teach immune cells\nbananas are yellow');
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save session file…' }).click();
  const saved = testInfo.outputPath('saved.rerank.json');
  await (await download).saveAs(saved);

  await playground.query.fill('work in progress');
  await page.waitForTimeout(600); // the query reaches the store 400 ms after the last change
  await fileInput(page).setInputFiles(saved);
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.getByRole('button', { name: 'Open it' }).click();
  await expect(playground.query).toHaveValue('saved query about vaccines');
  await expect(page.getByTestId('parse-summary')).toContainText('2 documents');
  await expect(page.getByText('Opened "saved.rerank.json". Your earlier work is kept')).toBeVisible();
});

test('a damaged session file gets the reader’s message, and nothing here changes', async ({ playground, page }) => {
  await playground.query.fill('keep me');
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await fileInput(page).setInputFiles({ name: 'broken.rerank.json', mimeType: 'application/json', buffer: Buffer.from('{"app": "rerank-playground", "version": 1}') });
  await expect(page.getByRole('alert')).toHaveText(
    /The file "broken\.rerank\.json" holds a setup that is not valid: at paste, a required field is missing \(expected object\)\. Choose the file again, or ask for a new copy\. Nothing here was changed\./,
  );
  await expect(playground.query).toHaveValue('keep me');
});

test('a 25 MB session file is read in the worker: the page keeps answering while it is read', async ({ playground, page }, testInfo) => {
  test.setTimeout(120_000);
  const path = testInfo.outputPath('large.rerank.json');
  const text = largeSessionFile(300);
  writeFileSync(path, text);
  await expect(playground.query).toBeVisible();
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  // From the file's change event to the "Opened" notice: the long tasks, and the longest gap between beats of a
  // 20 ms heartbeat (the longest the page froze), overall and while "Reading" shows (the worker reads; the page
  // has nothing to do). Measured in the page, so that no polling by the test runs on its thread meanwhile.
  const measured = page.evaluate(
    () =>
      new Promise<{ took: number; longTasks: number[]; longestGap: number; readingBeats: number; readingGap: number }>((resolve) => {
        const longTasks: number[] = [];
        let start = -1;
        let last = 0;
        let longestGap = 0;
        let readingBeats = 0;
        let readingGap = 0;
        new PerformanceObserver((list) => list.getEntries().forEach((e) => e.startTime >= start && start >= 0 && longTasks.push(Math.round(e.duration)))).observe({ type: 'longtask' });
        document.addEventListener('change', () => ((start = performance.now()), (last = start)), { capture: true, once: true });
        const beat = setInterval(() => {
          if (start < 0) return;
          const now = performance.now();
          const gap = now - last;
          longestGap = Math.max(longestGap, gap);
          last = now;
          const notice = document.querySelector('[role="status"] > p')?.textContent ?? '';
          if (notice.startsWith('Reading')) {
            readingBeats += 1;
            readingGap = Math.max(readingGap, gap);
          }
          if (notice.startsWith('Opened')) {
            clearInterval(beat);
            resolve({ took: Math.round(now - start), longTasks, longestGap: Math.round(longestGap), readingBeats, readingGap: Math.round(readingGap) });
          }
        }, 20);
      }),
  );
  await fileInput(page).setInputFiles(path);
  const { took, longTasks, longestGap, readingBeats, readingGap } = await measured;
  console.log(
    `file ${(text.length / 1e6).toFixed(1)} MB, opened in ${took} ms; long tasks ${JSON.stringify(longTasks)}; longest heartbeat gap ${longestGap} ms; ${readingBeats} beats while reading, longest gap then ${readingGap} ms`,
  );
  // Reading on the page's thread (the old way) shows no "Reading" notice and beats not at all meanwhile.
  expect(readingBeats).toBeGreaterThan(2);
  expect(readingGap).toBeLessThan(400);
  await expect(page.getByText('query number 0').first()).toBeVisible();
});
