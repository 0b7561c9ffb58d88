import { memo } from 'react';
import type { RankMove } from '../../core/ranking';
import type { ScoreKind } from '../../core/types';
import type { RunState } from '../../store/columns';
import { RankingRow } from './RankingRow';
import { RankMoveBadge } from './RankMoveBadge';
import { WhyButton } from '../why/WhyButton';
import { useRowDetails } from './useRowDetails';
import { useWinningWindow } from './useWinningWindow';
import { WindowDetails } from './WindowDetails';

interface RerankedRowProps {
  id: string;
  rank: number;
  text: string;
  /** As shown (after any sigmoid or min-max); `rawScore` is the reranker's own. */
  score: number;
  rawScore: number;
  fraction: number;
  scoreKind: ScoreKind;
  move: RankMove | undefined;
  truncated: boolean;
}

const sameMove = (a: RankMove | undefined, b: RankMove | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.kind === b.kind && ('by' in a ? a.by : 0) === ('by' in b ? b.by : 0));

/**
 * One scored row. Memoized on its values: while scores stream in, a row renders again only when its own
 * rank, score, bar or move changed, and the rank moves are new objects on every update.
 */
export const RerankedRow = memo(
  function RerankedRow({ id, rank, text, score, rawScore, fraction, scoreKind, move, truncated }: RerankedRowProps) {
    const details = useRowDetails(id);
    const highlights = useWinningWindow(details);
    return (
      <RankingRow
        testId="reranked-row"
        tone="reranked"
        scoreKind={scoreKind}
        row={{ id, rank, score, rawScore, text, fraction }}
        highlights={highlights}
        details={details && <WindowDetails docId={id} text={text} details={details} />}
        badge={
          <>
            {move && <RankMoveBadge move={move} />}
            {truncated && (
              <span className="rounded bg-amber-100 px-1.5 text-xs text-amber-800" title="The document was cut to fit the model's maximum length">
                truncated
              </span>
            )}
            <WhyButton docId={id} />
          </>
        }
      />
    );
  },
  (a, b) =>
    a.id === b.id &&
    a.rank === b.rank &&
    a.text === b.text &&
    Object.is(a.score, b.score) &&
    Object.is(a.rawScore, b.rawScore) &&
    a.fraction === b.fraction &&
    a.scoreKind === b.scoreKind &&
    a.truncated === b.truncated &&
    sameMove(a.move, b.move),
);

interface NotRerankedRowProps {
  id: string;
  rank: number;
  text: string;
  score: number;
  scoreKind: ScoreKind;
}

/** A row below the top-N cut, in first-stage order. */
export const NotRerankedRow = memo(function NotRerankedRow({ id, rank, text, score, scoreKind }: NotRerankedRowProps) {
  return (
    <RankingRow
      testId="not-reranked-row"
      tone="muted"
      scoreKind={scoreKind}
      row={{ id, rank, score, text, fraction: 0 }}
      badge={<span className="rounded bg-slate-100 px-1.5 text-xs text-slate-500">not reranked</span>}
    />
  );
});

/** A row sent to the reranker and not scored (yet). */
export const PendingRow = memo(function PendingRow({ id, status }: { id: string; status: RunState['status'] }) {
  return (
    <li data-testid="pending-row" className="border-b border-slate-100 py-2 text-sm text-slate-500">
      <span className="font-mono text-xs">{id}</span> {status === 'cancelled' ? 'not scored (cancelled)' : status === 'error' ? 'not scored (the reranker failed)' : 'scoring…'}
    </li>
  );
});
