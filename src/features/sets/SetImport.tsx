import { useRef, useState, type DragEvent } from 'react';
import { ProgressBar } from '../../components/ProgressBar';
import { useAppStore } from '../../store';
import { cancelImport, importSetFiles, loadExampleSet } from '../../store/setActions';
import { CorpusTopKField } from './CorpusTopKField';

/** Per file: larger ones would not fit in the page's memory alongside the set built from them. */
export const MAX_SET_FILE_BYTES = 200 * 1024 * 1024;

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
    const tooLarge = files.filter((f) => f.size > MAX_SET_FILE_BYTES);
    if (tooLarge.length > 0) {
      setRefused(`${tooLarge.map((f) => `"${f.name}" (${Math.round(f.size / 1e6)} MB)`).join(', ')} ${tooLarge.length === 1 ? 'is' : 'are'} over the ${MAX_SET_FILE_BYTES / 1e6} MB limit per file. Keep your retriever's top 100 per query in the run, or a smaller corpus.`);
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
