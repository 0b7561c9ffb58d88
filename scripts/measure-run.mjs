// Main-thread budget of one rerank, as a person runs it: paste N plain-text documents, pick a local model,
// click Rerank, wait for the timings. Reports, from the click to the timings:
// - long tasks (the longest, how many, total blocked time = sum of each task's time over 50 ms);
// - main-thread busy time, layouts and style recalcs (Chrome's own counters, over CDP);
// - pairs/s as the column shows it, beside the app's worker called directly in a fresh page on the same
//   request (same model, documents, batch, max length, threads), runs alternating;
// - with --keys, keypresses in the Query field during the run: the time from the key event to the end of
//   the next frame (median, max), and Event Timing's max for the same keys.
// Each run gets a fresh browser context, so the score cache (IndexedDB) never answers.
//
//   npx vite preview --port 4195 --strictPort &
//   node scripts/measure-run.mjs --model test/minilm-l6-random --runs 3 --keys
//
// Options: --url (http://localhost:4195) --model --dtype (fp32|q8) --docs (500) --words (40) --runs (3)
//          --keys --no-worker --reduced-motion --profile <file.cpuprofile> (first run's main thread)
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const flag = (name) => args.includes(`--${name}`);
const url = option('url', 'http://localhost:4195');
const model = option('model', 'test/overlap-reranker');
const dtype = option('dtype', 'fp32');
const docCount = Number(option('docs', '500'));
const wordsPerDoc = Number(option('words', '40'));
const runs = Number(option('runs', '3'));
const profilePath = option('profile', '');

/** mulberry32, so every run reranks the same documents. */
function seeded(state) {
  let s = state >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const vocabulary = ('neural ranking models rerank retrieval search query document passage score relevant answer drug discovery ' +
  'protein molecule the of and to in a is that for it as with was on be by this are from or at which an have').split(' ');
const random = seeded(20240612);
const docs = Array.from({ length: docCount }, (_, i) =>
  `${i} ${Array.from({ length: wordsPerDoc - 1 }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ')}`);
const query = 'what are the latest advancements in neural ranking for drug discovery';

/** In the page before the app: long tasks, key-to-frame times, the worker's URL and the app's rerank request. */
function instrument() {
  const m = { longTasks: [], keys: [], events: [], start: 0, doneAt: 0, workerUrl: '', request: null };
  window.__measure = m;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) m.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'keydown') m.events.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  document.addEventListener('keydown', (event) => {
    if (!m.start || m.doneAt) return;
    const pressed = event.timeStamp;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => m.keys.push(performance.now() - pressed);
      channel.port2.postMessage(0);
    });
  }, true);
  new MutationObserver(() => {
    if (m.start && !m.doneAt && document.querySelector('[data-testid="timings"]')) m.doneAt = performance.now();
  }).observe(document, { childList: true, subtree: true });
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(workerUrl, options) {
      super(workerUrl, options);
      m.workerUrl = String(workerUrl);
    }
    postMessage(message, transfer) {
      if (message?.type === 'rerank') m.request = message;
      return transfer === undefined ? super.postMessage(message) : super.postMessage(message, transfer);
    }
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const metricsOf = async (cdp) => new Map((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));

async function openApp(browser) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, reducedMotion: flag('reduced-motion') ? 'reduce' : 'no-preference' });
  const page = await context.newPage();
  await page.addInitScript(instrument);
  await page.goto(url);
  await page.getByRole('heading', { name: 'Rerank Playground' }).waitFor();
  return { context, page };
}

async function uiRun(browser, profile) {
  const { context, page } = await openApp(browser);
  await page.getByLabel('Query', { exact: true }).fill(query);
  // A paste, not `fill`: one value change and one input event, as the clipboard gives.
  await page.getByLabel('Documents', { exact: true }).evaluate((el, text) => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(el, text);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.blur();
  }, docs.join('\n'));
  await page.getByTestId('parse-summary').filter({ hasText: `${docCount.toLocaleString('en-US')} documents` }).waitFor();
  await page.getByLabel('Rerank the top N').fill(String(docCount));
  await page.getByLabel('Model', { exact: true }).first().fill(model);
  await page.getByLabel('Device').first().selectOption('wasm');
  await page.getByLabel('Precision').first().selectOption(dtype);
  await page.waitForTimeout(1000); // the documents' commit delay and the first stage settle before the click

  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (profile) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
  const before = await metricsOf(cdp);
  await page.evaluate(() => (window.__measure.start = performance.now()));
  await page.getByRole('button', { name: 'Rerank', exact: true }).click();
  const timings = page.getByTestId('timings');
  if (flag('keys')) {
    const field = page.getByLabel('Query', { exact: true });
    await field.evaluate((el) => el.focus());
    for (let i = 0; !(await timings.isVisible()); i++) {
      await page.keyboard.press(i % 2 === 0 ? 'x' : 'Backspace');
      await page.waitForTimeout(150);
    }
  }
  await timings.waitFor({ timeout: 600_000 });
  const after = await metricsOf(cdp);
  if (profile) writeFileSync(profile, JSON.stringify((await cdp.send('Profiler.stop')).profile));
  const inferenceMs = Number(await page.getByTestId('inference-ms').first().getAttribute('data-ms'));
  const m = await page.evaluate(() => window.__measure);
  await context.close();
  const inRun = (e) => e.start >= m.start && e.start < m.doneAt;
  const tasks = m.longTasks.filter(inRun).map((t) => t.duration);
  const delta = (name) => (after.get(name) ?? 0) - (before.get(name) ?? 0);
  return {
    wallMs: m.doneAt - m.start,
    inferenceMs,
    pairsPerS: (docCount * 1000) / inferenceMs,
    longest: Math.max(0, ...tasks),
    longTasks: tasks.length,
    blockedMs: tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
    busyMs: delta('TaskDuration') * 1000,
    scriptMs: delta('ScriptDuration') * 1000,
    layoutMs: delta('LayoutDuration') * 1000,
    styleMs: delta('RecalcStyleDuration') * 1000,
    layouts: delta('LayoutCount'),
    keys: m.keys,
    eventMax: Math.max(0, ...m.events.filter(inRun).map((e) => e.duration)),
    workerUrl: m.workerUrl,
    request: m.request,
  };
}

