/**
 * The memory of a page's renderer process, read from Linux's /proc: VmRSS (resident now) and VmHWM (the peak
 * resident set since the process started). The app's workers are threads of that process, so this counts the page,
 * its workers, their JavaScript heaps and WebAssembly memory alike, which no in-page API does alone. The browser
 * process (IndexedDB, the file picker) and the GPU process are not counted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser } from '@playwright/test';

export interface RendererMemory {
  pid: number;
  rssBytes: number;
  peakRssBytes: number;
  /** Threads named DedicatedWorker: the page's workers. */
  workers: number;
}

/** The renderer processes of `browser`, from CDP SystemInfo.getProcessInfo. */
export async function rendererPids(browser: Browser): Promise<number[]> {
  const session = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = await session.send('SystemInfo.getProcessInfo');
    return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
  } finally {
    await session.detach();
  }
}

const workerThreads = (pid: number): number =>
  readdirSync(`/proc/${pid}/task`).filter((tid) => {
    try {
      return readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').startsWith('DedicatedWorker');
    } catch {
      return false; // the thread ended while we looked
    }
  }).length;

/** The memory of process `pid`, or null where /proc cannot tell (not Linux, or the process is gone). */
export function rendererMemory(pid: number): RendererMemory | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const bytes = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
    return { pid, rssBytes: bytes('VmRSS'), peakRssBytes: bytes('VmHWM'), workers: workerThreads(pid) };
  } catch {
    return null;
  }
}

export async function allRendererMemory(browser: Browser): Promise<Map<number, RendererMemory>> {
  const found = new Map<number, RendererMemory>();
  for (const pid of await rendererPids(browser)) {
    const memory = rendererMemory(pid);
    if (memory) found.set(pid, memory);
  }
  return found;
}

/**
 * The renderer that grew the most between two readings: the page that took the file (the other renderers, a spare
 * one kept ready, hold still). Null when no renderer was seen both times.
 */
export function grownRenderer(before: ReadonlyMap<number, RendererMemory>, after: ReadonlyMap<number, RendererMemory>): { before: RendererMemory; after: RendererMemory } | null {
  let best: { before: RendererMemory; after: RendererMemory } | null = null;
  for (const [pid, now] of after) {
    const then = before.get(pid);
    if (!then) continue;
    if (!best || now.peakRssBytes - then.rssBytes > best.after.peakRssBytes - best.before.rssBytes) best = { before: then, after: now };
  }
  return best;
}
