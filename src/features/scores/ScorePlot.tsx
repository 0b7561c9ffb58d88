import { useMemo, useState } from 'react';
import { describeSummary, describeTie, displayTies, plainNumber, scaleScores, summarizeScores, transformFor } from '../../core/scoreInsights';
import type { ScoreDisplay } from '../../core/scoreDisplay';
import type { ScoreKind } from '../../core/types';
import { ScaleToggle } from './ScaleToggle';
import { HistogramMarks, StripMarks } from './ScorePlotMarks';
import { formatterFor, scaleName } from './scoreFormat';
import { histogramBins, nameSome, PLOT_HEIGHT, PLOT_WIDTH, plotDomain, STRIP_LIMIT, stripTicks, xOf, type HistogramBin } from './stripModel';

export interface ScorePlotProps {
  /** The column's scored documents, best first: `ColumnRanking.order.reranked.entries`. */
  entries: readonly { id: string; score: number }[];
  /** What the raw numbers are: `run.scoreKind`. */
  kind: ScoreKind;
  /** The page's score display: the plot starts on it, and follows it until a scale is picked here. */
  pageDisplay: ScoreDisplay;
  /** Names the plot for a screen reader. */
  columnName: string;
}

type Hover = { bin: boolean; index: number } | null;

/**
 * A column's scores on one axis, as raw scores, sigmoid or min-max: a strip of ticks, or a histogram past 60
 * documents. Documents that show the same number though their raw scores differ are flagged beneath it.
 */
export function ScorePlot({ entries, kind, pageDisplay, columnName }: ScorePlotProps) {
  const [picked, setPicked] = useState<ScoreDisplay | null>(null);
  const [hover, setHover] = useState<Hover>(null);
  const raws = useMemo(() => entries.map((e) => e.score), [entries]);
  const unavailable = useMemo(() => {
    const reasons = new Map<ScoreDisplay, string>();
    const sigmoid = scaleScores(raws, kind, 'sigmoid');
    if (!sigmoid.ok) reasons.set('sigmoid', sigmoid.reason);
    return reasons;
  }, [raws, kind]);
  // Only a logit follows the page's display, as the column does; other scores start as they are.
  const fallback = kind === 'raw logit' ? pageDisplay : 'raw';
  const wanted = picked ?? fallback;
  const scale = unavailable.has(wanted) ? 'raw' : wanted;
  const transform = transformFor(kind, scale, raws) ?? 'raw';
  const format = useMemo(() => formatterFor(kind, transform), [kind, transform]);
  const model = useMemo(() => {
    const scaled = scaleScores(raws, kind, scale);
    const values = scaled.ok ? scaled.values : raws;
    // Sigmoid keeps its 0..1 axis even for scores shown as given, so piles at 1 show as piles at the edge.
    const domain = plotDomain(values, scale === 'raw' ? 'raw' : 'minmax');
    const ties = displayTies(raws, transform, format);
    const finite = values.filter(Number.isFinite).length;
    return {
      values,
      domain,
      ties,
      tied: new Set(ties.flatMap((t) => t.indices)),
      ticks: finite <= STRIP_LIMIT ? stripTicks(values, domain) : null,
      bins: finite > STRIP_LIMIT ? histogramBins(values, domain) : null,
      note: scaled.ok ? scaled.note : null,
      summary: describeSummary(summarizeScores(values), format),
    };
  }, [raws, kind, scale, transform, format]);

  if (entries.length === 0) return null;
  const name = scaleName(kind, scale);
  const tickTitle = (index: number) => {
    const entry = entries[index];
    if (!entry) return '';
    const value = model.values[index] ?? Number.NaN;
    const raw = transform === 'raw' ? '' : ` (${kind} ${plainNumber(entry.score)})`;
    return `${entry.id}: ${format(value)} ${name}${raw}${model.tied.has(index) ? ', shown equal to another document' : ''}`;
  };
  const binTitle = (bin: HistogramBin) => {
    const ids = bin.indices.map((i) => entries[i]?.id ?? '');
    const noun = ids.length === 1 ? 'document' : 'documents';
    return `${ids.length} ${noun} from ${format(bin.from)} to ${format(bin.to)} ${name}: ${nameSome(ids)}`;
  };
  const hoveredBin = hover?.bin ? model.bins?.[hover.index] : undefined;
  const caption = hover === null ? null : hoveredBin ? binTitle(hoveredBin) : tickTitle(hover.index);
  // Logit 0 is even odds, sigmoid 0.5: the line where a "probability" reading would cut.
  const evenOdds = kind === 'raw logit' && transform !== 'minmax' ? (transform === 'raw' ? 0 : 0.5) : null;
  const showEvenOdds = evenOdds !== null && evenOdds >= model.domain[0] && evenOdds <= model.domain[1];

  return (
    <div data-testid="score-plot" className="my-2 space-y-1">
      <div className="flex flex-wrap items-center justify-between gap-1">
        <p className="text-xs text-slate-700">
          Scores as <span className="font-semibold">{name}</span>
          {model.note && <span className="text-slate-600"> ({model.note})</span>}
        </p>
        <ScaleToggle legend={`Scale of the score plot for ${columnName}`} value={scale} onChange={setPicked} unavailable={unavailable} />
      </div>
      <svg
        role="img"
        aria-label={`${columnName}, ${name}: ${model.summary}`}
        viewBox={`0 0 ${PLOT_WIDTH} ${PLOT_HEIGHT}`}
        preserveAspectRatio="none"
        className="block w-full border-b border-slate-400"
        style={{ height: PLOT_HEIGHT }}
      >
        {showEvenOdds && (
          <line
            x1={xOf(evenOdds, model.domain)}
            x2={xOf(evenOdds, model.domain)}
            y1={0}
            y2={PLOT_HEIGHT}
            strokeDasharray="3 3"
            vectorEffect="non-scaling-stroke"
            className="stroke-slate-400"
          />
        )}
        {model.ticks && (
          <StripMarks
            ticks={model.ticks}
            tied={model.tied}
            hovered={hover && !hover.bin ? hover.index : null}
            titleOf={tickTitle}
            onHover={(i) => setHover(i === null ? null : { bin: false, index: i })}
          />
        )}
        {model.bins && (
          <HistogramMarks
            bins={model.bins}
            hovered={hover?.bin ? hover.index : null}
            titleOf={binTitle}
            onHover={(i) => setHover(i === null ? null : { bin: true, index: i })}
          />
        )}
      </svg>
      <div aria-hidden="true" className="flex justify-between font-mono text-[11px] text-slate-600">
        <span>{format(model.domain[0])}</span>
        {showEvenOdds && <span className="font-sans">dashed: {transform === 'raw' ? 'logit 0' : 'sigmoid 0.5'}, even odds</span>}
        <span>{format(model.domain[1])}</span>
      </div>
      <p data-testid="score-plot-caption" className="min-h-4 text-xs text-slate-800">
        {caption ?? (model.ticks ? 'Hover over a tick to name its document.' : 'Hover over a bar to name its documents.')}
      </p>
      {model.ties.length > 0 && (
        <div data-testid="display-ties" className="rounded border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-900">
          <p className="font-semibold">Shown as ties, but not tied{model.ticks ? ' (taller amber ticks)' : ''}</p>
          <ul className="list-disc pl-4">
            {model.ties.map((tie) => (
              <li key={tie.shown}>{describeTie(tie, name, kind)}</li>
            ))}
          </ul>
          <p>The order always comes from the raw scores, so it is still right; only the shown numbers cannot tell these documents apart.</p>
        </div>
      )}
    </div>
  );
}
