import type { KeyboardEvent } from 'react';
import type { Outcome } from '../../core/sets/aggregate';
import { cellDeltaText, cellValueText, type QueryRowView, type RankerCell } from './queryListModel';

/** Every row is this tall, so the virtual list can place rows by arithmetic alone (text is cut to one line). */
export const ROW_HEIGHT = 36;

const outcomeBadge: Record<Outcome, string> = {
  win: 'bg-emerald-100 text-emerald-800',
  loss: 'bg-rose-100 text-rose-800',
  tie: 'bg-slate-100 text-slate-600',
};

function deltaClass(outcome: Outcome | null): string {
  if (outcome === 'win') return 'text-emerald-700';
  if (outcome === 'loss') return 'text-rose-700';
  return 'text-slate-600';
}

// A hairline under each row drawn as a shadow: a border would add a pixel to every row and drift the arithmetic.
const cellClass = 'overflow-hidden whitespace-nowrap px-2 shadow-[inset_0_-1px_0_var(--color-slate-100)]';

function ValueCell({ cell }: { cell: RankerCell }) {
  return (
    <td data-testid="query-value" className={`${cellClass} text-right`}>
      {cell.stale && (
        <span data-testid="stale-hint" title="These scores came from other inputs or settings: rerank to bring them up to date" className="mr-1 rounded bg-amber-50 px-1 text-[11px] text-amber-800">
          out of date
        </span>
      )}
      <span className="font-mono">{cellValueText(cell)}</span>
    </td>
  );
}

function DeltaCell({ cell }: { cell: RankerCell }) {
  return (
    <td data-testid="query-delta" className={`${cellClass} text-right`}>
      <span className={`font-mono ${deltaClass(cell.outcome)}`}>{cellDeltaText(cell)}</span>
      {cell.outcome && (
        <span data-testid="query-outcome" className={`ml-1 inline-block w-9 rounded text-center text-xs font-semibold ${outcomeBadge[cell.outcome]}`}>
          {cell.outcome}
        </span>
      )}
    </td>
  );
}

interface QueryListRowProps {
  row: QueryRowView;
  /** The row's place in the list as shown (not in the set). */
  index: number;
  isOpen: boolean;
  /** The one row button reachable with Tab; the arrows move between the others. */
  isTabStop: boolean;
  onOpen: (queryId: string) => void;
  onMove: (from: number, key: 'ArrowUp' | 'ArrowDown' | 'Home' | 'End') => void;
  onFocusRow: (queryId: string) => void;
}

export function QueryListRow({ row, index, isOpen, isTabStop, onOpen, onMove, onFocusRow }: QueryListRowProps) {
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown' && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    onMove(index, e.key);
  };
  return (
    <tr
      data-testid="query-row"
      aria-rowindex={index + 2}
      aria-current={isOpen ? 'true' : undefined}
      style={{ height: ROW_HEIGHT }}
      onClick={() => onOpen(row.id)}
      className={`cursor-pointer text-sm tabular-nums ${isOpen ? 'bg-sky-50 font-medium' : 'hover:bg-slate-50'}`}
    >
      <th scope="row" className={`${cellClass} text-left font-normal`}>
        <button
          type="button"
          data-row-index={index}
          tabIndex={isTabStop ? 0 : -1}
          aria-label={`Open query ${row.id}`}
          title={row.id}
          onClick={(e) => {
            // The row's own click handler opens too: once is enough.
            e.stopPropagation();
            onOpen(row.id);
          }}
          onKeyDown={onKeyDown}
          onFocus={() => onFocusRow(row.id)}
          className={`block max-w-full truncate rounded px-1 font-mono text-xs underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-700 ${isOpen ? 'text-sky-900' : 'text-sky-800'}`}
        >
          {row.id}
        </button>
      </th>
      <td className={`${cellClass} truncate text-slate-900`} title={row.text}>
        {row.text || <span className="text-slate-600">(empty query)</span>}
      </td>
      <td className={`${cellClass} text-right`}>{row.candidateCount.toLocaleString('en-US')}</td>
      <td className={`${cellClass} text-right`}>{row.relevantCount.toLocaleString('en-US')}</td>
      {row.cells.flatMap((cell, i) => [
        <ValueCell key={`${cell.rankerId}:value`} cell={cell} />,
        ...(i === 0 ? [] : [<DeltaCell key={`${cell.rankerId}:delta`} cell={cell} />]),
      ])}
    </tr>
  );
}
