import { useMemo } from 'react';
import { NumberField } from '../../components/NumberField';
import type { NumberBounds } from '../../core/numberInput';
import { countRelevant, type GainKind } from '../../core/metrics';
import { useAppStore } from '../../store';
import { selectScoredColumnRankings } from '../../store/rankingSelectors';
import { firstStageNames, selectFirstStage, selectJudgments } from '../../store/selectors';
import { ActiveThresholdExplorer } from '../scores/connected';
import { MetricsHelp } from './MetricsHelp';
import { MetricsTable, type NamedRanking } from './MetricsTable';
import { QrelsControls } from './QrelsControls';
import { RecallCeilingNotice } from './RecallCeilingNotice';
import { TauMatrix } from './TauMatrix';

const kBounds: NumberBounds = { min: 1, max: 1000, integer: true, label: 'k' };

/** Precision, recall, MRR, AP and nDCG for every ranking shown, against the user's judgments. */
export function MetricsPanel() {
  const firstStage = useAppStore(selectFirstStage);
  const columns = useAppStore(selectScoredColumnRankings);
  const judgments = useAppStore(selectJudgments);
  const k = useAppStore((s) => s.metricK);
  const gain = useAppStore((s) => s.gain);
  const setMetricK = useAppStore((s) => s.setMetricK);
  const setGain = useAppStore((s) => s.setGain);
  const rankings: NamedRanking[] = useMemo(
    () => [
      { name: `First stage: ${firstStageNames[firstStage.source]}`, ranking: firstStage.ranking },
      ...columns.map((c) => ({ name: `Reranked: ${c.title}`, ranking: c.ranking, scored: c.order.reranked })),
    ],
    [firstStage, columns],
  );
  const relevant = countRelevant(judgments);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-4 text-xs text-slate-700">
        <NumberField label="k" bounds={kBounds} value={k} onCommit={setMetricK} />
        <label className="flex items-center gap-1">
          nDCG gain
          <select value={gain} onChange={(e) => setGain(e.target.value as GainKind)} className="rounded border border-slate-300 bg-white px-1.5 py-1">
            <option value="linear">linear (grade)</option>
            <option value="exponential">exponential (2^grade − 1)</option>
          </select>
        </label>
        <span data-testid="judged-count" className="text-slate-500">
          {judgments.size} judged, {relevant} relevant (grade ≥ 1)
        </span>
        <div className="ml-auto">
          <QrelsControls />
        </div>
      </div>
      {relevant === 0 && (
        <p className="text-xs text-slate-500">
          Judge documents with the relevance menu on any row to see metrics. With no relevant judgments every metric reads n/a, not 0.
        </p>
      )}
      <RecallCeilingNotice />
      <MetricsTable rankings={rankings} judgments={judgments} k={k} gain={gain} />
      <TauMatrix rankings={rankings} />
      <MetricsHelp worked={{ rankings, judgments, k, gain }} />
      <ActiveThresholdExplorer />
    </div>
  );
}
