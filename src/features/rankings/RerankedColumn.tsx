import { memo, useMemo } from 'react';
import { movesOfRanked, type RankMove } from '../../core/ranking';
import type { RerankedOrder } from '../../core/rerankedOrder';
import { scoreDisplayLabels } from '../../core/scoreDisplay';
import { useAppStore } from '../../store';
import { Notice } from '../../components/Notice';
import { columnTitle, runFor, scoreKindOf, type Column, type RunState } from '../../store/columns';
import { outOfDateNotice, runScoresName } from '../../store/runScorer';
import { selectColumnRankings } from '../../store/rankingSelectors';
import { selectActiveQuery, selectCandidateById, selectFirstStage } from '../../store/selectors';
import { CohereSettingsPanel } from '../cohere/CohereSettingsPanel';
import { LocalModelSettings } from '../models/LocalModelSettings';
import { ColumnSettings } from './ColumnSettings';
import { RerankedList } from './RerankedList';
import { RowColumnContext } from './useRowDetails';
import { RunStatus } from './RunStatus';
import { ColumnSanityWarnings } from '../scores/connected';
import { ScorePlot } from '../scores/ScorePlot';
import { useShowMore } from './useShowMore';

/** Shown before the store has an order for a just-added column. */
const emptyOrder: RerankedOrder = { reranked: { scoreKind: 'raw logit', entries: [] }, pending: [], notReranked: [] };
const noMoves: ReadonlyMap<string, RankMove> = new Map();

// The settings render again only when their own props change, not on every streamed update of the run.
const LocalSettings = memo(LocalModelSettings);
const CohereSettings = memo(CohereSettingsPanel);

/** One reranked column, by id: it re-renders for its own run's updates, not for another column's. */
export const RerankedColumn = memo(function RerankedColumn({ columnId, removable }: { columnId: string; removable: boolean }) {
  const column = useAppStore((s) => s.columns.find((c) => c.id === columnId));
  return column ? <ColumnView column={column} removable={removable} /> : null;
});

function ColumnView({ column, removable }: { column: Column; removable: boolean }) {
  const { config } = column;
  const active = useAppStore(selectActiveQuery);
  const run = runFor(column, active.key);
  const firstStage = useAppStore(selectFirstStage).ranking;
  const byId = useAppStore(selectCandidateById);
  const scoreDisplay = useAppStore((s) => s.scoreDisplay);
  const topN = useAppStore((s) => s.topN);
  const bm25 = useAppStore((s) => s.bm25);
  const removeColumn = useAppStore((s) => s.removeColumn);
  const order = useAppStore((s) => selectColumnRankings(s).find((c) => c.columnId === column.id))?.order ?? emptyOrder;
  // Only a run's list shows moves; before one, a move per first-stage document (50,000 of them) would be wasted.
  const ran = run.ids.length > 0;
  const moves = useMemo(() => (ran ? movesOfRanked(firstStage, order.reranked) : noMoves), [ran, firstStage, order.reranked]);
  const { visible, hasMore, showMore } = useShowMore(order.reranked.entries.length + order.pending.length + order.notReranked.length);
  const title = columnTitle(config);
  // The scores are named after the model that gave them: after a switch, not the one in the heading.
  const scoresName = runScoresName(run, config, bm25);
  const label = `Reranked: ${scoresName}`;
  const scoreKind = run.ids.length > 0 ? run.scoreKind : scoreKindOf(config);
  const transformable = scoreKind === 'raw logit';
  const shownKind = transformable && scoreDisplay !== 'raw' ? 'relevance score' : scoreKind;
  const scoreName = transformable ? scoreDisplayLabels[scoreDisplay] : scoreKind;
  const currentIds = firstStage.entries.slice(0, topN).map((e) => e.id);
  const notice = showsScores(run) ? outOfDateNotice(run, config, bm25, active.text, currentIds) : null;
  const hasRun = run.ids.length > 0;
  const truncated = useMemo(() => new Set(run.truncated), [run.truncated]);
  return (
    <div className="min-w-0">
      <div className="mb-1 flex items-start justify-between gap-2">
        <h3 className="break-all text-sm font-semibold text-slate-800">Reranked: {title}</h3>
        {removable && (
          <button type="button" onClick={() => removeColumn(column.id)} className="text-xs text-slate-500 underline" aria-label={`Remove the column ${title}`}>
            Remove
          </button>
        )}
      </div>
      {notice && (
        <div data-testid="out-of-date" className="mb-2 break-words">
          <Notice tone="warning">{notice}</Notice>
        </div>
      )}
      {config.kind !== 'bm25' && (
        <ColumnSettings title={title} status={run.status}>
          {config.kind === 'local' && <LocalSettings columnId={column.id} config={config} />}
          {config.kind === 'cohere' && <CohereSettings columnId={column.id} config={config} error={run.error} />}
        </ColumnSettings>
      )}
      <p className="my-2 text-xs text-slate-500">score: {scoreName}</p>
      <RunStatus run={run} />
      {/* Only once the run is over: a plot redrawn per streamed batch would take the model's cores. */}
      {hasRun && run.status === 'done' && (
        <>
          <ColumnSanityWarnings columnId={column.id} />
          <ScorePlot entries={order.reranked.entries} kind={scoreKind} pageDisplay={scoreDisplay} columnName={scoresName} />
        </>
      )}
      {!hasRun ? (
        <p className="py-6 text-center text-sm text-slate-500">Press Rerank to score the top {topN} candidates with this model.</p>
      ) : (
        <RowColumnContext.Provider value={column.id}>
        <RerankedList
          label={label}
          order={order}
          moves={moves}
          byId={byId}
          status={run.status}
          truncated={truncated}
          transformable={transformable}
          scoreDisplay={scoreDisplay}
          shownKind={shownKind}
          firstStageKind={firstStage.scoreKind}
          visible={visible}
        />
        </RowColumnContext.Provider>
      )}
      {hasMore && hasRun && (
        <button type="button" onClick={showMore} className="mt-2 w-full rounded border border-slate-300 py-1 text-sm text-slate-700 hover:bg-slate-50">
          Show more
        </button>
      )}
    </div>
  );
}

/** A run whose scores are on screen, finished or streaming: the switch of a model mid-run is said at once. */
function showsScores(run: RunState): boolean {
  return run.status === 'done' || run.status === 'running' || run.status === 'cancelled';
}
