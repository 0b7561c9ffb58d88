import { memo, useCallback, useMemo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { Outcome } from '../../core/sets/aggregate';
import { useAppStore } from '../../store';
import { selectSetAggregate } from '../../store/setSummary';
import {
  barCaption,
  barIndexAt,
  barLabel,
  buildDeltaChart,
  CHART_HEIGHT,
  CHART_WIDTH,
  describeCounts,
  describeNotCompared,
  metricLabel,
  type DeltaChartModel,
} from './deltaChartModel';

// Bars are graphics, so they need 3:1 against white: emerald-600, rose-600 and slate-500 all pass.
const fillClass: Record<Outcome, string> = { win: 'fill-emerald-600', loss: 'fill-rose-600', tie: 'fill-slate-500' };
/** The hover band stays this wide (units) even when a bar is thinner than a pixel, so the eye finds it. */
const MIN_HIGHLIGHT_WIDTH = 6;

interface BarsProps {
  model: DeltaChartModel;
  texts: ReadonlyMap<string, string>;
  onOpen: (queryId: string) => void;
  onActivate: (queryId: string | null) => void;
}

/** One focusable <rect> per query. Memoized: hovering moves the highlight, it does not redraw 1,000 bars. */
const Bars = memo(function Bars({ model, texts, onOpen, onActivate }: BarsProps) {
  const onKeyDown = (event: KeyboardEvent<SVGRectElement>, queryId: string) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(queryId);
    } else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      // Arrows walk the bars, so a keyboard user need not tab through every query to reach one.
      const next = event.key === 'ArrowRight' ? event.currentTarget.nextElementSibling : event.currentTarget.previousElementSibling;
      if (next instanceof SVGElement) {
        event.preventDefault();
        next.focus();
      }
    }
  };
  return (
    <g>
      {model.bars.map((bar) => (
        <rect
          key={bar.queryId}
          data-testid="delta-bar"
          x={bar.x}
          y={bar.y}
          width={bar.width}
          height={bar.height}
          className={`${fillClass[bar.outcome]} cursor-pointer outline-none`}
          tabIndex={0}
          role="button"
          aria-label={barLabel(bar)}
          onClick={(event) => {
            event.stopPropagation();
            onOpen(bar.queryId);
          }}
          onKeyDown={(event) => onKeyDown(event, bar.queryId)}
          onFocus={() => onActivate(bar.queryId)}
          onBlur={() => onActivate(null)}
        >
          <title>{barCaption(bar, texts.get(bar.queryId))}</title>
        </rect>
      ))}
    </g>
  );
});

