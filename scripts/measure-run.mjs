// Main-thread budget of one rerank, as a person runs it: paste N plain-text documents, pick a local model,
// click Rerank, wait for the timings. Reports, from the click to the timings:
// - long tasks (the longest, how many, total blocked time = sum of each task's time over 50 ms);
// - main-thread busy time, layouts and style recalcs (Chrome's own counters, over CDP), and CPU time of the
//   browser's threads from /proc (main thread, workers, the rest);
// - pairs/s as the column shows it, beside the app's worker called directly in a fresh page on the same
//   request (same model, documents, batch, max length, threads), runs alternating;
// - with --keys, keypresses in the Query field during the run, and 10 before it with no run: the time from
//   each key to the frame that shows it (Event Timing's duration; it reports 16 ms and more, so a key without
//   an entry counts as 16 ms).
// Each run gets a fresh browser context, so the score cache (IndexedDB) never answers.
//
//   npx vite preview --port 4195 --strictPort &
//   node scripts/measure-run.mjs --model test/minilm-l6-random --runs 3 [--keys]
//
// Options: --url (http://localhost:4195) --model --dtype (fp32|q8) --docs (500) --words (40) --runs (3)
//          --keys --key-every (1000 ms) --no-worker --list-tasks --reduced-motion
//          --profile <file.cpuprofile> (the first run's main thread; build with --minify false to read it)
/* global window, document, MutationObserver, HTMLTextAreaElement, Worker -- functions passed to the page run there */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
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
// A key now and then, as a person types while a run goes on: back-to-back keys would measure their own queue.
const keyEveryMs = Number(option('key-every', '1000'));

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
  const m = { longTasks: [], keys: [], idleKeys: [], events: [], start: 0, doneAt: 0, timeKeys: false, workerUrl: '', request: null };
  window.__measure = m;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) m.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'keydown') m.events.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  document.addEventListener('keydown', (event) => {
    const into = m.start && !m.doneAt ? m.keys : m.timeKeys ? m.idleKeys : null;
    into?.push(event.timeStamp);
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

/** utime + stime of one /proc stat line, in ms (USER_HZ is 100), and the name in its parentheses. */
function readStat(path) {
  try {
    const text = readFileSync(path, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { name: text.slice(text.indexOf('(') + 1, text.lastIndexOf(')')), ppid: Number(fields[1]), cpuMs: (Number(fields[11]) + Number(fields[12])) * 10 };
  } catch {
    return undefined; // it ended while we looked
  }
}

/**
 * CPU time of the browser's threads (the processes under `rootPid`: this script's Chromium), by kind: the
 * pages' main threads, the workers (the model worker and its WASM threads), and the rest (compositor, GPU,
 * network). CPU time, unlike task durations, does not grow when other processes share the cores. Linux only.
 */
function browserCpu(rootPid) {
  const procs = new Map();
  for (const pid of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    const stat = readStat(`/proc/${pid}/stat`);
    if (stat) procs.set(Number(pid), stat);
  }
  const inBrowser = (pid) => {
    for (let p = pid; p !== undefined && p > 1; p = procs.get(p)?.ppid) if (p === rootPid) return true;
    return false;
  };
  const cpu = { main: 0, workers: 0, other: 0 };
  for (const pid of procs.keys()) {
    if (!inBrowser(pid)) continue;
    let tids, renderer;
    try {
      tids = readdirSync(`/proc/${pid}/task`);
      renderer = readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer');
    } catch {
      continue; // it ended while we looked
    }
    for (const tid of tids) {
      const stat = readStat(`/proc/${pid}/task/${tid}/stat`);
      if (!stat) continue;
      // A renderer's main thread is the process's first thread (tid = pid).
      const kind = renderer && Number(tid) === pid ? 'main' : stat.name.startsWith('DedicatedWorker') ? 'workers' : 'other';
      cpu[kind] += stat.cpuMs;
    }
  }
  return cpu;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const metricsOf = async (cdp) => new Map((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));

async function openApp(browser) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, reducedMotion: flag('reduced-motion') ? 'reduce' : 'no-preference' });
  const page = await context.newPage();
  page.setDefaultTimeout(120_000); // a loaded machine: another job may hold the cores
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
  if (flag('keys')) {
    // The same keys with no run, for reference: what a keypress costs the page by itself.
    await page.evaluate(() => (window.__measure.timeKeys = true));
    await page.getByLabel('Query', { exact: true }).evaluate((el) => el.focus());
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press(i % 2 === 0 ? 'x' : 'Backspace');
      await page.waitForTimeout(400);
    }
    await page.waitForTimeout(500); // the last key's slides end before the click
  }
  if (profile) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
  const before = await metricsOf(cdp);
  const cpuBefore = browserCpu(process.pid);
  await page.evaluate(() => (window.__measure.start = performance.now()));
  await page.getByRole('button', { name: 'Rerank', exact: true }).click();
  // Polled from here, twice a second: Playwright's own waiting would query the page every frame.
  const done = () => page.evaluate(() => window.__measure.doneAt > 0);
  if (flag('keys')) {
    await page.getByLabel('Query', { exact: true }).evaluate((el) => el.focus());
    for (let i = 0; !(await done()); i++) {
      await page.keyboard.press(i % 2 === 0 ? 'x' : 'Backspace');
      await page.waitForTimeout(keyEveryMs);
    }
  }
  await page.waitForFunction(() => window.__measure.doneAt > 0, null, { polling: 500, timeout: 600_000 });
  await page.waitForTimeout(1000); // for the long tasks just after done
  const after = await metricsOf(cdp);
  const cpuAfter = browserCpu(process.pid);
  if (profile) writeFileSync(profile, JSON.stringify((await cdp.send('Profiler.stop')).profile));
  const inferenceMs = Number(await page.getByTestId('inference-ms').first().getAttribute('data-ms'));
  const m = await page.evaluate(() => window.__measure);
  await context.close();
  const inRun = (e) => e.start >= m.start && e.start < m.doneAt;
  const tasks = m.longTasks.filter(inRun).map((t) => t.duration);
  // The list may finish rendering just after the timings show: look one more second.
  const afterDone = m.longTasks.filter((e) => e.start >= m.doneAt && e.start < m.doneAt + 1000).map((t) => t.duration);
  if (flag('list-tasks')) for (const t of m.longTasks.filter(inRun)) console.log(`  long task ${t.duration.toFixed(0)} ms at +${(t.start - m.start).toFixed(0)} ms (done at +${(m.doneAt - m.start).toFixed(0)})`);
  // Each key's time to its frame, from its Event Timing entry (none: under 16 ms).
  const latencies = (stamps) => stamps.map((t) => m.events.find((e) => Math.abs(e.start - t) < 1)?.duration ?? 16);
  const delta = (name) => (after.get(name) ?? 0) - (before.get(name) ?? 0);
  return {
    wallMs: m.doneAt - m.start,
    inferenceMs,
    pairsPerS: (docCount * 1000) / inferenceMs,
    longest: Math.max(0, ...tasks),
    longTasks: tasks.length,
    longestAfterDone: Math.max(0, ...afterDone),
    blockedMs: tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
    busyMs: delta('TaskDuration') * 1000,
    mainCpuMs: cpuAfter.main - cpuBefore.main,
    workersCpuMs: cpuAfter.workers - cpuBefore.workers,
    otherCpuMs: cpuAfter.other - cpuBefore.other,
    scriptMs: delta('ScriptDuration') * 1000,
    layoutMs: delta('LayoutDuration') * 1000,
    styleMs: delta('RecalcStyleDuration') * 1000,
    layouts: delta('LayoutCount'),
    keys: latencies(m.keys),
    idleKeys: latencies(m.idleKeys),
    workerUrl: m.workerUrl,
    request: m.request,
  };
}

