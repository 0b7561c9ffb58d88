import { useId, useMemo, useState } from 'react';
import { plainNumber } from '../../core/scoreInsights';
import type { ScoreDisplay } from '../../core/scoreDisplay';
import type { ScoreKind } from '../../core/types';
import { ScaleToggle } from './ScaleToggle';
import { scaleButtonLabels } from './scoreFormat';
import { countAtOrAbove, initialStep, rawEquivalent, scaleColumns, sliderRange, SLIDER_STEPS, thresholdAt, type ScaledColumn } from './thresholdModel';

export interface ThresholdExplorerProps {
  /** Each column's scores for the query on screen (any order), and what they are. */
  columns: { name: string; scores: number[]; kind: ScoreKind }[];
  /** The scale it opens on; sigmoid when a column has logits (the scale people read as a probability), else raw. */
  defaultScale?: ScoreDisplay;
}

const scaleWords: Record<ScoreDisplay, string> = {
  raw: 'each column’s own numbers',
  sigmoid: 'sigmoid, which looks like a probability but is not calibrated',
  minmax: 'min-max within each list, where the best document is always 1',
};

/** A threshold: 3 decimals on the bounded scales, 2 on the raw one (its steps are coarser). */
const formatThreshold = (x: number, scale: ScoreDisplay) => (scale === 'raw' ? x.toFixed(2) : x.toFixed(3)).replace('-', '−');
const formatRaw = (x: number) => (Number.isFinite(x) ? x.toFixed(3).replace('-', '−') : plainNumber(x));

/**
 * One threshold, on one scale, applied to every column at once. One slider, not one per column: the lesson is
 * that the same number keeps very different shares of the documents in different models, and side-by-side counts
 * under a single number show it directly, where per-column sliders would let each be tuned and hide it.
 */
export function ThresholdExplorer({ columns, defaultScale }: ThresholdExplorerProps) {
  const id = useId();
  const opening = defaultScale ?? (columns.some((c) => c.kind === 'raw logit') ? 'sigmoid' : 'raw');
  const [pickedScale, setPickedScale] = useState<ScoreDisplay>(opening);
  const [pickedStep, setPickedStep] = useState<number | null>(null);
  const unavailable = useMemo(() => {
    // A scale no column can use is no lesson: sigmoid with BM25 alone.
    const none = scaleColumns(columns, 'sigmoid').every((c) => c.transform === null);
    return new Map<ScoreDisplay, string>(none ? [['sigmoid', 'No column has logits or 0–1 scores.']] : []);
  }, [columns]);
  const scale = unavailable.has(pickedScale) ? 'raw' : pickedScale;
  const scaled = useMemo(() => scaleColumns(columns, scale), [columns, scale]);
  const range = useMemo(() => sliderRange(scaled, scale), [scaled, scale]);
  if (columns.length === 0) return null;

  const step = pickedStep ?? initialStep(range, scale);
  const threshold = thresholdAt(step, range);
  const shown = formatThreshold(threshold, scale);
  const rows = scaled.map((column) => ({ column, passing: column.transform === null ? null : countAtOrAbove(column.sorted, threshold) }));
  const counted = rows.filter((r) => r.passing !== null && r.column.sorted.length > 0);
  const summary = counted.map((r) => `${r.column.name} keeps ${r.passing} of ${r.column.sorted.length}`).join('; ');

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-2" data-testid="threshold-explorer">
      <h3 id={`${id}-heading`} className="text-sm font-semibold text-slate-900">
        One threshold, every column
      </h3>
      <p className="text-xs text-slate-600">
        Keep the documents scored at or above one number, on {scaleWords[scale]}. Different models put their scores on different scales (a raw logit
        has no fixed range, and BM25 is not a logit at all), so one number keeps very different shares of the same documents: a threshold tuned on
        one model does not carry to another.
      </p>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-700">
        <ScaleToggle
          legend="Scale of the threshold"
          value={scale}
          unavailable={unavailable}
          onChange={(next) => {
            setPickedScale(next);
            setPickedStep(null);
          }}
        />
        <label className="flex grow items-center gap-2">
          Threshold
          <input
            type="range"
            min={0}
            max={SLIDER_STEPS}
            step={1}
            value={step}
            aria-valuetext={`at or above ${shown}, ${scaleButtonLabels[scale]} scale`}
            onChange={(e) => setPickedStep(Number(e.target.value))}
            className="min-w-24 grow accent-indigo-700"
          />
        </label>
        <output className="font-mono tabular-nums text-slate-900" data-testid="threshold-value">
          ≥ {shown}
        </output>
      </div>
      <table className="w-full text-left text-xs">
        <thead className="text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-2 font-medium">Column</th>
            <th scope="col" className="py-1 pr-2 font-medium">Passing</th>
            <th scope="col" className="py-1 font-medium">The same cut in its own units</th>
          </tr>
        </thead>
        <tbody className="text-slate-800">
          {rows.map(({ column, passing }, i) => (
            <ThresholdRow key={i} column={column} passing={passing} threshold={threshold} />
          ))}
        </tbody>
      </table>
      {counted.length > 0 && (
        <p data-testid="threshold-summary" className="text-xs text-slate-800">
          At ≥ {shown}: {summary}.
        </p>
      )}
    </section>
  );
}

function ThresholdRow({ column, passing, threshold }: { column: ScaledColumn; passing: number | null; threshold: number }) {
  const total = column.sorted.length;
  const raw = rawEquivalent(threshold, column);
  const share = passing !== null && total > 0 ? passing / total : 0;
  return (
    <tr data-testid="threshold-row" className="border-t border-slate-100 align-top">
      <th scope="row" className="max-w-40 break-all py-1 pr-2 font-normal">
        {column.name}
      </th>
      <td className="py-1 pr-2">
        {passing === null || total === 0 ? (
          <span className="text-slate-600">{total === 0 && passing !== null ? 'no scores yet' : '—'}</span>
        ) : (
          <>
            <span className="font-mono tabular-nums">
              {passing} of {total}
            </span>
            <div className="mt-0.5 h-1.5 w-24 rounded-full bg-slate-200" aria-hidden="true">
              <div className="h-1.5 rounded-full bg-indigo-700" style={{ width: `${Math.round(share * 100)}%` }} />
            </div>
          </>
        )}
      </td>
      <td className="py-1 text-slate-700">
        {raw === null ? column.note : `${column.kind} ≥ ${formatRaw(raw)}${column.transform === 'minmax' ? ' in this list' : ''}`}
        {raw !== null && column.note && <span className="text-slate-600"> ({column.note})</span>}
      </td>
    </tr>
  );
}
