import { useState } from 'react';
import { useAppStore } from '../../store';

/** K for BM25 over a corpus when no run is given. Kept as typed while editing; checked when it is committed. */
export function CorpusTopKField() {
  const k = useAppStore((s) => s.corpusTopK);
  const setK = useAppStore((s) => s.setCorpusTopK);
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? String(k);
  const parsed = Number(value);
  const valid = Number.isInteger(parsed) && parsed >= 1 && parsed <= 1000;
  const commit = () => {
    if (valid) setK(parsed);
    setDraft(null);
  };
  return (
    <label className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-700">
      Without a run, BM25 over the corpus keeps the top
      <input
        type="number"
        inputMode="numeric"
        min={1}
        max={1000}
        value={value}
        aria-invalid={!valid}
        aria-describedby="corpus-top-k-hint"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
        className="w-20 rounded border border-slate-300 px-1.5 py-0.5"
      />
      per query
      <span id="corpus-top-k-hint" className={valid ? 'text-slate-600' : 'text-red-800'}>
        (1 to 1,000{valid ? '' : '; this value is not used'})
      </span>
    </label>
  );
}
