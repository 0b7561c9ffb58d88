import { useRef, useState } from 'react';
import { SESSION_FILE_SUFFIX } from '../../core/share';
import { useAppStore } from '../../store';
import { sessionFileOf } from '../../store/shareActions';
import { openSessionFile } from './openFlow';
import { downloadText } from '../sets/download';

const buttonClass = 'rounded border border-slate-300 bg-white px-2 py-1 text-xs text-slate-800 hover:bg-slate-50';

/** Save and open `*.rerank.json` session files: the link's setup, and the scores if asked. */
export function FileSection() {
  const [includeScores, setIncludeScores] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const save = () => {
    const file = sessionFileOf(useAppStore.getState(), includeScores);
    setError(file.ok ? null : file.error.message);
    if (file.ok) downloadText(file.value.name, file.value.text, 'application/json');
  };
  // The worker refuses a file past the limit before reading it, and reads the rest: the page never holds the text.
  const open = async (file: File | undefined) => {
    if (file) await openSessionFile(file);
  };
  return (
    <div className="space-y-1.5">
      <label className="flex items-start gap-1.5 text-xs text-slate-700">
        <input type="checkbox" checked={includeScores} onChange={(e) => setIncludeScores(e.target.checked)} className="mt-0.5" />
        <span>Include every column’s scores, so the results show with no model download and no network</span>
      </label>
      <div className="flex flex-wrap gap-1.5">
        <button type="button" className={buttonClass} onClick={save}>
          Save session file…
        </button>
        <button type="button" className={buttonClass} onClick={() => input.current?.click()}>
          Open session file…
        </button>
        <input
          ref={input}
          type="file"
          accept={`${SESSION_FILE_SUFFIX},.json,application/json`}
          className="hidden"
          aria-label="Session file to open"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            void open(file);
          }}
        />
      </div>
      {error && (
        <p role="alert" className="text-xs text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
