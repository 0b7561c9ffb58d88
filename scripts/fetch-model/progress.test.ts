import { describe, expect, it } from 'vitest';
import { createProgress, formatBytes } from './progress.mjs';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [1000, '1.00 kB'],
    [70_000, '70.0 kB'],
    [999_499, '999 kB'],
    [999_500, '1.00 MB'], // rounds up into the next unit rather than showing "1.00e+3 kB"
    [23_456_789, '23.5 MB'],
    [1_200_000_000, '1.20 GB'],
  ])('%d bytes is %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

/** A progress printer on a fake clock, keeping what it writes. */
function harness(isTTY: boolean, columns?: number) {
  const written: string[] = [];
  let clock = 0;
  const progress = createProgress({ write: (text: string) => written.push(text), isTTY, columns, now: () => clock });
  return { progress, written, tick: (ms: number) => (clock += ms) };
}

describe('createProgress on a terminal', () => {
  it('draws a bar with bytes, percent and speed, redrawn in place', () => {
    const { progress, written, tick } = harness(true);
    progress.start('onnx/model.onnx', 1_000_000);
    tick(500);
    progress.advance(250_000);
    // 250,000 of 1,000,000 bytes = 25%: 6 of 24 bar cells; 250,000 bytes in 0.5 s = 500 kB/s.
    expect(written.at(-1)).toBe(`\r\x1b[K  onnx/model.onnx [${'#'.repeat(6)}${'.'.repeat(18)}]  25%  250 kB / 1.00 MB  500 kB/s`);
  });

  it('redraws at most every 100 ms, and always at the end', () => {
    const { progress, written, tick } = harness(true);
    progress.start('f', 1000);
    const drawn = written.length;
    tick(10);
    progress.advance(100); // 10 ms after the last draw: not drawn
    expect(written.length).toBe(drawn);
    tick(100);
    progress.advance(100);
    expect(written.length).toBe(drawn + 1);
    progress.advance(800); // the last bytes: drawn at once
    expect(written.at(-1)).toContain('100%');
  });

  it('counts speed from the bytes of this run only when resuming', () => {
    const { progress, written, tick } = harness(true);
    progress.start('f', 1_000_000, 600_000);
    tick(1000);
    progress.advance(200_000);
    // 200,000 new bytes in 1 s = 200 kB/s; 800,000 of 1,000,000 = 80%.
    expect(written.at(-1)?.endsWith(' 80%  800 kB / 1.00 MB  200 kB/s')).toBe(true);
  });

  it('keeps the bar within the terminal width, so that it redraws in place', () => {
    const { progress, written } = harness(true, 40);
    progress.start('onnx/a-very-long-file-name.onnx_data_12', 1000);
    // 39 characters after the clearing escape: one column short of the width, so the cursor never wraps.
    expect(written.at(-1)).toBe(`\r\x1b[K${'  onnx/a-very-long-file-name.onnx_data_12 [........................]'.slice(0, 39)}`);
  });

  it('clears the bar before a line of its own', () => {
    const { progress, written } = harness(true);
    progress.start('f', 10);
    progress.line('  ok f');
    expect(written.slice(-2)).toEqual(['\r\x1b[K', '  ok f\n']);
  });
});

describe('createProgress in a log', () => {
  it('writes a line at 25, 50 and 75%, no bar', () => {
    const { progress, written, tick } = harness(false);
    progress.start('onnx/model.onnx', 2_000_000);
    for (let i = 0; i < 10; i += 1) {
      tick(100);
      progress.advance(200_000);
    }
    // 2 MB announced, then 30% (600 kB after 0.3 s: 2.00 MB/s), 50%, 80%; nothing at 100%: the "ok" line says it.
    expect(written).toEqual([
      '  onnx/model.onnx: 2.00 MB\n',
      '  onnx/model.onnx: 30% (600 kB / 2.00 MB, 2.00 MB/s)\n',
      '  onnx/model.onnx: 50% (1.00 MB / 2.00 MB, 2.00 MB/s)\n',
      '  onnx/model.onnx: 80% (1.60 MB / 2.00 MB, 2.00 MB/s)\n',
    ]);
    expect(written.join('')).not.toContain('\r');
  });

  it('does not announce a small file, and says where a resumed one starts', () => {
    const { progress, written } = harness(false);
    progress.start('config.json', 700);
    expect(written).toEqual([]);
    progress.start('onnx/model.onnx', 2_000_000, 1_200_000);
    progress.advance(200_000); // 60% → 70%: 25% and 50% were passed before this run, 75% is not reached: no line
    expect(written).toEqual(['  onnx/model.onnx: 2.00 MB, resuming at 1.20 MB\n']);
  });
});
