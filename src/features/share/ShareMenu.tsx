import { useState } from 'react';
import { ConfirmOpenDialog } from './ConfirmOpenDialog';
import { FileSection } from './FileSection';
import { LinkSection } from './LinkSection';
import { PreviousWork } from './PreviousWork';
import { ShareNotices } from './ShareNotices';

/**
 * The header's Share menu: a link, session files, and the way back to the work a shared setup replaced.
 * It also holds the question before a link or file opens, and the notices about it.
 */
export function ShareMenu() {
  const [open, setOpen] = useState(false);
  return (
    <div className="relative" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="share-menu-panel"
        onClick={() => setOpen(!open)}
        className="rounded border border-slate-300 bg-white px-3 py-1 text-sm text-slate-800 hover:bg-slate-50"
      >
        Share
      </button>
      {open && (
        <section
          id="share-menu-panel"
          aria-label="Share"
          className="absolute right-0 z-30 mt-1 w-[min(26rem,calc(100vw-2rem))] space-y-3 rounded-lg border border-slate-200 bg-white p-3 shadow-lg"
        >
          <LinkSection />
          <hr className="border-slate-200" />
          <FileSection />
          <PreviousWork />
        </section>
      )}
      <ConfirmOpenDialog />
      <ShareNotices />
    </div>
  );
}
