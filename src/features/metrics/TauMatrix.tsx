import { kendallTau } from '../../core/metrics';
import type { NamedRanking } from './MetricsTable';

/** Kendall's tau between every pair of rankings shown: 1 same order, 0 unrelated, −1 reversed. */
export function TauMatrix({ rankings }: { rankings: NamedRanking[] }) {
  if (rankings.length < 3) return null;
  return (
    <table aria-label="Kendall's tau between rankings" className="mt-3 text-xs tabular-nums">
      <caption className="mb-1 text-left font-medium text-slate-600">Kendall&apos;s τ between any two rankings</caption>
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
            {rankings.map((b, j) => {
              const tau = i === j ? 1 : kendallTau(a.ranking, b.ranking);
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
