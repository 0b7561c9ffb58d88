/** Shared pieces of the benchmark: a section type, timing with warm-up, medians and a plain table. */
import { performance } from 'node:perf_hooks';

export interface BenchSection {
  name: string;
  /** Runs the measurements and prints its own table. */
  run(): Promise<void>;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export interface TimingOptions {
  warmupRuns: number;
  runs: number;
}

export const defaultTiming: TimingOptions = { warmupRuns: 2, runs: 7 };

/** Median wall time of `fn` in milliseconds, after warm-up runs that let the JIT settle. */
export async function medianMs(fn: () => unknown, options: TimingOptions = defaultTiming): Promise<number> {
  for (let i = 0; i < options.warmupRuns; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Prints rows as a left-aligned first column and right-aligned other columns. */
export function printTable(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const all = [header, ...rows];
  const widths = header.map((_, col) => Math.max(...all.map((row) => (row[col] ?? '').length)));
  const line = (row: readonly string[]) =>
    row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

export const formatMs = (ms: number): string => (ms < 10 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(2) : ms.toFixed(1));
