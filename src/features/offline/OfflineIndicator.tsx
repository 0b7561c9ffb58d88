import { useState } from 'react';
import { MODEL_CACHE_NAME, refreshOfflineInventory, useOfflineStore } from '../../store/offlineStore';
import { OfflineDetails } from './OfflineDetails';
import { offlineLabel } from './offlineLabel';

/**
 * The header's offline indicator: online or not, and what this browser keeps for a visit with no network
 * (the app, the model runtime, the models). Opening it reads the caches again.
 */
export function OfflineIndicator() {
  const [open, setOpen] = useState(false);
  const online = useOfflineStore((s) => s.online);
  const shell = useOfflineStore((s) => s.shell);
  const inventory = useOfflineStore((s) => s.inventory);
  const label = offlineLabel({ online, shell, inventory });
  const look = !online
    ? 'border-amber-400 bg-amber-50 text-amber-950'
    : shell === 'ready'
      ? 'border-emerald-300 bg-emerald-50 text-emerald-950'
      : 'border-slate-300 bg-white text-slate-800';
  const toggle = () => {
    if (!open) void refreshOfflineInventory(new URL(import.meta.env.BASE_URL, window.location.origin).href);
    setOpen(!open);
  };
  return (
    <div className="relative" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button
        type="button"
        data-testid="offline-indicator"
        data-online={online ? 'true' : 'false'}
        data-shell={shell}
        aria-expanded={open}
        aria-controls="offline-panel"
        onClick={toggle}
        className={`rounded border px-3 py-1 text-sm ${look}`}
      >
        <span aria-hidden="true">{online ? '● ' : '○ '}</span>
        {label}
      </button>
      {open && (
        <section
          id="offline-panel"
          aria-label="Offline use"
          data-cache={MODEL_CACHE_NAME}
          className="absolute left-0 z-30 mt-1 w-[min(26rem,calc(100vw-2rem))] space-y-2 sm:right-0 sm:left-auto rounded-lg border border-slate-200 bg-white p-3 text-sm text-slate-800 shadow-lg"
        >
          <OfflineDetails />
        </section>
      )}
    </div>
  );
}
