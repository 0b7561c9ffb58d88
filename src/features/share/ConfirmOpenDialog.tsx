import { useMemo } from 'react';
import { describeSetup } from '../../core/share';
import { acceptPendingSetup, declinePendingSetup, useShareStore } from './openFlow';
import { ConfirmOpenView } from './ConfirmOpenView';

/** Shown while a link or file waits for the user's answer. */
export function ConfirmOpenDialog() {
  const pending = useShareStore((s) => s.pending);
  const lines = useMemo(() => (pending ? describeSetup(pending.setup) : []), [pending]);
  if (!pending) return null;
  const what = pending.from.kind === 'link' ? 'the shared setup' : `"${pending.from.name}"`;
  return <ConfirmOpenView what={what} lines={lines} onOpen={() => void acceptPendingSetup()} onKeep={declinePendingSetup} />;
}
