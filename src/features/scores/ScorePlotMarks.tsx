import { PLOT_HEIGHT, type HistogramBin, type StripTick } from './stripModel';

/** A tick is a hairline; the band around it that catches the pointer is this wide (viewBox units). */
const HIT_WIDTH = 6;
/** Ticks that show the same number as another document start higher: taller, not only amber. */
const TIE_TOP = 2;
const TICK_TOP = 12;

interface StripMarksProps {
  ticks: readonly StripTick[];
  /** Positions of documents whose shown score equals another's though the raw scores differ. */
  tied: ReadonlySet<number>;
  hovered: number | null;
  titleOf: (index: number) => string;
  onHover: (index: number | null) => void;
}

/**
 * One tick per document. Indigo-700 and amber-600 both keep 3:1 against white, as graphics need; a tied tick is
 * also taller, so it is told apart without colour.
 */
export function StripMarks({ ticks, tied, hovered, titleOf, onHover }: StripMarksProps) {
  return (
    <g>
      {ticks.map(({ index, x }) => {
        const isTied = tied.has(index);
        const active = hovered === index;
        return (
          <g key={index} data-testid="score-tick" data-tied={isTied ? 'true' : undefined} onMouseEnter={() => onHover(index)} onMouseLeave={() => onHover(null)}>
            <line
              x1={x}
              x2={x}
              y1={isTied ? TIE_TOP : TICK_TOP}
              y2={PLOT_HEIGHT}
              vectorEffect="non-scaling-stroke"
              strokeWidth={active ? 3 : 1.5}
              className={active ? 'stroke-slate-900' : isTied ? 'stroke-amber-600' : 'stroke-indigo-700'}
            />
            <rect x={x - HIT_WIDTH / 2} y={0} width={HIT_WIDTH} height={PLOT_HEIGHT} fill="transparent">
              <title>{titleOf(index)}</title>
            </rect>
          </g>
        );
      })}
    </g>
  );
}

interface HistogramMarksProps {
  bins: readonly HistogramBin[];
  hovered: number | null;
  titleOf: (bin: HistogramBin) => string;
  onHover: (bin: number | null) => void;
}

/** One bar per bin; the pointer band of each bin is the full height, so a short bar is easy to reach. */
export function HistogramMarks({ bins, hovered, titleOf, onHover }: HistogramMarksProps) {
  return (
    <g>
      {bins.map((bin, i) =>
        bin.indices.length === 0 ? null : (
          <g key={i} data-testid="score-bin" onMouseEnter={() => onHover(i)} onMouseLeave={() => onHover(null)}>
            <rect
              x={bin.x + 0.5}
              y={PLOT_HEIGHT - bin.height}
              width={Math.max(1, bin.width - 1)}
              height={bin.height}
              className={hovered === i ? 'fill-slate-900' : 'fill-indigo-700'}
            />
            <rect x={bin.x} y={0} width={bin.width} height={PLOT_HEIGHT} fill="transparent">
              <title>{titleOf(bin)}</title>
            </rect>
          </g>
        ),
      )}
    </g>
  );
}
