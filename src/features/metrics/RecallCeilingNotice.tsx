import { describeRecallCeiling, recallCeiling } from '../../core/ceiling';
import { Notice } from '../../components/Notice';
import { useAppStore } from '../../store';
import { selectFirstStage, selectJudgments } from '../../store/selectors';

/**
 * The ceiling a reranker cannot break: relevant documents below the top-N cut are never seen. The numbers bound
 * the metrics table (documents below the cut count where the first stage put them), so the two never disagree.
 */
export function RecallCeilingNotice() {
  const firstStage = useAppStore(selectFirstStage).ranking;
  const judgments = useAppStore(selectJudgments);
  const topN = useAppStore((s) => s.topN);
  const k = useAppStore((s) => s.metricK);
  const text = describeRecallCeiling(recallCeiling(firstStage, judgments, topN, k));
  if (text === null) return null;
  return (
    <Notice tone="warning" title="Recall ceiling">
      <p data-testid="recall-ceiling">{text}</p>
    </Notice>
  );
}
