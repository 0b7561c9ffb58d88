import { useState } from 'react';
import { comparisonSvg, DEFAULT_ROW_LIMIT } from '../../core/export/comparisonSvg';
import { rankingsCsv } from '../../core/export/rankingsCsv';
import { useAppStore } from '../../store';
import { selectCandidates } from '../../store/selectors';
import { comparisonInputOf, exportBaseName } from './comparisonExport';
import { downloadBlob, svgToPng } from './svgToPng';

const buttonClass =
  'rounded-full border border-slate-300 bg-white px-2.5 py-1 text-slate-700 hover:border-indigo-400 hover:text-indigo-700 disabled:cursor-not-allowed disabled:opacity-50';

type Status = { tone: 'info' | 'error'; text: string; cause?: string };

const cutShortNote = `Each column was cut to its first ${DEFAULT_ROW_LIMIT} rows, as the page shows before "Show more". The CSV has every row.`;

/** Downloads of the query on screen: the comparison as a picture (SVG, or PNG at 2×), and the rankings as CSV. */
export function ExportMenu() {
  const hasDocuments = useAppStore((s) => selectCandidates(s).length > 0);
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);

  const drawing = () => {
    const state = useAppStore.getState();
    return { ...comparisonSvg(comparisonInputOf(state)), base: exportBaseName(state) };
  };
  const exportSvg = () => {
    const { svg, cutShort, base } = drawing();
    downloadBlob(`${base}.comparison.svg`, new Blob([svg], { type: 'image/svg+xml' }));
    setStatus(cutShort ? { tone: 'info', text: cutShortNote } : null);
  };
  const exportPng = async () => {
    setBusy(true);
    try {
      const { svg, width, height, cutShort, base } = drawing();
      const png = await svgToPng(svg, width, height, 2);
      if (!png.ok) {
        setStatus({ tone: 'error', text: png.error.message, cause: png.error.cause });
        return;
      }
      downloadBlob(`${base}.comparison.png`, png.value);
      setStatus(cutShort ? { tone: 'info', text: cutShortNote } : null);
    } finally {
      setBusy(false);
    }
  };
  const exportCsv = () => {
    const state = useAppStore.getState();
    downloadBlob(`${exportBaseName(state)}.rankings.csv`, new Blob([rankingsCsv(comparisonInputOf(state))], { type: 'text/csv' }));
    setStatus(null);
  };

  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
        <span className="font-medium">Export:</span>
        <button type="button" className={buttonClass} disabled={!hasDocuments} onClick={exportSvg}>
          Comparison as SVG
        </button>
        <button type="button" className={buttonClass} disabled={!hasDocuments || busy} onClick={() => void exportPng()}>
          {busy ? 'Drawing the PNG…' : 'Comparison as PNG (2×)'}
        </button>
        <button type="button" className={buttonClass} disabled={!hasDocuments} onClick={exportCsv}>
          Rankings as CSV
        </button>
      </div>
      {status && (
        <p role={status.tone === 'error' ? 'alert' : 'status'} title={status.cause} className={`text-xs ${status.tone === 'error' ? 'text-red-800' : 'text-slate-600'}`}>
          {status.text}
        </p>
      )}
    </div>
  );
}
