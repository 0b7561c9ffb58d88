/**
 * `npm run bench`: runs each section in order, then prints a summary.
 * To add a section, export a BenchSection from its own file and list it here.
 * `npm run bench -- cross` runs only the sections whose name contains "cross".
 */
import { performance } from 'node:perf_hooks';
import { firstStageSection } from './first-stage';
import { type BenchSection, printTable } from './harness';
import { crossEncoderSection } from './rerank-section';

const allSections: readonly BenchSection[] = [firstStageSection, crossEncoderSection];
const only = process.argv[2];
const sections = only ? allSections.filter((s) => s.name.includes(only)) : allSections;

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${process.platform} ${process.arch}\n`);
  const summary: string[][] = [];
  let failed = false;
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
  printTable(['section', 'status', 'seconds'], summary);
  if (failed) process.exitCode = 1;
}

await main();
