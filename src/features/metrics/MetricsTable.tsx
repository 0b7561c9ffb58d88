import { computeMetrics, formatDelta, formatMetric, kendallTau, metricDeltas, type MetricValues } from '../../core/metrics';
import type { Judgments, Ranking } from '../../core/types';

export interface NamedRanking {
  name: string;
  /** The list as shown: what the metrics are computed on. */
  ranking: Ranking;
  /** The documents this ranker scored itself, by its own scores (a reranked column: its top N): what τ is computed on. */
  scored?: Ranking;
}

const metricColumns = (k: number): { key: keyof MetricValues; header: string; title: string }[] => [
  { key: 'precision', header: `P@${k}`, title: `Precision at ${k}: relevant documents in the top ${k}, divided by ${k}` },
  { key: 'recall', header: `Recall@${k}`, title: `Recall at ${k}: relevant documents in the top ${k}, divided by all judged-relevant documents` },
  { key: 'rr', header: 'MRR', title: 'Reciprocal rank: 1 / rank of the first relevant document' },
  { key: 'ap', header: 'AP', title: 'Average precision: mean of the precision at each relevant document, over all judged-relevant documents' },
  { key: 'ndcg', header: `nDCG@${k}`, title: `Normalised discounted cumulative gain at ${k}, graded` },
];

function deltaClass(delta: number | null): string {
  if (delta === null || Math.abs(delta) < 0.005) return 'text-slate-500';
  return delta > 0 ? 'text-emerald-700' : 'text-rose-700';
}

/** One row per ranking, one column per metric, with each reranked order's change from the first stage. */
export function MetricsTable({ rankings, judgments, k, gain }: { rankings: NamedRanking[]; judgments: Judgments; k: number; gain: 'linear' | 'exponential' }) {
  const columns = metricColumns(k);
  const values = rankings.map((r) => computeMetrics(r.ranking, judgments, { k, gain }));
  const base = values[0];
  const firstStage = rankings[0];
  return (
    // Scrolls on its own on a narrow screen, so the page never scrolls sideways.
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Metrics table">
      <table aria-label="Metrics" className="w-full text-sm tabular-nums">
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
            <th scope="col" className="py-1 font-medium">Ranking</th>
            {columns.map((c) => (
              <th key={c.key} scope="col" title={c.title} className="py-1 text-right font-medium">
                {c.header}
              </th>
            ))}
            <th scope="col" title="Kendall's τ-b between this ranking and the first stage, over the documents this ranking scored (a reranked column: its top N)" className="py-1 text-right font-medium">
              τ vs first stage
            </th>
          </tr>
        </thead>
        <tbody>
          {rankings.map((r, i) => {
            const v = values[i];
            if (!v) return null;
            const deltas = i > 0 && base ? metricDeltas(base, v) : null;
            const tau = i > 0 && firstStage ? kendallTau(firstStage.ranking, r.scored ?? r.ranking) : null;
            return (
              <tr key={`${i}:${r.name}`} data-testid="metrics-row" className="border-b border-slate-100 last:border-b-0">
                <th scope="row" className="max-w-56 truncate py-1.5 pr-2 text-left text-xs font-medium text-slate-700" title={r.name}>
                  {r.name}
                </th>
                {columns.map((c) => (
                  <td key={c.key} data-testid={`metric-${c.key}`} className="py-1.5 text-right">
                    <span className="font-mono">{formatMetric(v[c.key])}</span>
                    {deltas && (
                      <span data-testid={`delta-${c.key}`} className={`ml-1 text-xs ${deltaClass(deltas[c.key])}`}>
                        {formatDelta(deltas[c.key])}
                      </span>
                    )}
                  </td>
                ))}
                <td data-testid="kendall-tau" className="py-1.5 text-right font-mono">
                  {i === 0 ? '—' : tau === null ? 'n/a' : tau.toFixed(2)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
