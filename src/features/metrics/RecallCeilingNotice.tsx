import { recallCeiling } from '../../core/ceiling';
import { formatMetric } from '../../core/metrics';
import { Notice } from '../../components/Notice';
import { useAppStore } from '../../store';
import { selectFirstStage, selectJudgments } from '../../store/selectors';

/** The ceiling a reranker cannot break: relevant documents below the top-N cut are never seen. */
export function RecallCeilingNotice() {
  const firstStage = useAppStore(selectFirstStage).ranking;
  const judgments = useAppStore(selectJudgments);
  const topN = useAppStore((s) => s.topN);
  const k = useAppStore((s) => s.metricK);
  const ceiling = recallCeiling(firstStage, judgments, topN, k);
  if (ceiling.relevantBelowCut.length === 0 || ceiling.bestRecallAtK === null) return null;
  const rankOf = new Map(firstStage.entries.map((e) => [e.id, e.rank]));
  const described = ceiling.relevantBelowCut.map((id) => (rankOf.has(id) ? `${id} (first-stage rank ${rankOf.get(id)})` : `${id} (not retrieved)`));
  const many = described.length > 1;
  return (
    <Notice tone="warning" title="Recall ceiling">
      <p data-testid="recall-ceiling">
        {described.join(', ')} {many ? 'are' : 'is'} judged relevant but {many ? 'sit' : 'sits'} below the top-{topN} cut: the reranker never saw{' '}
        {many ? 'them' : 'it'}. The best Recall@{k} any reordering of the top {topN} can reach is {formatMetric(ceiling.bestRecallAtK)}. Raise N, or improve the
        first stage.
      </p>
    </Notice>
  );
}
