/**
 * The app driven with large documents, timed in the page: a real clipboard paste (Ctrl+V into the documents field,
 * which the app takes out of the textarea past LARGE_INPUT_CHARS) or the file input, then the first frame where the
 * first stage shows every document ranked by BM25; then relevance clicks, each to the frame showing it.
 */
import type { Page } from '@playwright/test';
import { PlaygroundPage } from '../../e2e/pages/PlaygroundPage';
import { probes } from './bench-browser';
import { bench } from './bench-config';
import { formatMs } from './harness';
import type { ChangeTiming, LongTask, ProbedWindow } from './page-probes';

export type Delivery = 'paste' | 'upload';

/** The judgments and runs are saved shortly after a change: wait past it, so the next click starts idle (smoke: barely). */
const SAVE_WAIT_MS = bench.smoke ? 100 : 1_000;

export interface LargeInput {
  text: string;
  /** The same text as a .txt file, for the upload. */
  file: string;
  /** How many documents the app should read from it. */
  docs: number;
}

/** Paste and upload take turns, the first of each round alternating, so a busy machine slows both alike. */
export const deliveriesOfRound = (round: number): Delivery[] => (round % 2 === 0 ? ['paste', 'upload'] : ['upload', 'paste']);

/** The longest task and the total blocking time (each task's time over 50 ms) of tasks that overlap [from, to]. */
export function overlapBudget(tasks: readonly LongTask[], from: number, to: number): { longestMs: number; blockingMs: number; count: number } {
  // Overlap, not start: the task that dispatches the keydown or change event began a little before its time stamp.
  const inside = tasks.filter((t) => t.start <= to && t.start + t.duration >= from);
  return {
    longestMs: Math.max(0, ...inside.map((t) => t.duration)),
    blockingMs: inside.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
    count: inside.length,
  };
}

export const longestCell = (b: { longestMs: number; count: number }): string => (b.count === 0 ? '< 50 (none)' : formatMs(b.longestMs));

/** In the page: performance.now() at the first frame where the BM25 first stage lists `count` candidates; NaN past the deadline. */
function firstStageShown({ count, timeoutMs }: { count: string; timeoutMs: number }): Promise<number> {
  const start = performance.now();
  return new Promise((resolve) => {
    const check = () => {
      const list = document.querySelector('ol[aria-label="First stage: BM25"]');
      const column = list?.parentElement;
      const line = column?.querySelector(':scope > p')?.textContent ?? '';
      const pending = column?.textContent?.includes('Computing BM25') ?? true;
      if (list && !pending && line.startsWith(`${count} candidates · score: BM25`)) resolve(performance.now());
      else if (performance.now() - start > timeoutMs) resolve(Number.NaN);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/** A fresh page set up for a BM25 first stage over `query`. */
export async function prepareBm25(page: Page, query: string): Promise<PlaygroundPage> {
  const app = new PlaygroundPage(page);
  await app.query.fill(query);
  await app.chooseFirstStage('BM25');
  return app;
}

export interface DeliveryTiming {
  /** Page clock: the Ctrl+V keydown or the file input's change event. */
  from: number;
  /** Page clock: the first frame showing the BM25 first stage of every document. */
  to: number;
  ms: number;
  budget: ReturnType<typeof overlapBudget>;
  /** Every long task in the window: its start after `from`, and its duration (ms). */
  tasks: LongTask[];
}

/** Hands `input` to the app by `delivery` and times it to the first stage shown. */
export async function deliver(app: PlaygroundPage, delivery: Delivery, input: LargeInput): Promise<DeliveryTiming> {
  const { page } = app;
  if (delivery === 'paste') {
    // Filling the clipboard is the bench's own work, done before the clock starts.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.evaluate((t) => navigator.clipboard.writeText(t), input.text);
    await app.documents.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.waitForTimeout(300); // let the clipboard write's tasks end before the clock starts
  }
  const count = input.docs.toLocaleString('en-US');
  const shown = page.evaluate(firstStageShown, { count, timeoutMs: 300_000 });
  if (delivery === 'paste') await page.keyboard.press('ControlOrMeta+V');
  else await page.getByLabel('Upload a documents file').setInputFiles(input.file);
  const to = await shown;
  const recorded = await probes(page);
  const from =
    delivery === 'paste'
      ? (recorded.keys.filter((k) => k.modifier && k.key.toLowerCase() === 'v').at(-1)?.at ?? Number.NaN)
      : (recorded.changes.filter((c) => c.label === 'Upload a documents file').at(-1)?.at ?? Number.NaN);
  if (Number.isNaN(to)) throw new Error(`large input (${delivery}): the first stage never showed ${count} candidates ranked by BM25 within 300 s`);
  const summary = (await app.parseSummary.textContent()) ?? '';
  const expected = `${count} document${input.docs === 1 ? '' : 's'} read as plain text`;
  if (!summary.startsWith(expected)) throw new Error(`large input (${delivery}): expected "${expected}", the app shows "${summary}"`);
  const tasks = recorded.longTasks.filter((t) => t.start <= to && t.start + t.duration >= from).map((t) => ({ start: t.start - from, duration: t.duration }));
  return { from, to, ms: to - from, budget: overlapBudget(recorded.longTasks, from, to), tasks };
}

export interface ClickTiming {
  /** From the change event to the first frame where the judged count shows the click. */
  shownMs: number;
  longest: ReturnType<typeof overlapBudget>;
  /** The longest task in the wait after it (the debounced save). */
  afterMs: number;
}

/** Judges `clicks` documents of the first stage from row `first` on (grades 1, 2, 3, ...), timing each. */
export async function relevanceClicks(app: PlaygroundPage, clicks: number, first = 0): Promise<ClickTiming[]> {
  const { page } = app;
  const timings: ClickTiming[] = [];
  for (let i = first; i < first + clicks; i++) {
    const watch = page.evaluate((selector) => (window as unknown as ProbedWindow).bench.watchNextChange(selector), '[data-testid="judged-count"]');
    await app.firstStageRows.nth(i).getByTestId('judgment').selectOption(String(1 + (i % 3)));
    const t: ChangeTiming = await watch;
    if (Number.isNaN(t.updated)) throw new Error(`relevance click ${i + 1}: the judged count did not change within 10 s`);
    await page.waitForTimeout(SAVE_WAIT_MS);
    const tasks = (await probes(page)).longTasks;
    timings.push({ shownMs: t.updated - t.change, longest: overlapBudget(tasks, t.change, t.updated), afterMs: overlapBudget(tasks, t.updated + 1, t.updated + SAVE_WAIT_MS).longestMs });
  }
  return timings;
}

/**
 * A second ranking beside the first stage, as the slow case had: a BM25 column over the top N (the default
 * local-model column removed, since it would download a model), run once.
 */
export async function addBm25Column(app: PlaygroundPage): Promise<void> {
  const { page } = app;
  await page.getByRole('button', { name: '+ BM25 over the top N' }).click();
  await page.getByRole('button', { name: /^Remove the column/ }).first().click();
  await app.rerankButton.click();
  await page.getByRole('list', { name: /^Reranked: BM25/ }).getByTestId('reranked-row').first().waitFor({ timeout: 120_000 });
  await page.waitForTimeout(SAVE_WAIT_MS);
}

/** Long tasks as "+start:duration" (ms after the window's start), for reading where the time went. */
export const taskList = (tasks: readonly LongTask[]): string => (tasks.length === 0 ? 'none' : tasks.map((t) => `+${Math.round(t.start)}:${Math.round(t.duration)}`).join(' '));