/** The app's worker in a fresh page, sent the very request the UI sent: no React, no store, no DOM. */
async function workerRun(browser, workerUrl, request) {
  const { context, page } = await openApp(browser);
  const cpuBefore = browserCpu(process.pid);
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
  const cpuAfter = browserCpu(process.pid);
  await context.close();
  return {
    inferenceMs: done.inferenceMs,
    pairsPerS: (request.docs.length * 1000) / done.inferenceMs,
    mainCpuMs: cpuAfter.main - cpuBefore.main,
    workersCpuMs: cpuAfter.workers - cpuBefore.workers,
    otherCpuMs: cpuAfter.other - cpuBefore.other,
  };
}

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const loadBefore = load();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'], headless: true });
const ui = [];
const worker = [];
for (let i = 0; i < runs; i++) {
  const run = await uiRun(browser, i === 0 && profilePath ? profilePath : '');
  ui.push(run);
  const keys = run.keys.length ? ` · keys ${run.keys.length}: median ${median(run.keys).toFixed(0)} ms, max ${Math.max(...run.keys).toFixed(0)} ms` : '';
  console.log(`ui ${i + 1}: ${run.pairsPerS.toFixed(1)} pairs/s (inference ${run.inferenceMs.toFixed(0)} ms, click to done ${run.wallMs.toFixed(0)} ms) · longest task ${run.longest.toFixed(0)} ms, ${run.longTasks} long, blocked ${run.blockedMs.toFixed(0)} ms, longest in the second after done ${run.longestAfterDone.toFixed(0)} ms · busy ${run.busyMs.toFixed(0)} ms (script ${run.scriptMs.toFixed(0)}, layout ${run.layoutMs.toFixed(0)} in ${run.layouts}, style ${run.styleMs.toFixed(0)}) · CPU: main thread ${run.mainCpuMs} ms, workers ${run.workersCpuMs}, other ${run.otherCpuMs}${keys}`);
  if (!flag('no-worker')) {
    if (!run.request || !run.workerUrl) throw new Error('measure-run.mjs: the app sent no rerank request to a worker; is the model a local one?');
    const direct = await workerRun(browser, run.workerUrl, run.request);
    worker.push(direct);
    console.log(`worker ${i + 1}: ${direct.pairsPerS.toFixed(1)} pairs/s (inference ${direct.inferenceMs.toFixed(0)} ms) · CPU: main thread ${direct.mainCpuMs} ms, workers ${direct.workersCpuMs}, other ${direct.otherCpuMs}`);
  }
}
await browser.close();
const med = (key, list = ui) => median(list.map((r) => r[key]));
const allKeys = ui.flatMap((r) => r.keys);
const idleKeys = ui.flatMap((r) => r.idleKeys);
console.log(`\n${model} ${dtype}, ${docCount} docs x ${wordsPerDoc} words, ${runs} runs (medians); load average ${loadBefore} before, ${load()} after:`);
console.log(`  CPU time: main thread ${med('mainCpuMs')} ms, workers ${med('workersCpuMs')} ms, other browser threads ${med('otherCpuMs')} ms`);
console.log(`  longest task ${med('longest').toFixed(0)} ms (max ${Math.max(...ui.map((r) => r.longest)).toFixed(0)}), blocked ${med('blockedMs').toFixed(0)} ms, busy ${med('busyMs').toFixed(0)} ms, layouts ${med('layouts')}`);
if (allKeys.length) console.log(`  keypress to its frame during the run: median ${median(allKeys).toFixed(0)} ms, max ${Math.max(...allKeys).toFixed(0)} ms over ${allKeys.length} keys`);
if (idleKeys.length) console.log(`  keypress to its frame with no run: median ${median(idleKeys).toFixed(0)} ms, max ${Math.max(...idleKeys).toFixed(0)} ms over ${idleKeys.length} keys`);
if (worker.length) console.log(`  pairs/s: UI ${med('pairsPerS').toFixed(1)}, worker ${med('pairsPerS', worker).toFixed(1)}, ratio ${(med('pairsPerS') / med('pairsPerS', worker)).toFixed(2)}`);
