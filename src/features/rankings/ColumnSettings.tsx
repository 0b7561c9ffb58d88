import { useState, type ReactNode } from 'react';
import type { RunState } from '../../store/columns';

/**
 * A column's settings, folded away once a run succeeds: side by side, tall settings would push every list
 * (and its rank lines) far down the page. Any other outcome leaves them open, since the user will likely
 * change something next.
 */
export function ColumnSettings({ title, status, children }: { title: string; status: RunState['status']; children: ReactNode }) {
  const [openChoice, setOpenChoice] = useState<boolean | null>(null);
  const [lastStatus, setLastStatus] = useState(status);
  if (status !== lastStatus) {
    setLastStatus(status);
    if (status === 'done') setOpenChoice(false);
  }
  const open = openChoice ?? true;
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpenChoice(!open)}
        className="mb-1 text-xs font-medium text-indigo-700 underline"
      >
        {open ? 'Hide settings' : 'Show settings'}
        <span className="sr-only"> of {title}</span>
      </button>
      {open && children}
    </div>
  );
}
