import { spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';

/** Runs `npm run bench` with BENCH_SMOKE=1 against the app Playwright serves; resolves with its exit code and output. */
function runSmokeBench(baseURL: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/index.ts'], {
      env: { ...process.env, BENCH_SMOKE: '1', BENCH_URL: baseURL },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

// The speed figures are benchmarks (npm run bench), never timed tests: this only checks that every section of the
// bench still runs against today's UI, with one tiny run per side.
test('the bench runs end to end (BENCH_SMOKE: tiny inputs, one run per side)', async ({ baseURL }) => {
  test.setTimeout(300_000); // about 90 s on 2 idle cores; the bench builds its workers and starts its own Chromium
  const { code, output } = await runSmokeBench(baseURL ?? 'http://localhost:4173');
  expect(code, output).toBe(0);
  for (const section of ['first stage', 'cross-encoder', 'GEMM', 'query sets (a)', 'query sets (b)', 'query sets (c)', 'large input (a)', 'large input (b)', 'large input (c)', 'why this score (d)', 'long documents (e)']) {
    expect(output, output).toMatch(new RegExp(`^${section.replace(/[()]/g, '\\$&')}.*\\s+ok\\s+[\\d.]+$`, 'm'));
  }
  // Every side of the cross-encoder table produced a figure.
  for (const side of ['native', 'raw web', 'app worker', 'UI', 'example']) expect(output).toMatch(new RegExp(`^q8\\s+${side}\\s+\\d+\\s+\\d+`, 'm'));
  expect(output).toContain('smoke: the UI switched to fp32 after a q8 run');
});
