import { formatBounds } from '../../core/numberInput';
import { useAppStore } from '../../store';
import type { FirstStageSource } from '../../store/settingsSlice';
import { defaultBm25 } from '../../store/settingsSlice';
import { DenseModelSettings } from './DenseModelSettings';
import { HybridSettingsPanel } from './HybridSettingsPanel';

const sources: { value: FirstStageSource; label: string; hint: string }[] = [
  { value: 'supplied', label: 'Retriever scores', hint: 'the scores that came with the documents, highest first' },
  { value: 'bm25', label: 'BM25', hint: 'keyword ranking computed here, in your browser' },
  { value: 'input', label: 'Input order', hint: 'the order the documents were given in' },
  { value: 'dense', label: 'Dense', hint: 'cosine between bi-encoder embeddings of the query and each document, computed here' },
  { value: 'hybrid', label: 'Hybrid', hint: 'BM25 and dense fused: Reciprocal Rank Fusion or a weighted sum' },
];

const k1Range = { min: 0, max: 3 };
const bRange = { min: 0, max: 1 };

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
      {(firstStage === 'dense' || firstStage === 'hybrid') && <DenseModelSettings />}
      {firstStage === 'hybrid' && <HybridSettingsPanel />}
      {/* Dense alone never reads BM25: its knobs would only distract. */}
      <fieldset className="rounded-md border border-slate-200 p-2" hidden={firstStage === 'dense'}>
        <legend className="px-1 text-xs font-medium text-slate-600">BM25 settings</legend>
        {/* Sliders cannot hold a bad value; the bounds are shown beside them, outside the labels. */}
        <div className="grid grid-cols-[auto_1fr_3rem_auto] items-center gap-x-2 gap-y-1 text-xs">
          <label htmlFor="bm25-k1">k1</label>
          <input id="bm25-k1" type="range" min={k1Range.min} max={k1Range.max} step={0.05} value={bm25.k1} aria-describedby="bm25-k1-bounds" onChange={(e) => setBm25({ k1: Number(e.target.value) })} />
          <output htmlFor="bm25-k1" className="font-mono">{bm25.k1.toFixed(2)}</output>
          <span id="bm25-k1-bounds" className="text-slate-500">{formatBounds(k1Range)}</span>
          <label htmlFor="bm25-b">b</label>
          <input id="bm25-b" type="range" min={bRange.min} max={bRange.max} step={0.05} value={bm25.b} aria-describedby="bm25-b-bounds" onChange={(e) => setBm25({ b: Number(e.target.value) })} />
          <output htmlFor="bm25-b" className="font-mono">{bm25.b.toFixed(2)}</output>
          <span id="bm25-b-bounds" className="text-slate-500">{formatBounds(bRange)}</span>
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
