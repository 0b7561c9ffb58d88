import { memo, useDeferredValue } from 'react';
import { barFraction, scoreRange, type RankMove } from '../../core/ranking';
import type { RerankedOrder } from '../../core/rerankedOrder';
import { displayScore, type ScoreDisplay } from '../../core/scoreDisplay';
import type { Candidate, ScoreKind } from '../../core/types';
import type { RunState } from '../../store/columns';
import { NotRerankedRow, PendingRow, RerankedRow } from './RerankedRows';

export interface RerankedListProps {
  label: string;
  order: RerankedOrder;
  moves: ReadonlyMap<string, RankMove>;
  byId: ReadonlyMap<string, Candidate>;
  status: RunState['status'];
  truncated: ReadonlySet<string>;
  /** Raw logits can be shown as sigmoid or min-max; other scores as they are. */
  transformable: boolean;
  scoreDisplay: ScoreDisplay;
  shownKind: ScoreKind;
  firstStageKind: ScoreKind;
  /** How many rows to render (a page at a time). */
  visible: number;
}

/**
 * A reranked column's rows: scored, then waiting for a score, then below the cut. The rows follow the store
 * a step behind (useDeferredValue): a streamed update or a keypress renders the urgent parts first (the
 * field, the progress), then these rows in a render that React splits into short slices, so that no long
 * task holds the page or the model's cores.
 */
export const RerankedList = memo(function RerankedList(props: RerankedListProps) {
  const { label, order, moves, byId, status, truncated, transformable, scoreDisplay, shownKind, firstStageKind, visible } = useDeferredValue(props);
  const range = scoreRange(order.reranked);
  let shown = 0;
  const take = () => ++shown <= visible;
  return (
    <ol aria-label={label} className="mt-1">
      {order.reranked.entries.filter(take).map((entry) => (
        <RerankedRow
          key={entry.id}
          id={entry.id}
          rank={entry.rank}
          text={byId.get(entry.id)?.text ?? ''}
          score={transformable ? displayScore(entry.score, scoreDisplay, range.min, range.max) : entry.score}
          rawScore={entry.score}
          fraction={barFraction(entry.score, range)}
          scoreKind={shownKind}
          move={moves.get(entry.id)}
          truncated={truncated.has(entry.id)}
        />
      ))}
      {order.pending.filter(take).map((id) => (
        <PendingRow key={id} id={id} status={status} />
      ))}
      {order.notReranked.filter(take).map((entry) => (
        <NotRerankedRow key={entry.id} id={entry.id} rank={entry.rank} score={entry.score} text={byId.get(entry.id)?.text ?? ''} scoreKind={firstStageKind} />
      ))}
    </ol>
  );
});
