import { useState } from 'react';
import { useAppStore } from '../../store';
import { shareLinkOf } from '../../store/shareActions';
import { LinkLengthNote } from './LinkLengthNote';
import { pageUrl } from './linkHandling';
import { withPresentFlag } from './presentLink';

const buttonClass = 'rounded border border-slate-300 bg-white px-2 py-1 text-xs text-slate-800 hover:bg-slate-50';

type LinkState = { kind: 'idle' } | { kind: 'copied' | 'shown'; url: string } | { kind: 'error'; message: string };

/** "Copy link": the whole setup in the address's fragment, which is never sent to a server. */
export function LinkSection() {
  const [link, setLink] = useState<LinkState>({ kind: 'idle' });
  const [present, setPresent] = useState(false);
  const copy = async () => {
    const made = await shareLinkOf(useAppStore.getState(), pageUrl());
    if (!made.ok) {
      setLink({ kind: 'error', message: made.error.message });
      return;
    }
    const url = present ? withPresentFlag(made.value) : made.value;
    try {
      await navigator.clipboard.writeText(url);
      setLink({ kind: 'copied', url });
    } catch {
      // No clipboard here (plain http on a local network, or refused): show the link to copy by hand.
      setLink({ kind: 'shown', url });
    }
  };
  return (
    <div className="space-y-1.5">
      <button type="button" className={buttonClass} onClick={() => void copy()}>
        Copy link
      </button>
      <label className="flex items-center gap-1.5 text-xs text-slate-700">
        <input type="checkbox" checked={present} onChange={(e) => setPresent(e.target.checked)} />
        Opens in presenter mode
      </label>
      <p className="text-xs text-slate-500">The query, documents, settings, columns and judgments. Never an API key; no scores.</p>
      {link.kind === 'error' && (
        <p role="alert" className="text-xs text-red-800">
          {link.message}
        </p>
      )}
      {(link.kind === 'copied' || link.kind === 'shown') && (
        <>
          <p role="status" className="text-xs text-slate-700">
            {link.kind === 'copied' ? 'Link copied.' : 'Copying is not allowed here: select the link below and copy it.'}
          </p>
          <input
            readOnly
            aria-label="Share link"
            value={link.url}
            onFocus={(e) => e.currentTarget.select()}
            className="w-full rounded border border-slate-300 px-1.5 py-0.5 font-mono text-xs text-slate-700"
          />
          <LinkLengthNote length={link.url.length} />
        </>
      )}
    </div>
  );
}
