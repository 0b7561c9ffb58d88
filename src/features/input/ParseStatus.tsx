import { useAppStore } from '../../store';
import { selectParsed, selectParsePending } from '../../store/selectors';
import { FormatControls } from './FormatControls';
import { ParseIssues } from './ParseIssues';

const formatNames = { text: 'plain text', json: 'JSON', jsonl: 'JSONL', csv: 'CSV', tsv: 'TSV' } as const;
const PREVIEW_COUNT = 3;

/** How the documents were read: count, format, fields, a short preview, and every problem found. */
export function ParseStatus() {
  const parsed = useAppStore(selectParsed);
  const pending = useAppStore(selectParsePending);
  const size = useAppStore((s) => s.documentsText.length);
  const { candidates } = parsed;
  if (pending) {
    return (
      <p data-testid="parse-summary" role="status" className="text-sm text-slate-700">
        Reading {(size / 1e6).toFixed(1)} million characters in the background…
      </p>
    );
  }
  const reading = parsed.format === 'text' && parsed.textMode ? `, ${parsed.textMode === 'lines' ? 'one per line' : 'one per paragraph'}` : '';
  return (
    <div className="space-y-2 text-sm">
      <p data-testid="parse-summary" className="text-slate-700">
        <span className="font-semibold">
          {candidates.length.toLocaleString('en-US')} document{candidates.length === 1 ? '' : 's'}
        </span>{' '}
        read as {formatNames[parsed.format]}
        {reading}.
      </p>
      <FormatControls parsed={parsed} />
      {candidates.length > 0 && (
        <ul aria-label="Preview of the documents read" className="space-y-0.5 text-xs text-slate-600">
          {candidates.slice(0, PREVIEW_COUNT).map((c) => (
            <li key={c.id} className="truncate">
              <span className="font-mono text-slate-800">{c.id}</span>
              {c.score !== undefined && <span className="text-slate-500"> ({c.score})</span>} {c.text.slice(0, 120)}
            </li>
          ))}
          {candidates.length > PREVIEW_COUNT && <li className="text-slate-500">… and {(candidates.length - PREVIEW_COUNT).toLocaleString('en-US')} more</li>}
        </ul>
      )}
      <ParseIssues issues={parsed.issues} />
    </div>
  );
}
