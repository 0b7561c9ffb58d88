import { useRef, useState } from 'react';
import { Notice } from '../../components/Notice';
import { formatQrels, parseQrels, qrelsReport } from '../../core/qrels';
import { useAppStore } from '../../store';
import { selectActiveQuery, selectCandidateById, selectJudgments } from '../../store/selectors';
import { qrelsFileTooLarge } from './qrelsFileLimit';


/** Judgments in and out as TREC qrels: `qid 0 docid grade`, one per line. */
export function QrelsControls() {
  const judgments = useAppStore(selectJudgments);
  const byId = useAppStore(selectCandidateById);
  // TREC's query id in exported files: the set's query id, or "1" for a paste. Imports take that query when the file has it, else its first.
  const queryId = useAppStore((s) => selectActiveQuery(s).id);
  const replaceJudgments = useAppStore((s) => s.replaceJudgments);
  const fileInput = useRef<HTMLInputElement>(null);
  const [report, setReport] = useState<{ tone: 'info' | 'warning'; lines: string[] } | null>(null);

  const exportQrels = () => {
    const blob = new Blob([formatQrels(judgments, queryId)], { type: 'text/plain' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'qrels.txt';
    link.click();
    URL.revokeObjectURL(url);
  };

  const importQrels = async (file: File | undefined) => {
    if (!file) return;
    // Checked before reading: the file is read whole and parsed on this thread.
    const tooLarge = qrelsFileTooLarge(file, queryId);
    if (tooLarge !== null) {
      setReport({ tone: 'warning', lines: [tooLarge] });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      setReport({ tone: 'warning', lines: [`Could not read "${file.name}": ${String(error)}. Try again; your judgments are unchanged.`] });
      return;
    }
    const parsed = parseQrels(text, new Set(byId.keys()), queryId);
    const count = parsed.judgments.size;
    if (count > 0) replaceJudgments(parsed.judgments);
    const problems = qrelsReport(parsed.skipped);
    setReport({
      tone: problems || count === 0 ? 'warning' : 'info',
      lines: [
        count > 0 ? `Imported ${count} judgment${count === 1 ? '' : 's'} from ${file.name}.` : `No usable judgments in ${file.name}; your judgments are unchanged.`,
        ...parsed.notes,
        ...(problems ? [problems] : []),
      ],
    });
  };

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2 text-xs">
        <button type="button" onClick={() => fileInput.current?.click()} className="rounded border border-slate-300 bg-white px-2 py-1 text-slate-700 hover:bg-slate-50">
          Import qrels…
        </button>
        <input
          ref={fileInput}
          type="file"
          aria-label="Import judgments as TREC qrels"
          className="hidden"
          onChange={(e) => {
            void importQrels(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <button
          type="button"
          onClick={exportQrels}
          disabled={judgments.size === 0}
          className="rounded border border-slate-300 bg-white px-2 py-1 text-slate-700 hover:bg-slate-50 disabled:opacity-50"
        >
          Export qrels
        </button>
      </div>
      {report && (
        <Notice tone={report.tone}>
          {report.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </Notice>
      )}
    </div>
  );
}
