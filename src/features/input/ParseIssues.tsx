import { useState } from 'react';
import type { ParseIssue } from '../../core/parse';

const SHOWN_BY_DEFAULT = 5;

function where(issue: ParseIssue): string {
  if (issue.line !== undefined) return issue.column !== undefined ? `Line ${issue.line}, column ${issue.column}` : `Line ${issue.line}`;
  if (issue.item !== undefined) return `Item ${issue.item}`;
  return '';
}

/** Errors first, then warnings; long lists are folded so a 10,000-line mistake does not bury the page. */
export function ParseIssues({ issues }: { issues: readonly ParseIssue[] }) {
  const [expanded, setExpanded] = useState(false);
  if (issues.length === 0) return null;
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const errors = issues.filter((i) => i.severity === 'error').length;
  const shown = expanded ? sorted : sorted.slice(0, SHOWN_BY_DEFAULT);
  return (
    <div role={errors > 0 ? 'alert' : 'status'} className={`rounded-md border px-3 py-2 ${errors > 0 ? 'border-red-300 bg-red-50' : 'border-amber-300 bg-amber-50'}`}>
      <p className="text-xs font-semibold text-slate-800">
        {errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : ''}
        {errors > 0 && issues.length > errors ? ', ' : ''}
        {issues.length > errors ? `${issues.length - errors} warning${issues.length - errors === 1 ? '' : 's'}` : ''}
        {' '}in the documents. Your text is unchanged; fix it in the field above.
      </p>
      <ul data-testid="parse-issues" className="mt-1 space-y-0.5 text-xs">
        {shown.map((issue, i) => (
          <li key={i} className={issue.severity === 'error' ? 'text-red-800' : 'text-amber-900'}>
            <span className="font-medium">{issue.severity === 'error' ? 'Error' : 'Warning'}</span>
            {where(issue) && <span> · {where(issue)}</span>}: {issue.message}
          </li>
        ))}
      </ul>
      {issues.length > SHOWN_BY_DEFAULT && (
        <button type="button" onClick={() => setExpanded(!expanded)} className="mt-1 text-xs font-medium text-indigo-700 underline">
          {expanded ? 'Show fewer' : `Show all ${issues.length.toLocaleString('en-US')}`}
        </button>
      )}
    </div>
  );
}
