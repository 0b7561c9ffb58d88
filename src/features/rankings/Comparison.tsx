import { memo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store';
import { selectColumnRankings } from '../../store/rankingSelectors';
import { LinesLegend } from '../compare/LinesLegend';
import { RankLines } from '../compare/RankLines';
import { useComparisonLayout } from '../compare/useComparisonLayout';
import { FirstStageColumn } from '../firstStage/FirstStageColumn';
import { QueryTermToggle } from './QueryTermToggle';
import { RerankedColumn } from './RerankedColumn';

// No props: it renders again only for its own store data, not for every streamed update of a run.
const FirstStage = memo(FirstStageColumn);

/**
 * The first stage and every reranked column, side by side, with lines across the gutters that join each
 * document's rows. The gutters are wide enough for a line's slope to read.
 */
export function Comparison() {
  // The ids only: a run's updates replace the columns array, and they are for the columns to render.
  const columnIds = useAppStore(useShallow((s) => s.columns.map((c) => c.id)));
  const origin = useRef<HTMLDivElement>(null);
  const grid = useRef<HTMLDivElement>(null);
  const boxes = useComparisonLayout(origin, grid);
  const hasResults = useAppStore((s) => selectColumnRankings(s).some((c) => c.order.reranked.entries.length + c.order.pending.length > 0));
  return (
    <div className="space-y-2">
      <QueryTermToggle />
      {hasResults && <LinesLegend />}
      {/* Focusable, so a keyboard alone can scroll the columns sideways on a narrow screen (axe: scrollable-region-focusable). */}
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Rankings side by side">
        {/* The lines are drawn in this box's coordinates, so page and horizontal scrolling move them with the rows. */}
        <div ref={origin} className="relative">
          <div ref={grid} className="grid items-start gap-x-12" style={{ gridTemplateColumns: `repeat(${columnIds.length + 1}, minmax(18rem, 1fr))` }}>
            <div data-compare-column={0} className="min-w-0">
              <FirstStage />
            </div>
            {columnIds.map((id, i) => (
              <div key={id} data-compare-column={i + 1} className="min-w-0">
                <RerankedColumn columnId={id} removable={columnIds.length > 1} />
              </div>
            ))}
          </div>
          <RankLines boxes={boxes} />
        </div>
      </div>
    </div>
  );
}
