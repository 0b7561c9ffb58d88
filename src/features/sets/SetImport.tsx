import { useRef, useState, type DragEvent } from 'react';
import { ProgressBar } from '../../components/ProgressBar';
import { useAppStore } from '../../store';
import { cancelImport, importSetFiles, loadExampleSet } from '../../store/setActions';
import { CorpusTopKField } from './CorpusTopKField';
import { filesOverSetLimit, setFilesTooLargeMessage } from './setFileLimit';

/**
 * Import a query set: several files at once, by the file input or by dropping them. The files are read in
 * the compute worker; what each one is, is told from its name and its first lines.
 */
export function SetImport() {
  const importing = useAppStore((s) => s.importing);
  const [dragging, setDragging] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const start = (list: FileList | null) => {
    const files = [...(list ?? [])];
    if (files.length === 0) return;
    const tooLarge = filesOverSetLimit(files);
    if (tooLarge.length > 0) {
      setRefused(setFilesTooLargeMessage(tooLarge));
      return;
    }
    setRefused(null);
    void importSetFiles(files);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    start(event.dataTransfer.files);
  };

  return (
    <div className="space-y-2">
      <div
        data-testid="set-drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`rounded-md border-2 border-dashed p-3 text-sm ${dragging ? 'border-indigo-500 bg-indigo-50' : 'border-slate-300'}`}
      >
        <p className="text-slate-700">
          Evaluate many queries at once: drop TREC files (topics, run, qrels, collection), BEIR files (corpus.jsonl, queries.jsonl, qrels/*.tsv), a JSONL with one query per
          line, or a long CSV here.
        </p>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <button type="button" onClick={() => input.current?.click()} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
            Import query set files…
          </button>
          <input ref={input} type="file" multiple aria-label="Import query set files" className="hidden" onChange={(e) => { start(e.target.files); e.target.value = ''; }} />
          <button type="button" onClick={() => void loadExampleSet()} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
            Open the example set
          </button>
        </div>
        <CorpusTopKField />
      </div>
      {importing && (
        <div className="flex items-center gap-2 text-xs text-slate-700" data-testid="import-progress">
          <span>
            {importing.stage === 'reading' ? 'Reading files' : importing.stage === 'parsing' ? 'Parsing' : 'Retrieving with BM25'}… {importing.done} / {importing.total}
          </span>
          <ProgressBar max={Math.max(1, importing.total)} value={importing.done} label="import progress" className="flex-1" />
          <button type="button" onClick={cancelImport} className="underline">
            Cancel
          </button>
        </div>
      )}
      {refused && (
        <p role="alert" className="text-sm text-red-800">
          {refused}
        </p>
      )}
    </div>
  );
}