/** The per-query difference chart: each query's change in the set metric, one reranked column against the first stage. */
export function DeltaChart() {
  const aggregate = useAppStore(selectSetAggregate);
  const set = useAppStore((s) => s.querySet);
  const k = useAppStore((s) => s.metricK);
  const metric = useAppStore((s) => s.setMetric);
  const openQuery = useAppStore((s) => s.openQuery);
  const [pickedId, setPickedId] = useState<string | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [first, ...columns] = aggregate.rankers;
  const compared = columns.filter((r) => r.vsFirstStage !== null);
  const ranker = compared.find((r) => r.id === pickedId) ?? compared[0];
  const comparison = ranker?.vsFirstStage ?? null;
  const model = useMemo(() => (comparison ? buildDeltaChart(comparison.perQuery) : null), [comparison]);
  const texts = useMemo(() => new Map(set?.queries.map((q) => [q.id, q.text]) ?? []), [set]);
  const barById = useMemo(() => new Map(model?.bars.map((bar) => [bar.queryId, bar]) ?? []), [model]);
  const onActivate = useCallback((queryId: string | null) => setActiveId(queryId), []);

  if (!set || !first || aggregate.totalQueries === 0) return null;
  const label = metricLabel(metric, k, 'query');
  const heading = (
    <h3 id="delta-chart-heading" className="text-sm font-semibold text-slate-900">
      Change in {label}, query by query
    </h3>
  );
  if (!ranker || !comparison || !model) {
    return (
      <section aria-labelledby="delta-chart-heading" className="space-y-2">
        {heading}
        <p className="text-sm text-slate-700">Rerank the set with a column to see how each query’s {label} changes against the first stage.</p>
      </section>
    );
  }

  const active = activeId === null ? undefined : barById.get(activeId);
  const onPointer = (event: MouseEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const index = box.width > 0 ? barIndexAt(model, ((event.clientX - box.left) / box.width) * CHART_WIDTH) : null;
    return index === null ? undefined : model.bars[index];
  };
  const highlightWidth = active ? Math.max(model.slotWidth, MIN_HIGHLIGHT_WIDTH) : 0;

  return (
    <section aria-labelledby="delta-chart-heading" className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        {heading}
        {compared.length > 1 && (
          <label className="flex items-center gap-1 text-xs text-slate-700">
            Column
            <select value={ranker.id} onChange={(e) => setPickedId(e.target.value)} className="max-w-64 rounded border border-slate-300 bg-white px-1.5 py-1">
              {compared.map((r, i) => (
                <option key={r.id} value={r.id}>
                  {i + 1}. {r.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <p id="delta-chart-description" className="text-xs text-slate-600">
        {ranker.name} minus {first.name}, sorted from the largest gain to the largest loss. Bars above the line are better, below it worse; a grey tick is unchanged.
      </p>
      {model.bars.length === 0 ? (
        <p className="text-sm text-slate-700">No query has a value on both sides yet: a query needs a relevant judgment and results from both rankers.</p>
      ) : (
        <div className="flex gap-1">
          <div aria-hidden="true" className="relative w-11 shrink-0 text-right font-mono text-[11px] text-slate-600" style={{ height: CHART_HEIGHT }}>
            {model.ticks.map((tick) => (
              <span key={tick.y} className="absolute right-1 -translate-y-1/2" style={{ top: tick.y }}>
                {tick.label}
              </span>
            ))}
          </div>
          <svg
            role="group"
            aria-labelledby="delta-chart-heading delta-chart-description"
            data-testid="delta-chart"
            viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`}
            preserveAspectRatio="none"
            className="block w-full min-w-0 cursor-pointer"
            style={{ height: CHART_HEIGHT }}
            onMouseMove={(event) => setActiveId(onPointer(event)?.queryId ?? null)}
            onMouseLeave={() => setActiveId(null)}
            onClick={(event) => {
              // A click in a bar's slot, above or below a short bar, opens that bar's query too.
              const bar = onPointer(event);
              if (bar) openQuery(bar.queryId);
            }}
          >
            {model.ticks.map((tick) => (
              <line
                key={tick.y}
                x1={0}
                x2={CHART_WIDTH}
                y1={tick.y}
                y2={tick.y}
                vectorEffect="non-scaling-stroke"
                className={tick.value === 0 ? 'stroke-slate-500' : 'stroke-slate-200'}
                strokeDasharray={tick.value === 0 ? undefined : '3 3'}
              />
            ))}
            {active && (
              <rect
                x={active.x + active.width / 2 - highlightWidth / 2}
                y={0}
                width={highlightWidth}
                height={CHART_HEIGHT}
                className="fill-sky-200/60"
                pointerEvents="none"
              />
            )}
            <Bars model={model} texts={texts} onOpen={openQuery} onActivate={onActivate} />
            {active && (
              <rect
                x={active.x}
                y={active.y}
                width={active.width}
                height={active.height}
                className="fill-none stroke-slate-900"
                strokeWidth={2}
                vectorEffect="non-scaling-stroke"
                pointerEvents="none"
              />
            )}
          </svg>
        </div>
      )}
      <p data-testid="delta-caption" className="min-h-4 pl-12 text-xs text-slate-800">
        {active ? barCaption(active, texts.get(active.queryId)) : 'Hover over or focus a bar to name its query; click it, or press Enter, to open the query.'}
      </p>
      <p data-testid="delta-counts" className="text-sm text-slate-800">
        {describeCounts(model)}
        {comparison.notCompared.length > 0 && `. Not compared: ${describeNotCompared(comparison.notCompared)}.`}
      </p>
    </section>
  );
}
