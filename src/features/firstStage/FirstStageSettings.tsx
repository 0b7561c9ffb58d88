import { useAppStore } from '../../store';
import type { FirstStageSource } from '../../store/settingsSlice';
import { defaultBm25 } from '../../store/settingsSlice';

const sources: { value: FirstStageSource; label: string; hint: string }[] = [
  { value: 'supplied', label: 'Retriever scores', hint: 'the scores that came with the documents, highest first' },
  { value: 'bm25', label: 'BM25', hint: 'keyword ranking computed here, in your browser' },
  { value: 'input', label: 'Input order', hint: 'the order the documents were given in' },
];

/** Where the first-stage order comes from, and BM25's knobs. */
export function FirstStageSettings() {
  const firstStage = useAppStore((s) => s.firstStage);
  const bm25 = useAppStore((s) => s.bm25);
  const setFirstStage = useAppStore((s) => s.setFirstStage);
  const setBm25 = useAppStore((s) => s.setBm25);
  return (
    <div className="space-y-3 text-sm">
      <fieldset>
        <legend className="mb-1 font-medium text-slate-700">First-stage order</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {sources.map((s) => (
            <label key={s.value} className="flex items-center gap-1.5" title={s.hint}>
              <input type="radio" name="first-stage" value={s.value} checked={firstStage === s.value} onChange={() => setFirstStage(s.value)} />
              {s.label}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="rounded-md border border-slate-200 p-2">
        <legend className="px-1 text-xs font-medium text-slate-600">BM25 settings</legend>
        <div className="grid grid-cols-[auto_1fr_3rem] items-center gap-x-2 gap-y-1 text-xs">
          <label htmlFor="bm25-k1">k1</label>
          <input id="bm25-k1" type="range" min={0} max={3} step={0.05} value={bm25.k1} onChange={(e) => setBm25({ k1: Number(e.target.value) })} />
          <output htmlFor="bm25-k1" className="font-mono">{bm25.k1.toFixed(2)}</output>
          <label htmlFor="bm25-b">b</label>
          <input id="bm25-b" type="range" min={0} max={1} step={0.05} value={bm25.b} onChange={(e) => setBm25({ b: Number(e.target.value) })} />
          <output htmlFor="bm25-b" className="font-mono">{bm25.b.toFixed(2)}</output>
        </div>
        <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs">
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={bm25.stem} onChange={(e) => setBm25({ stem: e.target.checked })} />
            English stemming (Porter)
          </label>
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={bm25.stopwords} onChange={(e) => setBm25({ stopwords: e.target.checked })} />
            Drop English stopwords
          </label>
          <button type="button" className="text-indigo-700 underline" onClick={() => setBm25({ k1: defaultBm25.k1, b: defaultBm25.b })}>
            Reset k1 and b
          </button>
        </div>
      </fieldset>
    </div>
  );
}
