import { useMemo } from 'react';
import { kendallTauMatrix } from '../../core/kendall';
import type { Ranking } from '../../core/types';
import type { NamedRanking } from './MetricsTable';

/**
 * What τ compares for one ranking: the documents it scored itself, by its own scores (`scored`). A reranked
 * column's list as shown adds the documents below the cut in first-stage order; they would count as agreeing
 * with the first stage whatever the reranker thinks, so τ over them says little. The first stage is matched
 * by id, so against a column it covers that column's top N.
 */
const scoredPart = (r: NamedRanking): Ranking => r.scored ?? r.ranking;

/** Kendall's τ-b between every pair of rankings shown: 1 same order, 0 unrelated, −1 reversed. */
export function TauMatrix({ rankings }: { rankings: NamedRanking[] }) {
  // Keyed on the rankings, not the judgments: a relevance click recomputes nothing here.
  const taus = useMemo(
    () => (rankings.length < 3 ? [] : kendallTauMatrix(rankings.map(scoredPart))),
    [rankings],
  );
  if (rankings.length < 3) return null;
  return (
    <table aria-label="Kendall's tau between rankings" className="mt-3 text-xs tabular-nums">
      <caption className="mb-1 text-left font-medium text-slate-600">
        Kendall&apos;s τ-b between any two rankings, over the documents both scored (a reranked column: its top N)
      </caption>
      <thead>
        <tr>
          <th />
          {rankings.map((r, j) => (
            <th key={j} scope="col" title={r.name} className="px-2 text-right font-medium text-slate-500">
              {j + 1}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rankings.map((a, i) => (
          <tr key={i}>
            <th scope="row" className="max-w-64 truncate pr-2 text-left font-medium text-slate-600" title={a.name}>
              {i + 1}. {a.name}
            </th>
            {rankings.map((_, j) => {
              const tau = taus[i]?.[j] ?? null;
              return (
                <td key={j} className="px-2 text-right font-mono">
                  {tau === null ? 'n/a' : tau.toFixed(2)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
