interface ScoreBarProps {
  /** 0..1: how much of the column's range this score covers. */
  fraction: number;
  tone?: 'first' | 'reranked' | 'muted';
}

const toneClass = { first: 'bg-sky-500', reranked: 'bg-violet-500', muted: 'bg-slate-300' } as const;

/** A horizontal bar scaled to the column's score range. Decorative: the number beside it carries the value. */
export function ScoreBar({ fraction, tone = 'first' }: ScoreBarProps) {
  const width = `${Math.round(Math.min(1, Math.max(0, fraction)) * 100)}%`;
  return (
    <div className="h-1.5 w-full rounded-full bg-slate-200" aria-hidden="true">
      <div data-testid="score-bar" className={`h-1.5 rounded-full ${toneClass[tone]}`} style={{ width }} />
    </div>
  );
}
