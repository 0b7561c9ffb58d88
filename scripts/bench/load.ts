/** The machine's load, printed before and after the bench: on a busy machine absolute times are noisy. */
import { readFileSync } from 'node:fs';
import os from 'node:os';

const cores = os.availableParallelism();

export function loadLine(): string {
  const [one, five, fifteen] = os.loadavg().map((v) => v.toFixed(2));
  return `load average ${one} ${five} ${fifteen} (1, 5, 15 min) on ${cores} cores`;
}

/** A warning when more than half the cores were busy over the last minute; empty otherwise. */
export function loadWarning(): string {
  const one = os.loadavg()[0] ?? 0;
  return one > cores / 2
    ? `WARNING: load ${one.toFixed(2)} on ${cores} cores: other processes compete for the CPU, so absolute times are noisy and low; the turns keep the ratios fairer.`
    : '';
}

/** The vector extensions that set the native kernels' speed (Linux only: read from /proc/cpuinfo). */
function vectorFlags(): string {
  try {
    const flags = new Set(/^flags\s*:(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim().split(/\s+/) ?? []);
    const found = ['avx2', 'fma', 'avx512f', 'avx512_vnni', 'avx_vnni'].filter((f) => flags.has(f));
    return found.length > 0 ? ` (${found.join(', ')})` : '';
  } catch {
    return '';
  }
}

export function machineLine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${cpu}${vectorFlags()}, ${cores} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, node ${process.version}`;
}