/** The app's worker in a fresh page, sent the very request the UI sent: no React, no store, no DOM. */
async function workerRun(browser, workerUrl, request) {
  const { context, page } = await openApp(browser);
  const done = await page.evaluate(
    ({ workerUrl, request, model, dtype }) =>
      new Promise((resolve, reject) => {
        const worker = new Worker(workerUrl, { type: 'module' });
        worker.onmessage = ({ data }) => {
          if (data.type === 'loaded') worker.postMessage({ ...request, id: 2 });
          if (data.type === 'done') resolve(data);
          if (data.type === 'error') reject(new Error(`${data.kind}: ${data.message}`));
        };
        worker.postMessage({ type: 'load', id: 1, model, device: 'wasm', dtype });
      }),
    { workerUrl, request, model, dtype },
  );
  await context.close();
  return { inferenceMs: done.inferenceMs, pairsPerS: (request.docs.length * 1000) / done.inferenceMs };
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'], headless: true });
const ui = [];
const worker = [];
for (let i = 0; i < runs; i++) {
  const run = await uiRun(browser, i === 0 && profilePath ? profilePath : '');
  ui.push(run);
  const keys = run.keys.length ? ` · keys ${run.keys.length}: median ${median(run.keys).toFixed(0)} ms, max ${Math.max(...run.keys).toFixed(0)} ms (Event Timing max ${run.eventMax.toFixed(0)})` : '';
  console.log(`ui ${i + 1}: ${run.pairsPerS.toFixed(1)} pairs/s (inference ${run.inferenceMs.toFixed(0)} ms, click to done ${run.wallMs.toFixed(0)} ms) · longest task ${run.longest.toFixed(0)} ms, ${run.longTasks} long, blocked ${run.blockedMs.toFixed(0)} ms · busy ${run.busyMs.toFixed(0)} ms (script ${run.scriptMs.toFixed(0)}, layout ${run.layoutMs.toFixed(0)} in ${run.layouts}, style ${run.styleMs.toFixed(0)})${keys}`);
  if (!flag('no-worker')) {
    if (!run.request || !run.workerUrl) throw new Error('measure-run.mjs: the app sent no rerank request to a worker; is the model a local one?');
    const direct = await workerRun(browser, run.workerUrl, run.request);
    worker.push(direct);
    console.log(`worker ${i + 1}: ${direct.pairsPerS.toFixed(1)} pairs/s (inference ${direct.inferenceMs.toFixed(0)} ms)`);
  }
}
await browser.close();
const med = (key, list = ui) => median(list.map((r) => r[key]));
const allKeys = ui.flatMap((r) => r.keys);
console.log(`\n${model} ${dtype}, ${docCount} docs x ${wordsPerDoc} words, ${runs} runs (medians):`);
console.log(`  longest task ${med('longest').toFixed(0)} ms (max ${Math.max(...ui.map((r) => r.longest)).toFixed(0)}), blocked ${med('blockedMs').toFixed(0)} ms, busy ${med('busyMs').toFixed(0)} ms, layouts ${med('layouts')}`);
if (allKeys.length) console.log(`  keypress to frame: median ${median(allKeys).toFixed(0)} ms, max ${Math.max(...allKeys).toFixed(0)} ms over ${allKeys.length} keys`);
if (worker.length) console.log(`  pairs/s: UI ${med('pairsPerS').toFixed(1)}, worker ${med('pairsPerS', worker).toFixed(1)}, ratio ${(med('pairsPerS') / med('pairsPerS', worker)).toFixed(2)}`);
