/**
 * Query-set benchmarks, in the built app in Chromium, timed in the page:
 * (a) importing a BEIR set (5,000 documents, 300 queries, BM25 top 100 over the corpus for every query):
 *     from the file input's change event to the first frame that shows the query list; the longest main-thread task;
 * (b) one judgment change in a 1,000-query x 100-candidate set with judgments and two rankings: the main thread
 *     from the change event to the frame after the store update, and until the significance table shows the change;
 * (c) rerank all, 300 queries x top 20 with test/minilm-l6-random (q8): pairs/s against single queries of the
 *     same set, and the longest main-thread task while it runs.
 */
import type { Page } from '@playwright/test';
import { probes, withBenchBrowser } from './bench-browser';
import { bench } from './bench-config';
import { type BenchSection, formatMs, median, printTable } from './harness';
import { mainThreadBudget, type ChangeTiming, type ProbedWindow } from './page-probes';
import { uniqueQueryIds, writeBeirSet, writeJudgedQueryJsonl } from './query-set-files';
import { UiRerank } from './ui-rerank';

const sizes = bench.sets;
const LIST_ROW = 'button[aria-label^="Open query"]';
const SIGNIFICANCE_TABLE = 'table:has([data-testid="significance-row"])';

/** A fresh page (a first visit: empty storage) for `task`, closed after it. */
async function withPage<T>(task: (page: Page) => Promise<T>): Promise<T> {
  return withBenchBrowser(async (browser) => {
    const page = await browser.newPage();
    try {
      return await task(page);
    } finally {
      await page.context().close();
    }
  });
}

/** Imports `files` and returns the page-clock time from the change event to the frame showing the list. */
async function importSet(page: Page, files: string[], queries: number, topK?: number): Promise<{ ms: number; from: number; to: number }> {
  if (topK !== undefined) {
    const field = page.getByLabel(/BM25 over the corpus keeps the top/);
    await field.fill(String(topK));
    await field.press('Enter');
  }
  const shown = page.evaluate((selector) => (window as unknown as ProbedWindow).bench.frameWhen(selector, ''), LIST_ROW);
  await page.getByLabel('Import query set files').setInputFiles(files);
  const to = await shown;
  const from = (await probes(page)).changes.filter((c) => c.label === 'Import query set files').at(-1)?.at ?? Number.NaN;
  const counts = (await page.getByTestId('set-counts').textContent()) ?? '';
  if (!counts.startsWith(`${queries.toLocaleString('en-US')} queries`)) throw new Error(`query sets: expected ${queries} queries, the app shows "${counts}"`);
  return { ms: to - from, from, to };
}

/**
 * Opens query `id` through the list's search box. The search matches ids and texts by substring, so pick ids that
 * no other id contains (uniqueQueryIds); the list itself is virtual and may be sorted by anything.
 */
async function openQuery(page: Page, id: string): Promise<void> {
  const search = page.getByRole('searchbox');
  await search.fill(id);
  await page.getByRole('button', { name: `Open query ${id}`, exact: true }).click();
  await search.fill('');
}

const budgetCells = (b: ReturnType<typeof mainThreadBudget>): string[] => [b.count === 0 ? '< 50 (none)' : formatMs(b.longestMs), formatMs(b.blockingMs), String(b.count)];

export const beirImportSection: BenchSection = {
  name: `query sets (a): BEIR import, ${sizes.beir.docs} documents, ${sizes.beir.queries} queries, BM25 top ${sizes.beir.topK}`,
  async run() {
    const set = writeBeirSet(sizes.beir);
    console.log(`files in ${set.dir}; ~${sizes.beir.wordsPerDoc} words a document; ${sizes.beir.repeats} imports, each in a fresh page`);
    const rows: string[][] = [];
    const totals: number[] = [];
    for (let i = 0; i < sizes.beir.repeats; i++) {
      await withPage(async (page) => {
        const timing = await importSet(page, set.files, set.queries, sizes.beir.topK);
        const budget = mainThreadBudget((await probes(page)).longTasks, timing.from, timing.to);
        totals.push(timing.ms);
        rows.push([String(i + 1), formatMs(timing.ms), ...budgetCells(budget)]);
      });
    }
    printTable(['import', 'change to list shown (ms)', 'longest task (ms)', 'blocking (ms)', 'long tasks'], rows);
    console.log(`median: ${formatMs(median(totals))} ms to the query list`);
  },
};

