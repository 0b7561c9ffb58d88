import { formatDelta } from '../../core/metrics';
import type { RankerComparison } from '../../core/sets/aggregate';
import { describePValue } from '../../core/stats';
import { useAppStore } from '../../store';
import { selectSetAggregate, type SetAggregate } from '../../store/setSummary';
import { describeNotCompared, formatPValue, metricLabel } from './deltaChartModel';

interface TestedPair {
  key: string;
  /** The ranker compared, then the one it is compared with: Δ = first named − second named. */
  label: string;
  comparison: RankerComparison;
}

/** Each reranked column against the first stage, then every pair of reranked columns. */
function testedPairs(aggregate: SetAggregate): TestedPair[] {
  const [first, ...reranked] = aggregate.rankers;
  if (!first) return [];
  const againstFirst = reranked.flatMap((r) => (r.vsFirstStage ? [{ key: `first\u0000${r.id}`, label: `${r.name} vs ${first.name}`, comparison: r.vsFirstStage }] : []));
  const betweenColumns = aggregate.pairs.map(({ a, b, comparison }) => ({ key: `${a.id}\u0000${b.id}`, label: `${b.name} vs ${a.name}`, comparison }));
  return [...againstFirst, ...betweenColumns];
}

const count = (n: number) => n.toLocaleString('en-US');

function deltaClass(delta: number | null): string {
  if (delta === null || Math.abs(delta) < 0.005) return 'text-slate-600';
  return delta > 0 ? 'text-emerald-700' : 'text-rose-700';
}

function formatT(t: number): string {
  if (!Number.isFinite(t)) return t > 0 ? '∞' : '−∞';
  return formatDelta(t).replace('±', '');
}

/** Why there is no test: a paired test needs two queries with a value on both sides. */
function noTestReason(n: number): string {
  return n === 0
    ? 'No test: no query has a value on both sides. A query needs a relevant judgment and results from both rankers.'
    : 'No test: only 1 query has a value on both sides, and a paired test needs at least 2.';
}

function NotCompared({ comparison }: { comparison: RankerComparison }) {
  const missing = comparison.notCompared;
  if (missing.length === 0) return null;
  return (
    <span className="block text-xs text-slate-600" title={`Not compared: ${describeNotCompared(missing)}`}>
      {count(missing.length)} not compared
    </span>
  );
}

function PairRow({ pair }: { pair: TestedPair }) {
  const { comparison } = pair;
  const { randomization, tTest, n } = comparison;
  return (
    <tr data-testid="significance-row" className="border-b border-slate-100 align-top last:border-b-0">
      <th scope="row" className="max-w-72 py-1.5 pr-3 text-left text-xs font-medium text-slate-800">
        {pair.label}
      </th>
      <td data-testid="significance-delta" className={`py-1.5 pr-3 text-right font-mono ${deltaClass(comparison.meanDelta)}`}>
        {formatDelta(comparison.meanDelta)}
      </td>
      <td data-testid="significance-n" className="py-1.5 pr-3 text-right">
        <span className="font-mono">{count(n)}</span>
        <NotCompared comparison={comparison} />
      </td>
      {n < 2 || !randomization || !tTest ? (
        <td colSpan={2} data-testid="significance-none" className="py-1.5 text-xs text-slate-700">
          {noTestReason(n)}
        </td>
      ) : (
        <>
          <td data-testid="significance-randomization" className="py-1.5 pr-3">
            <span className="font-mono">{formatPValue(randomization.pValue)}</span>{' '}
            <span className="text-xs text-slate-600">{randomization.exact ? `exact (all ${count(randomization.trials)} sign patterns)` : `${count(randomization.trials)} seeded sign flips`}</span>
            <span className="block text-xs text-slate-700">{describePValue(randomization.pValue, 'randomization')}</span>
          </td>
          <td data-testid="significance-t" className="py-1.5">
            <span className="font-mono">{formatPValue(tTest.pValue)}</span>{' '}
            <span className="text-xs text-slate-600">
              t = {formatT(tTest.t)}, df = {count(tTest.df)}
            </span>
            <span className="block text-xs text-slate-700">{describePValue(tTest.pValue, 't')}</span>
          </td>
        </>
      )}
    </tr>
  );
}

/** Paired significance tests on the set metric: is a column's gain over the first stage (or another column) more than chance? */
export function SignificanceTable() {
  const aggregate = useAppStore(selectSetAggregate);
  const k = useAppStore((s) => s.metricK);
  const metric = useAppStore((s) => s.setMetric);
  if (aggregate.totalQueries === 0 || aggregate.rankers.length === 0) return null;
  const pairs = testedPairs(aggregate);
  const label = metricLabel(metric, k, 'query');
  return (
    <section aria-labelledby="significance-heading" className="space-y-2">
      <h3 id="significance-heading" className="text-sm font-semibold text-slate-900">
        Is the difference more than chance?
      </h3>
      {pairs.length === 0 ? (
        <p className="text-sm text-slate-700">Rerank the set with a column to test it against the first stage.</p>
      ) : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Significance tests">
          <table aria-label={`Paired significance tests on ${label}`} className="w-full text-sm tabular-nums">
            <caption className="mb-1 text-left text-xs text-slate-600">
              Paired tests on {label}, query by query. Mean Δ is the first ranker named minus the second. The randomization test flips the sign of each query’s difference 10,000
              times (seeded, so it repeats), or tries every sign pattern when there are at most 10,000 (exact).
            </caption>
            <thead>
              <tr className="border-b border-slate-200 text-left text-xs text-slate-600">
                <th scope="col" className="py-1 pr-3 font-medium">
                  Comparison
                </th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">
                  Mean Δ {label}
                </th>
                <th scope="col" title="Queries with a value on both sides" className="py-1 pr-3 text-right font-medium">
                  n
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Randomization test
                </th>
                <th scope="col" className="py-1 font-medium">
                  Paired t-test
                </th>
              </tr>
            </thead>
            <tbody>
              {pairs.map((pair) => (
                <PairRow key={pair.key} pair={pair} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="text-xs text-slate-600">
        A p-value says how often chance alone would give a difference this large, not how large or important the difference is.
        {pairs.length > 1 && ' With several comparisons, one reaching p < 0.05 by chance is likelier than 5%: these p-values are not corrected for that.'}
      </p>
    </section>
  );
}
