import { useEffect, useRef, useState, type DragEvent } from 'react';
import { Notice } from '../../components/Notice';
import { useAppStore } from '../../store';
import { isLargeInput } from '../../store/largeInput';
import { LargeInputSummary } from './LargeInputSummary';
import { readDocumentsFile } from './readDroppedFile';
import { canReadPasteAsync, insertPasted, readPasteAsync, watchClipboardPermission } from './clipboardPaste';

/** Edits go to the store after a short pause, so a 10,000-document paste is parsed once, not per keystroke. */
const COMMIT_DELAY_MS = 250;

export function DocumentsInput() {
  const storedText = useAppStore((s) => s.documentsText);
  const fileName = useAppStore((s) => s.fileName);
  const setDocumentsText = useAppStore((s) => s.setDocumentsText);
  const loadDocumentsFile = useAppStore((s) => s.loadDocumentsFile);
  const [draft, setDraft] = useState(isLargeInput(storedText) ? '' : storedText);
  const [dragging, setDragging] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  // A large input is shown as a summary, not laid out in the textarea, until the user asks to edit it.
  const [editLarge, setEditLarge] = useState(false);
  const showSummary = isLargeInput(storedText) && !editLarge;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const fileInput = useRef<HTMLInputElement>(null);

  // A preset or a file replaced the text in the store: show it.
  const [lastStored, setLastStored] = useState(storedText);
  if (storedText !== lastStored) {
    setLastStored(storedText);
    setDraft(isLargeInput(storedText) ? '' : storedText);
    if (!isLargeInput(storedText)) setEditLarge(false);
  }

  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(watchClipboardPermission, []);

  const onChange = (text: string) => {
    setDraft(text);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setDocumentsText(text), COMMIT_DELAY_MS);
  };

  const loadFile = async (file: File | undefined) => {
    if (!file) return;
    const result = await readDocumentsFile(file);
    if (!result.ok) {
      setFileError(result.message);
      return;
    }
    setFileError(null);
    clearTimeout(timer.current);
    loadDocumentsFile(result.text, result.name, result.format);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void loadFile(event.dataTransfer.files[0]);
  };

  return (
    <div>
      <div className="mb-1 flex items-center justify-between gap-2">
        <label htmlFor="documents" className="block text-sm font-medium text-slate-700">
          Documents
        </label>
        <div className="flex items-center gap-2 text-xs text-slate-500">
          {fileName && <span data-testid="file-name">from {fileName}</span>}
          <button
            type="button"
            onClick={() => fileInput.current?.click()}
            className="rounded border border-slate-300 bg-white px-2 py-1 font-medium text-slate-700 hover:bg-slate-50"
          >
            Upload file…
          </button>
          <input
            ref={fileInput}
            type="file"
            aria-label="Upload a documents file"
            accept=".txt,.json,.jsonl,.ndjson,.csv,.tsv,text/*,application/json"
            className="hidden"
            onChange={(e) => {
              void loadFile(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </div>
      </div>
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`rounded-md ${dragging ? 'ring-4 ring-indigo-300' : ''}`}
      >
        {showSummary ? (
          <LargeInputSummary text={storedText} fileName={fileName} onEdit={() => { setDraft(storedText); setEditLarge(true); }} onClear={() => setDocumentsText('')} />
        ) : (
        <textarea
          id="documents"
          value={draft}
          onPaste={(e) => {
            if (!editLarge && canReadPasteAsync(e.clipboardData)) {
              // Read off the main thread (clipboardPaste.ts); a large text then goes to the store as below.
              e.preventDefault();
              const field = e.currentTarget;
              readPasteAsync().then(
                (pasted) => {
                  if (isLargeInput(pasted)) {
                    clearTimeout(timer.current);
                    // In a task of its own: taking the text in already took this one.
                    setTimeout(() => setDocumentsText(pasted), 0);
                  } else if (!insertPasted(field, pasted)) onChange(field.value);
                },
                () => setFileError('The paste could not be read from the clipboard (the browser refused it). Paste again.'),
              );
              return;
            }
            // A large paste goes straight to the store: laying megabytes out in a textarea freezes the page.
            const pasted = e.clipboardData.getData('text');
            if (!editLarge && isLargeInput(pasted)) {
              e.preventDefault();
              clearTimeout(timer.current);
              // In a task of its own: reading the clipboard already took this one.
              setTimeout(() => setDocumentsText(pasted), 0);
            }
          }}
          onChange={(e) => onChange(e.target.value)}
          onBlur={() => {
            clearTimeout(timer.current);
            if (draft !== storedText) setDocumentsText(draft);
          }}
          spellCheck={false}
          rows={14}
          placeholder={'Paste documents: one per line, blank-line-separated paragraphs, JSON, JSONL or CSV.\nOr drop a file here.'}
          className="w-full resize-y rounded-md border border-slate-300 px-3 py-2 font-mono text-xs leading-relaxed shadow-inner focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200"
        />
        )}
      </div>
      {fileError && <Notice tone="error">{fileError}</Notice>}
    </div>
  );
}
