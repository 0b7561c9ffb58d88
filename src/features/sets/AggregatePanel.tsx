import { formatDelta, formatMetric, metricDelta } from '../../core/metrics';
import { METRIC_NAMES, type MetricName } from '../../core/sets/aggregate';
import { useAppStore } from '../../store';
import { selectSetAggregate, type RankerSummary, type SetAggregate } from '../../store/setSummary';
import { listIds, metricLabel } from './deltaChartModel';

const metricTitles = (k: number): Record<MetricName, string> => ({
  precision: `Mean precision at ${k}: relevant documents in the top ${k}, divided by ${k}`,
  recall: `Mean recall at ${k}: relevant documents in the top ${k}, divided by all judged-relevant documents`,
  rr: 'Mean reciprocal rank: the mean over queries of 1 / rank of the first relevant document',
  ap: 'Mean average precision: the mean over queries of each query’s average precision',
  ndcg: `Mean normalised discounted cumulative gain at ${k}, graded`,
});

const count = (n: number) => n.toLocaleString('en-US');
const queries = (n: number) => `${count(n)} ${n === 1 ? 'query' : 'queries'}`;

function deltaClass(delta: number | null): string {
  if (delta === null || Math.abs(delta) < 0.005) return 'text-slate-600';
  return delta > 0 ? 'text-emerald-700' : 'text-rose-700';
}

/** Whether a column has scored every query the first stage has: only then are its means comparable with it. */
const isComplete = (ranker: RankerSummary, first: RankerSummary) => ranker.scoredQueries === first.scoredQueries;

/** "Means over 11 of 12 queries: 1 has no relevant judgment (q07)", with the queries still waiting for a first stage. */
function coverageText(first: RankerSummary, total: number, unscoredIds: string[]): string {
  const { included, leftOut } = first.summary;
  const reasons: string[] = [];
  if (leftOut.length > 0) {
    const ids = leftOut.map((q) => q.queryId);
    reasons.push(`${count(ids.length)} ${ids.length === 1 ? 'has' : 'have'} no relevant judgment (${listIds(ids)})`);
  }
  if (unscoredIds.length > 0) {
    reasons.push(`${count(unscoredIds.length)} ${unscoredIds.length === 1 ? 'has' : 'have'} no first-stage results yet (${listIds(unscoredIds)})`);
  }
  if (included === 0) {
    return `No means yet: ${reasons.join('; ') || 'no query has results'}. Import qrels, or mark relevance on a query’s documents.`;
  }
  if (included === total) return `Means over all ${queries(total)}.`;
  return `Means over ${count(included)} of ${queries(total)}: ${reasons.join('; ')}.`;
}

/** The share of the best possible mean nDCG a ranker reached; null when the two means are not over the same queries. */
function headroomShare(ranker: RankerSummary, first: RankerSummary, headroom: SetAggregate['headroom']): number | null {
  const mean = ranker.summary.means.ndcg;
  if (headroom.mean === null || headroom.mean <= 0 || mean === null) return null;
  if (!isComplete(ranker, first) || ranker.summary.included !== headroom.queries) return null;
  const share = mean / headroom.mean;
  // With k above N, documents below the cut can add gain that the reordering of the top N leaves out: no ceiling then.
  return share <= 1 + 1e-9 ? Math.min(share, 1) : null;
}

function HeadroomLine({ aggregate, k, topN }: { aggregate: SetAggregate; k: number; topN: number }) {
  const { headroom, rankers } = aggregate;
  const [first, ...reranked] = rankers;
  if (!first || headroom.mean === null) return null;
  if (headroom.mean <= 0) {
    return (
      <p data-testid="aggregate-headroom" className="text-sm text-slate-800">
        No query has a relevant document in its top {count(topN)}: no reordering can help. Raise N, or improve the first stage.
      </p>
    );
  }
  const shares = reranked.flatMap((r) => {
    const share = headroomShare(r, first, headroom);
    return share === null ? [] : [{ name: reranked.length === 1 ? 'the reranker' : r.name, share }];
  });
  const firstShare = headroomShare(first, first, headroom);
  return (
    <p
      data-testid="aggregate-headroom"
      className="text-sm text-slate-800"
      title={`A reranker only reorders the top ${topN} the first stage hands it, so this is its ceiling. Relevant documents below the cut still count in the ideal, so the ceiling is below 1 when any are missing.`}
    >
      Best possible reordering of each query’s top {count(topN)}: mean nDCG@{k} {formatMetric(headroom.mean)}
      {shares.length > 0 && ` — ${shares.map((s) => `${s.name} reached ${s.share.toFixed(2)} of it`).join(', ')}`}
      {shares.length > 0 && firstShare !== null && ` (first stage: ${firstShare.toFixed(2)})`}
      {shares.length === 0 && reranked.length > 0 && ' — how much of it a reranker reached shows once it has scored every query'}
      {shares.length === 0 && reranked.length === 0 && firstShare !== null && ` — the first stage reached ${firstShare.toFixed(2)} of it`}
    </p>
  );
}

