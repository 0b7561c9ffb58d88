import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Download } from '@playwright/test';
import { splitRecords } from '../src/core/parse/csvRecords';
import { expect, test } from './fixtures';

/**
 * The app's exported run and qrels, given to trec_eval, reproduce the app's per-query metrics, and the app's
 * means are the means of trec_eval's per-query values over the queries the app includes.
 * trec_eval is not a package on npm or Debian, so it runs where it is installed: set TREC_EVAL to its path.
 */
const trecEval = process.env.TREC_EVAL;
const measures = { 'P_10': 'P@10', 'recall_10': 'Recall@10', recip_rank: 'RR', map: 'AP', ndcg_cut_10: 'nDCG@10' } as const;

async function saved(download: Promise<Download>, dir: string, name: string): Promise<string> {
  const file = path.join(dir, name);
  await (await download).saveAs(file);
  return file;
}

test('trec_eval reproduces the per-query metrics of the exported run', async ({ playground }) => {
  test.skip(!trecEval || !existsSync(trecEval), 'skipped because trec_eval is not installed here (it is on neither npm nor Debian): set TREC_EVAL to its binary (built from usnistgov/trec_eval) to run this check');
  const { page } = playground;
  await page.getByLabel('Example').selectOption({ label: 'Workshop set: fifteen queries, where reranking helps, where it hurts' });
  await playground.useLocalModel('test/overlap-reranker');
  await page.getByRole('button', { name: 'Rerank all queries' }).click();
  await expect(page.getByTestId('rerank-all-done')).toBeVisible();

  const dir = await mkdtemp(path.join(tmpdir(), 'trec-eval-'));
  const runDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Run: Reranked: test/overlap-reranker' }).click();
  const run = await saved(runDownload, dir, 'run.txt');
  const qrelsDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Qrels (all queries)' }).click();
  const qrels = await saved(qrelsDownload, dir, 'qrels.txt');
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Per-query metrics (CSV)' }).click();
  const csv = await readFile(await saved(csvDownload, dir, 'metrics.csv'), 'utf8');

  const args = ['-q', ...Object.keys(measures).flatMap((m) => ['-m', m.replace(/_(\d+)$/, '.$1')]), qrels, run];
  const output = execFileSync(trecEval as string, args, { encoding: 'utf8' });
  await writeFile(path.join(dir, 'trec_eval.txt'), output);
  const theirs = new Map<string, number>();
  for (const line of output.trim().split('\n')) {
    const [measure, qid, value] = line.trim().split(/\s+/);
    if (measure && qid && value) theirs.set(`${qid}\u0000${measure}`, Number(value));
  }

  const [header, ...rows] = splitRecords(csv, ',');
  const column = (name: string) => header?.cells.indexOf(name) ?? -1;
  const ours = rows.filter((r) => r.cells[column('ranker')] === 'Reranked: test/overlap-reranker');
  expect(ours.length).toBe(15);
  let compared = 0;
  const perMeasure = new Map<string, number[]>();
  for (const row of ours) {
    const qid = row.cells[column('query_id')] ?? '';
    for (const [measure, label] of Object.entries(measures)) {
      const cell = row.cells[column(label)] ?? '';
      if (cell === '') continue; // no relevant judgment: the app leaves the query out; trec_eval counts it as 0
      const expected = theirs.get(`${qid}\u0000${measure}`);
      expect(expected, `${qid} ${measure}`).toBeDefined();
      expect(Number(cell)).toBeCloseTo(expected ?? NaN, 4); // trec_eval prints 4 decimals
      perMeasure.set(measure, [...(perMeasure.get(measure) ?? []), expected ?? 0]);
      compared += 1;
    }
  }
  expect(compared).toBeGreaterThan(50);
  // The app's mean nDCG@10 for the column equals the mean of trec_eval's per-query values over the same queries.
  const ndcg = perMeasure.get('ndcg_cut_10') ?? [];
  const mean = ndcg.reduce((a, b) => a + b, 0) / ndcg.length;
  await expect(page.getByTestId('aggregate-row').nth(1).getByTestId('aggregate-ndcg').locator('.font-mono')).toHaveText(mean.toFixed(2));
});