export const judgmentChangeSection: BenchSection = {
  name: `query sets (b): one judgment change, ${sizes.judged.queries} queries x ${sizes.judged.candidates} candidates, aggregate + significance`,
  async run() {
    const file = writeJudgedQueryJsonl(sizes.judged);
    await withPage(async (page) => {
      await importSet(page, [file], sizes.judged.queries);
      // Two complete rankings: the supplied scores (first stage) and BM25 over the top N, for every query.
      await page.getByRole('button', { name: '+ BM25 over the top N' }).click();
      await page.getByRole('button', { name: /^Remove the column/ }).first().click();
      await page.getByRole('button', { name: 'Rerank all queries' }).click();
      await page.getByTestId('rerank-all-done').waitFor({ timeout: 600_000 });
      // The first query is open after the import; change the judgment of its top first-stage document.
      const judgment = page.getByRole('list', { name: /^First stage/ }).getByTestId('judgment').first();
      await page.locator(SIGNIFICANCE_TABLE).first().waitFor();
      const rows: string[][] = [];
      const timings: ChangeTiming[] = [];
      for (let i = 0; i < sizes.judged.changes; i++) {
        const watch = page.evaluate((selector) => (window as unknown as ProbedWindow).bench.watchNextChange(selector), SIGNIFICANCE_TABLE);
        await judgment.selectOption((await judgment.inputValue()) === '3' ? '0' : '3');
        const t = await watch;
        const end = Number.isNaN(t.updated) ? t.painted : t.updated;
        // The set is saved 600 ms after the last change: wait past it, so the next change starts idle, and time it.
        await page.waitForTimeout(1_500);
        const tasks = (await probes(page)).longTasks;
        const budget = mainThreadBudget(tasks, t.change - 1, end);
        const after = mainThreadBudget(tasks, end + 1, end + 1_500);
        timings.push(t);
        rows.push([String(i + 1), formatMs(t.frame - t.change), formatMs(t.painted - t.change), Number.isNaN(t.updated) ? 'no text change' : formatMs(t.updated - t.change), ...budgetCells(budget), budgetCells(after)[0] ?? '']);
      }
      printTable(['change', 'to next frame (ms)', 'to after paint (ms)', 'to significance table updated (ms)', 'longest task (ms)', 'blocking (ms)', 'long tasks', 'longest task in the next 1.5 s (save)'], rows);
      console.log('The aggregate and the randomization test are computed on the main thread in the change\'s task, so "to next frame" covers them.');
      const m = (pick: (t: ChangeTiming) => number) => formatMs(median(timings.map(pick).filter(Number.isFinite)));
      console.log(`median: next frame ${m((t) => t.frame - t.change)} ms, after paint ${m((t) => t.painted - t.change)} ms, significance table updated ${m((t) => t.updated - t.change)} ms`);
    });
  },
};

export const rerankAllSection: BenchSection = {
  name: `query sets (c): rerank all, ${sizes.beir.queries} queries x top ${sizes.rerankAll.topN}, test/minilm-l6-random q8`,
  async run() {
    const set = writeBeirSet(sizes.beir);
    const { topN, singleQueries } = sizes.rerankAll;
    await withPage(async (page) => {
      await importSet(page, set.files, set.queries, sizes.beir.topK);
      await page.getByLabel('Rerank the top N').fill(String(topN));
      const ui = new UiRerank(page);
      await ui.showSettings();
      await ui.app.useLocalModel('test/minilm-l6-random', { device: 'wasm', dtype: 'q8' });
      await page.getByLabel('Max tokens').fill('512');
      await ui.app.column().batch.fill(String(bench.batchSize));

      // Single queries, each one not scored before (the score cache would answer a second time without the model):
      // the first loads the model, the next are timed like the UI side of the cross-encoder bench.
      const single: number[] = [];
      const ids = uniqueQueryIds(set.queries, singleQueries + 1);
      for (const [q, id] of ids.entries()) {
        await openQuery(page, id);
        const before = (await probes(page)).done.length;
        await ui.app.rerankButton.click();
        await page.waitForFunction((n) => (window as unknown as ProbedWindow).bench.done.length > n, before, { timeout: 600_000, polling: 100 });
        const recorded = await probes(page);
        const click = recorded.clicks.filter((c) => c.label === 'Rerank').at(-1)?.at ?? Number.NaN;
        if (q > 0) single.push((topN / ((recorded.done.at(-1)?.at ?? Number.NaN) - click)) * 1000);
      }

      const pairsBefore = (await probes(page)).partialPairs;
      const done = page.evaluate(() => (window as unknown as ProbedWindow).bench.frameWhen('[data-testid="rerank-all-done"]', ''));
      await page.getByRole('button', { name: 'Rerank all queries' }).click();
      const to = await done;
      const recorded = await probes(page);
      const from = recorded.clicks.filter((c) => c.label === 'Rerank all queries').at(-1)?.at ?? Number.NaN;
      const fresh = recorded.partialPairs - pairsBefore;
      const rate = (fresh / (to - from)) * 1000;
      const budget = mainThreadBudget(recorded.longTasks, from, to);
      printTable(
        ['run', 'pairs scored', 'seconds', 'pairs/s', 'vs single query', 'longest task (ms)', 'blocking (ms)', 'long tasks'],
        [
          ['single query (median)', `${topN} x ${single.length}`, '', median(single).toFixed(2), '1.00', '', '', ''],
          ['rerank all', String(fresh), ((to - from) / 1000).toFixed(1), rate.toFixed(2), (rate / median(single)).toFixed(2), ...budgetCells(budget)],
        ],
      );
      console.log(`single queries (pairs/s): ${single.map((v) => v.toFixed(1)).join(' ')}; rerank all skips their ${topN * (singleQueries + 1)} cached pairs`);
    });
  },
};