function RankerRow({ ranker, first, total, k, metric }: { ranker: RankerSummary; first: RankerSummary; total: number; k: number; metric: MetricName }) {
  const isFirst = ranker === first;
  const showDeltas = !isFirst && isComplete(ranker, first) && ranker.scoredQueries > 0;
  const vs = ranker.vsFirstStage;
  return (
    <tr data-testid="aggregate-row" className="border-b border-slate-100 last:border-b-0">
      <th scope="row" className="max-w-64 py-1.5 pr-2 text-left align-top text-xs font-medium text-slate-800">
        <span className="block truncate" title={ranker.name}>
          {ranker.name}
        </span>
        {!isFirst && ranker.scoredQueries < total && (
          <span data-testid="aggregate-partial" className="block font-normal text-amber-800">
            scored {count(ranker.scoredQueries)} of {queries(total)}; press Rerank all queries
          </span>
        )}
      </th>
      {METRIC_NAMES.map((name) => {
        const mean = ranker.summary.means[name];
        const delta = showDeltas ? metricDelta(first.summary.means[name], mean) : null;
        return (
          <td key={name} data-testid={`aggregate-${name}`} className="py-1.5 text-right align-top">
            <span className="font-mono">{formatMetric(mean)}</span>
            {showDeltas && (
              <span data-testid={`aggregate-delta-${name}`} className={`ml-1 text-xs ${deltaClass(delta)}`}>
                {formatDelta(delta)}
              </span>
            )}
          </td>
        );
      })}
      <td data-testid="aggregate-wtl" className="py-1.5 pl-2 text-right align-top font-mono">
        {isFirst || !vs ? (
          <span className="text-slate-600">—</span>
        ) : (
          <span title={`Against the first stage on ${metricLabel(metric, k, 'query')}: ${vs.wins} queries better, ${vs.ties} the same, ${vs.losses} worse`}>
            <span className="text-emerald-700">{count(vs.wins)}</span> / {count(vs.ties)} / <span className="text-rose-700">{count(vs.losses)}</span>
            <span className="sr-only">
              {' '}
              ({count(vs.wins)} {vs.wins === 1 ? 'win' : 'wins'}, {count(vs.ties)} {vs.ties === 1 ? 'tie' : 'ties'}, {count(vs.losses)} {vs.losses === 1 ? 'loss' : 'losses'})
            </span>
          </span>
        )}
      </td>
    </tr>
  );
}

/** Means over the set for every ranker, each column's change against the first stage, and the reranker's ceiling. */
export function AggregatePanel() {
  const aggregate = useAppStore(selectSetAggregate);
  const set = useAppStore((s) => s.querySet);
  const k = useAppStore((s) => s.metricK);
  const topN = useAppStore((s) => s.topN);
  const metric = useAppStore((s) => s.setMetric);
  const first = aggregate.rankers[0];
  if (!set || !first || aggregate.totalQueries === 0) return null;
  const scored = new Set(first.perQuery.map((q) => q.queryId));
  const unscoredIds = set.queries.filter((q) => !scored.has(q.id)).map((q) => q.id);
  const titles = metricTitles(k);
  return (
    <section aria-labelledby="aggregate-heading" className="space-y-2">
      <h3 id="aggregate-heading" className="text-sm font-semibold text-slate-900">
        Over the whole set
      </h3>
      <p data-testid="aggregate-coverage" className="text-sm text-slate-800">
        {coverageText(first, aggregate.totalQueries, unscoredIds)}
      </p>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Metrics over the set">
        <table aria-label="Mean metrics over the set" className="w-full text-sm tabular-nums">
          <caption className="mb-1 text-left text-xs text-slate-600">
            Means over queries; each reranked row also shows its change from the first stage, and its wins / ties / losses on {metricLabel(metric, k, 'query')}.
          </caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs text-slate-600">
              <th scope="col" className="py-1 font-medium">
                Ranking
              </th>
              {METRIC_NAMES.map((name) => (
                <th key={name} scope="col" title={titles[name]} className="py-1 text-right font-medium">
                  {metricLabel(name, k, 'mean')}
                </th>
              ))}
              <th scope="col" className="py-1 pl-2 text-right font-medium">
                <abbr title={`Wins / ties / losses against the first stage, query by query, on ${metricLabel(metric, k, 'query')}`} className="no-underline">
                  W / T / L
                </abbr>
              </th>
            </tr>
          </thead>
          <tbody>
            {aggregate.rankers.map((ranker) => (
              <RankerRow key={ranker.id} ranker={ranker} first={first} total={aggregate.totalQueries} k={k} metric={metric} />
            ))}
          </tbody>
        </table>
      </div>
      <HeadroomLine aggregate={aggregate} k={k} topN={topN} />
      <p className="text-xs text-slate-600">
        trec_eval averages a query with no relevant document in as 0 (and, with <code>-c</code>, a query missing from the run); this app leaves such queries out, so its means can be higher than
        trec_eval’s.
      </p>
    </section>
  );
}
