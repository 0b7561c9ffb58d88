import { RRF_DEFAULT_K } from '../../core/fusion';
import { formatBounds } from '../../core/numberInput';
import { useAppStore } from '../../store';

const kRange = { min: 0, max: 200 };
const weightRange = { min: 0, max: 1 };

/** How BM25 and dense are fused: RRF with its k, or a weighted sum with BM25's share on a slider. */
export function HybridSettingsPanel() {
  const hybrid = useAppStore((s) => s.hybrid);
  const setHybrid = useAppStore((s) => s.setHybrid);
  return (
    <fieldset className="rounded-md border border-slate-200 p-2 text-xs text-slate-700">
      <legend className="px-1 font-medium text-slate-600">Hybrid fusion (BM25 + dense)</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        <label className="flex items-center gap-1.5">
          <input type="radio" name="hybrid-method" checked={hybrid.method === 'rrf'} onChange={() => setHybrid({ method: 'rrf' })} />
          Reciprocal Rank Fusion: Σ 1 / (k + rank)
        </label>
        <label className="flex items-center gap-1.5">
          <input type="radio" name="hybrid-method" checked={hybrid.method === 'weighted'} onChange={() => setHybrid({ method: 'weighted' })} />
          Weighted sum of min-max scores
        </label>
      </div>
      {/* Sliders cannot hold a bad value; the bounds are shown beside them, outside the labels. */}
      <div className="mt-2 grid grid-cols-[auto_1fr_3rem_auto] items-center gap-x-2 gap-y-1">
        {hybrid.method === 'rrf' ? (
          <>
            <label htmlFor="hybrid-k">RRF k</label>
            <input id="hybrid-k" type="range" min={kRange.min} max={kRange.max} step={1} value={hybrid.k} aria-describedby="hybrid-k-bounds" onChange={(e) => setHybrid({ k: Number(e.target.value) })} />
            <output htmlFor="hybrid-k" className="font-mono">{hybrid.k}</output>
            <span id="hybrid-k-bounds" className="text-slate-500">{formatBounds(kRange)}</span>
          </>
        ) : (
          <>
            <label htmlFor="hybrid-weight">BM25 weight</label>
            <input
              id="hybrid-weight"
              type="range"
              min={weightRange.min}
              max={weightRange.max}
              step={0.05}
              value={hybrid.weight}
              aria-describedby="hybrid-weight-bounds"
              onChange={(e) => setHybrid({ weight: Number(e.target.value) })}
            />
            <output htmlFor="hybrid-weight" className="font-mono">{hybrid.weight.toFixed(2)}</output>
            <span id="hybrid-weight-bounds" className="text-slate-500">{formatBounds(weightRange)}</span>
          </>
        )}
      </div>
      <p className="mt-1 text-slate-500">
        {hybrid.method === 'rrf'
          ? `Uses ranks only, so BM25 and cosine need no common scale; BM25 lists only the documents that share a word with the query. k = ${RRF_DEFAULT_K} is the paper’s; smaller k lets the top ranks count more.`
          : `score = w × BM25 + (1 − w) × cosine, each scaled to 0..1 over the candidates. w = ${hybrid.weight.toFixed(2)}: 1 is BM25’s order, 0 the dense order.`}
      </p>
      {hybrid.method === 'rrf' && hybrid.k !== RRF_DEFAULT_K && (
        <button type="button" className="mt-1 text-indigo-700 underline" onClick={() => setHybrid({ k: RRF_DEFAULT_K })}>
          Reset k to {RRF_DEFAULT_K}
        </button>
      )}
    </fieldset>
  );
}
