/**
 * Model-backed features at scale, in the built app in Chromium with test/minilm-l6-random (q8, as users run it):
 * (d) "Why this score?": leave-one-out occlusion of a 200-word document (201 texts: the original and one per
 *     word), from the click on the row's button to the first frame showing the result, after a rerank that loaded
 *     the model; documents occluded one after another, each once (a second look reuses the result);
 * (e) split mode against truncation on 100 documents of about 1,000 tokens, max tokens 512: click on Rerank to the
 *     worker's done reply, the two modes taking turns (the first alternating by round), each run with its own query
 *     (the score cache would answer a repeated one).
 */
import type { Page } from '@playwright/test';
import { probes, withFreshPage } from './bench-browser';
import { bench } from './bench-config';
import { type BenchSection, formatMs, median, printTable } from './harness';
import { loadLine } from './load';
import type { ProbedWindow } from './page-probes';
import { seededRandom } from './random';
import { benchQuery, makeCorpus, words } from './rerank-corpus';
import { UiRerank } from './ui-rerank';

const model = 'test/minilm-l6-random';
const { occlusion, split } = bench.large;

/** `count` single-token words in sentences of 20, each ending in a full stop (a word of its own for occlusion). */
function wordsDocument(count: number, seed: number): string {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => `${words[Math.floor(random() * words.length)] as string}${i % 20 === 19 || i === count - 1 ? '.' : ''}`).join(' ');
}

/** Click on Rerank to the worker's done reply (page clock), checking that every row was scored. */
async function timedRerank(ui: UiRerank, query: string): Promise<{ ms: number; tokenizeMs: number }> {
  const page = ui.page;
  const before = (await probes(page)).done.length;
  await ui.app.query.fill(query);
  await ui.app.rerankButton.click();
  await page.waitForFunction((n) => (window as unknown as ProbedWindow).bench.done.length > n, before, { timeout: 900_000, polling: 200 });
  const recorded = await probes(page);
  const done = recorded.done.at(-1);
  const click = recorded.clicks.filter((c) => c.label === 'Rerank').at(-1);
  if (!done || !click) throw new Error('model sections: no click on Rerank or no done reply was recorded');
  if (recorded.partial && recorded.partial.scored !== recorded.partial.total) throw new Error(`model sections: the worker scored ${recorded.partial.scored} of ${recorded.partial.total}`);
  return { ms: done.at - click.at, tokenizeMs: done.tokenizeMs };
}

async function occlude(page: Page, docId: string): Promise<{ ms: number; appMs: number; status: string }> {
  const status = page.getByRole('dialog', { name: /^Why this score\?/ }).getByTestId('why-status');
  // The status line says "N texts scored in X s" once the result is in (progress reads "N of M texts scored").
  const shown = page.evaluate(() => (window as unknown as ProbedWindow).bench.frameWhen('dialog [data-testid="why-status"]', 'texts scored in'));
  await page.getByRole('button', { name: `Why this score? of ${docId}`, exact: true }).click();
  // Fails with Playwright's message rather than hanging, if the result never comes.
  await status.filter({ hasText: 'texts scored in' }).waitFor({ timeout: 900_000 });
  const to = await shown;
  const from = (await probes(page)).clicks.filter((c) => c.label === `Why this score? of ${docId}`).at(-1)?.at ?? Number.NaN;
  const result = { ms: to - from, appMs: Number(await status.getAttribute('data-elapsed-ms')), status: (await status.textContent()) ?? '' };
  await page.keyboard.press('Escape');
  return result;
}

export const occlusionSection: BenchSection = {
  name: `why this score (d): occlusion of a ${occlusion.words}-word document, ${model} q8`,
  async run() {
    const docs = Array.from({ length: occlusion.runs }, (_, i) => wordsDocument(occlusion.words, 20240617 + i));
    console.log(`${occlusion.runs} document(s) of ${occlusion.words} words (${occlusion.words + 1} texts each), batch ${bench.batchSize}, max tokens 512; each occluded once, one after another`);
    console.log(`before: ${loadLine()}`);
    await withFreshPage(async (page) => {
      const ui = new UiRerank(page);
      await ui.setUp(docs, model, 'q8', { maxLength: 512, batchSize: bench.batchSize });
      const load = await timedRerank(ui, benchQuery); // loads the model: the occlusions then time the scoring alone
      const ids = await ui.app.column().rows.getByTestId('doc-id').allTextContents();
      const rows: string[][] = [];
      const times: number[] = [];
      for (const id of ids) {
        const run = await occlude(page, id);
        times.push(run.ms);
        rows.push([id, formatMs(run.ms), formatMs(run.appMs), ((occlusion.words + 1) / (run.ms / 1000)).toFixed(1)]);
      }
      printTable(['document', 'click to result shown (ms)', "app's elapsed (ms)", 'texts/s'], rows);
      console.log(`after: ${loadLine()}`);
      console.log(`median ${formatMs(median(times))} ms for ${occlusion.words + 1} texts; the first rerank (model load and ${docs.length} pairs) took ${formatMs(load.ms)} ms`);
    });
  },
};

export const splitSection: BenchSection = {
  name: `long documents (e): split against truncate, ${split.docs} documents of ~${split.tokensPerDoc} tokens, ${model} q8`,
  async run() {
    const docs = makeCorpus({ docs: split.docs, tokensPerDoc: split.tokensPerDoc, seed: 20240618 });
    console.log(`max tokens ${split.maxLength}, batch ${bench.batchSize}, default stride; ${split.rounds} round(s), the modes taking turns`);
    console.log(`before: ${loadLine()}`);
    await withFreshPage(async (page) => {
      const ui = new UiRerank(page);
      await ui.setUp(docs, model, 'q8', { maxLength: split.maxLength, batchSize: bench.batchSize });
      const modes = ['truncate', 'split'] as const;
      const ms = new Map<string, number[]>(modes.map((m) => [m, []]));
      let windowsNote = '';
      const setMode = async (mode: (typeof modes)[number]) => {
        await ui.showSettings();
        await page.getByLabel('Long documents').selectOption(mode);
      };
      // A first run loads the model (and warms the JIT), untimed.
      await setMode('truncate');
      await timedRerank(ui, `${benchQuery} warm`);
      for (let round = 0; round < split.rounds; round++) {
        for (const mode of round % 2 === 0 ? modes : [...modes].reverse()) {
          await setMode(mode);
          const run = await timedRerank(ui, `${benchQuery} ${round + 1}`);
          ms.get(mode)?.push(run.ms);
          if (mode === 'split') windowsNote = (await page.getByText(/documents were split into \d[\d,]* windows/).first().textContent()) ?? '';
        }
      }
      const truncate = median(ms.get('truncate') ?? []);
      const splitMs = median(ms.get('split') ?? []);
      printTable(
        ['mode', 'runs (ms)', 'median (ms)', 'documents/s', 'vs truncate'],
        modes.map((m) => {
          const mine = ms.get(m) ?? [];
          return [m, mine.map((v) => Math.round(v)).join(' '), formatMs(median(mine)), (split.docs / (median(mine) / 1000)).toFixed(2), (median(mine) / truncate).toFixed(2)];
        }),
      );
      console.log(`after: ${loadLine()}`);
      console.log(`split: ${windowsNote || 'no split note shown'}`);
      console.log(`split costs ${(splitMs / truncate).toFixed(2)}x truncation (${formatMs(splitMs - truncate)} ms more for ${split.docs} documents)`);
    });
  },
};
