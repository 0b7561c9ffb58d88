// Progress of the downloads: on a terminal one bar per file, redrawn in place (bytes, %, speed); elsewhere (CI logs)
// plain lines at 25%, 50% and 75%, so a log shows that a long download is moving without thousands of lines.

const BAR_WIDTH = 24;
const REDRAW_MS = 100;
const PLAIN_STEPS = [25, 50, 75];
/** Plain output announces a file when it starts only from this size on; a small file just gets its "ok" line. */
const PLAIN_START_LINE_FROM = 1_000_000;

/** Decimal units, as the app shows sizes: 999 B, 1.00 kB, 23.4 MB, 1.20 GB (three significant digits). */
export function formatBytes(bytes) {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 999.5 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toPrecision(3)} ${units[unit]}`;
}

/** @param {number} done @param {number} total */
function percent(done, total) {
  return total === 0 ? 100 : Math.floor((done / total) * 100);
}

/**
 * @param {{ write: (text: string) => void, isTTY: boolean, columns?: number, now?: () => number }} o
 *   columns: the terminal's width; a longer bar line would wrap, and `\r` would then redraw only its last row.
 */
export function createProgress({ write, isTTY, columns, now = Date.now }) {
  let file = null; // { label, total, done, resumedAt, startedAt, drawnAt, nextStep }
  let barShown = false;

  const speed = () => {
    const seconds = (now() - file.startedAt) / 1000;
    return seconds > 0 ? `${formatBytes(Math.round((file.done - file.resumedAt) / seconds))}/s` : '';
  };
  const clearBar = () => {
    if (barShown) write('\r\x1b[K');
    barShown = false;
  };
  const drawBar = () => {
    const pct = percent(file.done, file.total);
    const filled = Math.round((BAR_WIDTH * pct) / 100);
    const bar = `${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}`;
    const text = `  ${file.label} [${bar}] ${String(pct).padStart(3)}%  ${formatBytes(file.done)} / ${formatBytes(file.total)}  ${speed()}`;
    write(`\r\x1b[K${columns && text.length >= columns ? text.slice(0, Math.max(columns - 1, 0)) : text}`);
    barShown = true;
    file.drawnAt = now();
  };

  return {
    /** A file starts downloading; `resumedAt` bytes of it are already on disk. */
    start(label, total, resumedAt = 0) {
      clearBar();
      file = { label, total, done: resumedAt, resumedAt, startedAt: now(), drawnAt: -Infinity, nextStep: 0 };
      while (file.nextStep < PLAIN_STEPS.length && percent(resumedAt, total) >= PLAIN_STEPS[file.nextStep]) file.nextStep += 1;
      const resumed = resumedAt > 0 ? `, resuming at ${formatBytes(resumedAt)}` : '';
      if (isTTY) drawBar();
      else if (total >= PLAIN_START_LINE_FROM || resumedAt > 0) write(`  ${label}: ${formatBytes(total)}${resumed}\n`);
    },
    /** `bytes` more arrived. */
    advance(bytes) {
      if (!file) return;
      file.done += bytes;
      if (isTTY) {
        if (now() - file.drawnAt >= REDRAW_MS || file.done >= file.total) drawBar();
        return;
      }
      const pct = percent(file.done, file.total);
      let step;
      while (file.nextStep < PLAIN_STEPS.length && pct >= PLAIN_STEPS[file.nextStep]) step = PLAIN_STEPS[file.nextStep++];
      if (step !== undefined && pct < 100) write(`  ${file.label}: ${pct}% (${formatBytes(file.done)} / ${formatBytes(file.total)}, ${speed()})\n`);
    },
    /** Clears the bar, if any, so that an error starts on a line of its own. */
    clear: clearBar,
    /** A line of its own: a file done or skipped, a warning. The bar, if any, is cleared first. */
    line(text) {
      clearBar();
      write(`${text}\n`);
    },
  };
}
