import { LARGE_INPUT_CHARS } from '../../store/largeInput';

const PREVIEW_CHARS = 1200;

/**
 * A large paste or upload, shown as a file would be: its size and a preview. The text itself stays in memory;
 * putting megabytes into a textarea is what froze the page. Editing stays possible, on request.
 */
export function LargeInputSummary({ text, fileName, onEdit, onClear }: { text: string; fileName: string | null; onEdit: () => void; onClear: () => void }) {
  return (
    <div id="documents" tabIndex={-1} aria-label="Documents" data-testid="large-input" className="space-y-2 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-xs text-slate-700">
      <p>
        <span className="font-semibold">{fileName ?? 'Pasted documents'}</span>: {(text.length / 1e6).toFixed(1)} million characters. Inputs over{' '}
        {(LARGE_INPUT_CHARS / 1e6).toLocaleString('en-US')} million characters are kept in memory and read in the background instead of being shown
        here, so the page stays responsive.
      </p>
      <pre aria-label="Start of the documents" className="max-h-40 overflow-auto whitespace-pre-wrap break-all rounded bg-white p-2 font-mono text-[11px] text-slate-800">
        {text.slice(0, PREVIEW_CHARS)}
        {text.length > PREVIEW_CHARS && '\n…'}
      </pre>
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={onEdit} className="rounded border border-slate-300 bg-white px-2 py-1 font-medium text-slate-800 hover:bg-slate-50">
          Edit as text (slow for this size)
        </button>
        <button type="button" onClick={onClear} className="rounded border border-slate-300 bg-white px-2 py-1 font-medium text-slate-800 hover:bg-slate-50">
          Clear
        </button>
      </div>
    </div>
  );
}
