import { useEffect, useState } from 'react';
import { useAppStore } from '../../store';
import { appScoreCache } from '../../store/scoreCache';

function formatBytes(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${Math.max(0, Math.round(bytes / 1e3))} kB`;
}

/** The score cache's size, and a way to clear it. Re-read after each rerank finishes. */
export function CacheControls() {
  const running = useAppStore((s) => s.running);
  const [size, setSize] = useState<{ entries: number; approxBytes: number } | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (running) return;
    let live = true;
    void appScoreCache()
      .size()
      .then((s) => live && setSize(s));
    return () => {
      live = false;
    };
  }, [running, version]);
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs text-slate-700" data-testid="score-cache">
      <span>
        Score cache: {size ? `${size.entries.toLocaleString('en-US')} scores, about ${formatBytes(size.approxBytes)}` : '…'}
        {!appScoreCache().persistent && ' (in memory only: the browser refused to store it)'}
      </span>
      <button
        type="button"
        disabled={running || size?.entries === 0}
        onClick={() => void appScoreCache().clear().then(() => setVersion((v) => v + 1))}
        className="rounded border border-slate-300 bg-white px-2 py-0.5 hover:bg-slate-50 disabled:opacity-50"
      >
        Clear the cache
      </button>
    </div>
  );
}
