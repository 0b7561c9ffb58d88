import { formatRankMove, type RankMove } from '../../core/ranking';

const toneClass: Record<RankMove['kind'], string> = {
  up: 'bg-emerald-100 text-emerald-800',
  down: 'bg-rose-100 text-rose-800',
  same: 'bg-slate-100 text-slate-600',
  'not reranked': 'bg-slate-100 text-slate-500',
  new: 'bg-sky-100 text-sky-800',
};

/** "▲2" for the eye, "up 2 places" for a screen reader. */
export function RankMoveBadge({ move }: { move: RankMove }) {
  const { text, label } = formatRankMove(move);
  return (
    <span role="img" aria-label={label} data-testid="rank-move" className={`rounded px-1.5 font-mono text-xs font-semibold ${toneClass[move.kind]}`}>
      {text}
    </span>
  );
}
