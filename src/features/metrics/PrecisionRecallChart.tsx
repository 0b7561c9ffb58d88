import type { CutoffPoint } from '../../core/metricSteps';
import { formatMetric } from '../../core/metrics';

const WIDTH = 360;
const HEIGHT = 170;
const MARGIN = { left: 30, right: 10, top: 8, bottom: 30 };
const PLOT_WIDTH = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom;

/** x of a cut-off: 1 at the left edge, the last at the right (a single point sits in the middle). */
function xOf(cutoff: number, last: number): number {
  return MARGIN.left + (last <= 1 ? PLOT_WIDTH / 2 : ((cutoff - 1) / (last - 1)) * PLOT_WIDTH);
}

const yOf = (value: number): number => MARGIN.top + (1 - value) * PLOT_HEIGHT;

function polyline(points: readonly CutoffPoint[], last: number, value: (p: CutoffPoint) => number): string {
  return points.map((p) => `${xOf(p.cutoff, last).toFixed(1)},${yOf(value(p)).toFixed(1)}`).join(' ');
}

/** What a screen reader hears instead of the picture. */
function summaryOf(points: readonly CutoffPoint[], k: number): string {
  const last = points.at(-1);
  if (!last) return 'Precision and recall: the ranking is empty.';
  const atK = points.find((p) => p.cutoff === k);
  const atKText = atK
    ? ` At k = ${k}: precision ${formatMetric(atK.precision)}, recall ${formatMetric(atK.recall)}.`
    : ` k = ${k} is past the last cut-off shown.`;
  return (
    `Precision and recall at cut-offs 1 to ${last.cutoff}.${atKText}` +
    ` At ${last.cutoff}: precision ${formatMetric(last.precision)}, recall ${formatMetric(last.recall)}.`
  );
}

const yTicks = [0, 0.5, 1];

/** Precision (solid) and recall (dashed) at every cut-off, with k marked, and the numbers in a table beneath. */
export function PrecisionRecallChart({ points, k }: { points: readonly CutoffPoint[]; k: number }) {
  const last = points.at(-1)?.cutoff ?? 1;
  const kShown = k >= 1 && k <= last;
  return (
    <figure className="space-y-1">
      <svg role="img" aria-label={summaryOf(points, k)} data-testid="precision-recall-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="block w-full max-w-md">
        {yTicks.map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={yOf(tick)} y2={yOf(tick)} className="stroke-slate-200" />
            <text x={MARGIN.left - 4} y={yOf(tick)} textAnchor="end" dominantBaseline="middle" className="fill-slate-600 text-[10px]">
              {tick.toFixed(1)}
            </text>
          </g>
        ))}
        <line x1={MARGIN.left} x2={MARGIN.left} y1={MARGIN.top} y2={MARGIN.top + PLOT_HEIGHT} className="stroke-slate-400" />
        {[1, last].map((cutoff) => (
          <text key={cutoff} x={xOf(cutoff, last)} y={HEIGHT - MARGIN.bottom + 12} textAnchor="middle" className="fill-slate-600 text-[10px]">
            {cutoff}
          </text>
        ))}
        <text x={MARGIN.left + PLOT_WIDTH / 2} y={HEIGHT - 4} textAnchor="middle" className="fill-slate-600 text-[10px]">
          cut-off (rank)
        </text>
        {kShown && (
          <g>
            <line x1={xOf(k, last)} x2={xOf(k, last)} y1={MARGIN.top} y2={MARGIN.top + PLOT_HEIGHT} strokeDasharray="2 2" className="stroke-slate-900" />
            <text x={xOf(k, last) + 3} y={MARGIN.top + 8} className="fill-slate-900 text-[10px]">
              k = {k}
            </text>
          </g>
        )}
        <polyline points={polyline(points, last, (p) => p.precision)} fill="none" strokeWidth={2} className="stroke-sky-700" />
        <polyline points={polyline(points, last, (p) => p.recall)} fill="none" strokeWidth={2} strokeDasharray="5 3" className="stroke-amber-700" />
      </svg>
      <figcaption className="flex flex-wrap gap-3 text-xs text-slate-700">
        <span className="flex items-center gap-1">
          <svg aria-hidden="true" width="22" height="8">
            <line x1="0" x2="22" y1="4" y2="4" strokeWidth={2} className="stroke-sky-700" />
          </svg>
          precision
        </span>
        <span className="flex items-center gap-1">
          <svg aria-hidden="true" width="22" height="8">
            <line x1="0" x2="22" y1="4" y2="4" strokeWidth={2} strokeDasharray="5 3" className="stroke-amber-700" />
          </svg>
          recall
        </span>
        {!kShown && <span>k = {k} is past the last cut-off shown ({last}).</span>}
      </figcaption>
      <details className="text-xs">
        <summary className="cursor-pointer text-slate-700">The numbers</summary>
        <div className="max-h-60 overflow-auto">
          <table aria-label="Precision and recall at each cut-off" className="mt-1 tabular-nums">
            <thead>
              <tr className="text-left text-slate-500">
                <th scope="col" className="pr-3 font-medium">Cut-off</th>
                <th scope="col" className="pr-3 text-right font-medium">Precision</th>
                <th scope="col" className="text-right font-medium">Recall</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.cutoff} className={p.cutoff === k ? 'bg-amber-50 font-semibold' : undefined}>
                  <td className="pr-3">{p.cutoff === k ? `${p.cutoff} (k)` : p.cutoff}</td>
                  <td className="pr-3 text-right font-mono">{formatMetric(p.precision)}</td>
                  <td className="text-right font-mono">{formatMetric(p.recall)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
