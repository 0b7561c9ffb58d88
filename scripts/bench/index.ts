/**
 * `npm run bench`: runs each section in order, then prints a summary.
 * To add a section, export a BenchSection from its own file and list it here.
 * `npm run bench -- cross` runs only the sections whose name contains "cross". BENCH_SMOKE=1: tiny inputs.
 */
import { performance } from 'node:perf_hooks';
import { stopAppServer } from './app-server';
import { closeBenchBrowser } from './bench-browser';
import { bench } from './bench-config';
import { firstStageSection } from './first-stage';
import { gemmSection } from './gemm-section';
import { type BenchSection, printTable } from './harness';
import { largeDocumentSection, largePasteSection } from './large-input-sections';
import { loadLine, loadWarning, machineLine } from './load';
import { memorySection } from './memory-section';
import { occlusionSection, splitSection } from './model-sections';
import { crossEncoderSection } from './rerank-section';
import { beirImportSection, judgmentChangeSection, rerankAllSection } from './query-set-sections';

const allSections: readonly BenchSection[] = [
  firstStageSection,
  crossEncoderSection,
  gemmSection,
  beirImportSection,
  judgmentChangeSection,
  rerankAllSection,
  largePasteSection,
  largeDocumentSection,
  memorySection,
  occlusionSection,
  splitSection,
];
const only = process.argv[2];
const sections = only ? allSections.filter((s) => s.name.includes(only)) : allSections;

async function main(): Promise<void> {
  console.log(`${new Date().toISOString()}${bench.smoke ? ' (BENCH_SMOKE: tiny inputs, the figures mean nothing)' : ''}`);
  console.log(machineLine());
  console.log(`before: ${loadLine()}`);
  const busy = loadWarning();
  if (busy) console.log(busy);
  console.log('');
  const summary: string[][] = [];
  let failed = false;
  try {
    for (const section of sections) {
      console.log(`== ${section.name}`);
      const start = performance.now();
      try {
        await section.run();
        summary.push([section.name, 'ok', ((performance.now() - start) / 1000).toFixed(1)]);
      } catch (error) {
        failed = true;
        console.error(error);
        summary.push([section.name, 'failed', ((performance.now() - start) / 1000).toFixed(1)]);
      }
      console.log('');
    }
  } finally {
    await closeBenchBrowser();
    await stopAppServer();
  }
  printTable(['section', 'status', 'seconds'], summary);
  console.log(`\nafter: ${loadLine()}`);
  const busyAfter = loadWarning();
  if (busyAfter) console.log(`${busyAfter} (our own threads count in the 1-minute figure right after the runs)`);
  if (failed) process.exitCode = 1;
}

await main();
