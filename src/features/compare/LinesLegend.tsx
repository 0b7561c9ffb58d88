/** What the lines between the columns mean. Hidden from screen readers, like the lines themselves. */
export function LinesLegend() {
  const swatch = (className: string, dashed = false) => (
    <svg width="22" height="8" className="inline-block align-middle">
      <line x1="1" y1="4" x2="21" y2="4" className={className} strokeWidth="2.5" strokeDasharray={dashed ? '4 3' : undefined} />
    </svg>
  );
  return (
    <p aria-hidden="true" className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
      <span>Lines follow each document into the next column:</span>
      <span>{swatch('stroke-emerald-500')} up</span>
      <span>{swatch('stroke-rose-500')} down</span>
      <span>{swatch('stroke-slate-400')} same place</span>
      <span>{swatch('stroke-slate-300', true)} not reranked</span>
      <span>· thicker = moved further · hover a row to follow it</span>
    </p>
  );
}
