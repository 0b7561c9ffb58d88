import { useId, useMemo, useState } from 'react';
import { apSteps, MAX_CURVE_CUTOFF, ndcgSteps, precisionRecallCurve, type ApSteps, type DcgStep, type NdcgSteps } from '../../core/metricSteps';
import { formatMetric, rankedIds, type GainKind } from '../../core/metrics';
import type { Judgments } from '../../core/types';
import type { NamedRanking } from './MetricsTable';
import { PrecisionRecallChart } from './PrecisionRecallChart';

export interface HowComputedProps {
  rankings: NamedRanking[];
  judgments: Judgments;
  k: number;
  gain: GainKind;
}

/** Intermediate sums get three decimals, so the last line can be checked by hand against the two-decimal table. */
const three = (value: number): string => value.toFixed(3);

const gainFormula = (gain: GainKind): string => (gain === 'linear' ? 'grade' : '2^grade − 1');

/** How many never-retrieved ids the AP text names before "and N more". */
const NAMED_AT_MOST = 10;

function named(ids: readonly string[]): string {
  const shown = ids.slice(0, NAMED_AT_MOST).join(', ');
  return ids.length > NAMED_AT_MOST ? `${shown}, and ${ids.length - NAMED_AT_MOST} more` : shown;
}

function DcgTable({ label, steps, gain, rowTestId }: { label: string; steps: readonly DcgStep[]; gain: GainKind; rowTestId: string }) {
  return (
    <div className="max-h-72 overflow-auto">
      <table aria-label={label} className="text-xs tabular-nums">
        <thead>
          <tr className="text-left text-slate-500">
            <th scope="col" className="pr-3 font-medium">Rank</th>
            <th scope="col" className="pr-3 font-medium">Document</th>
            <th scope="col" className="pr-3 text-right font-medium">Grade</th>
            <th scope="col" className="pr-3 text-right font-medium">Gain ({gainFormula(gain)})</th>
            <th scope="col" className="pr-3 text-right font-medium">Discount 1/log₂(rank+1)</th>
            <th scope="col" className="pr-3 text-right font-medium">Gain × discount</th>
            <th scope="col" className="text-right font-medium">DCG so far</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s) => (
            <tr key={s.rank} data-testid={rowTestId}>
              <td className="pr-3">{s.rank}</td>
              <td className="max-w-48 truncate pr-3 font-mono" title={s.id}>{s.id}</td>
              <td className="pr-3 text-right">{s.grade === undefined ? 'unjudged (0)' : s.grade}</td>
              <td className="pr-3 text-right font-mono">{s.gain}</td>
              <td className="pr-3 text-right font-mono">{three(s.discount)}</td>
              <td className="pr-3 text-right font-mono">{three(s.contribution)}</td>
              <td className="text-right font-mono">{three(s.runningDcg)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NdcgWorking({ steps, listLength }: { steps: NdcgSteps; listLength: number }) {
  const { k, gain } = steps;
  return (
    <section className="space-y-1">
      <h4 className="font-medium text-slate-700">nDCG@{k}</h4>
      <p>
        DCG@{k} adds each document&apos;s gain times its discount, 1 / log₂(rank + 1), down to rank {k}
        {listLength < k ? ` (the list holds only ${listLength})` : ''}. An unjudged document counts as grade 0.
      </p>
      <DcgTable label={`DCG at ${k}, as ranked`} steps={steps.ranked} gain={gain} rowTestId="dcg-step" />
      <p>
        The ideal order takes every judged document, retrieved or not, highest grade first, and cuts it at {k}:
      </p>
      <DcgTable label={`Ideal DCG at ${k}`} steps={steps.ideal} gain={gain} rowTestId="ideal-step" />
      <p data-testid="ndcg-working">
        nDCG@{k} = DCG / IDCG = {three(steps.dcg)} / {three(steps.idcg)} = <strong>{formatMetric(steps.ndcg)}</strong>
      </p>
    </section>
  );
}

function ApWorking({ steps }: { steps: ApSteps }) {
  const { terms, sum, totalRelevant, notRetrieved } = steps;
  return (
    <section className="space-y-1">
      <h4 className="font-medium text-slate-700">AP</h4>
      <p>For each relevant document the ranking retrieved: the precision at its rank, that is the relevant documents so far divided by the rank.</p>
      {terms.length > 0 && (
        <div className="max-h-72 overflow-auto">
          <table aria-label="Average precision terms" className="text-xs tabular-nums">
            <thead>
              <tr className="text-left text-slate-500">
                <th scope="col" className="pr-3 font-medium">Rank</th>
                <th scope="col" className="pr-3 font-medium">Document</th>
                <th scope="col" className="pr-3 text-right font-medium">Grade</th>
                <th scope="col" className="text-right font-medium">Precision at rank</th>
              </tr>
            </thead>
            <tbody>
              {terms.map((t) => (
                <tr key={t.rank} data-testid="ap-term">
                  <td className="pr-3">{t.rank}</td>
                  <td className="max-w-48 truncate pr-3 font-mono" title={t.id}>{t.id}</td>
                  <td className="pr-3 text-right">{t.grade}</td>
                  <td className="text-right font-mono">
                    {t.relevantSoFar} / {t.rank} = {three(t.precision)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {terms.length === 0 && <p>The ranking retrieved no relevant document, so the sum is 0.</p>}
      {notRetrieved.length > 0 && (
        <p>
          Judged relevant but never retrieved: {named(notRetrieved)}. {notRetrieved.length === 1 ? 'It adds' : 'They add'} 0 to the sum, yet{' '}
          {notRetrieved.length === 1 ? 'counts' : 'count'} in the denominator.
        </p>
      )}
      <p data-testid="ap-working">
        AP = {three(sum)} / {totalRelevant} judged relevant = <strong>{formatMetric(steps.ap)}</strong>
      </p>
    </section>
  );
}

/** "How these are computed", worked for one ranking: the nDCG and AP tables and the precision/recall curve. */
export function HowComputed({ rankings, judgments, k, gain }: HowComputedProps) {
  const selectId = useId();
  const [picked, setPicked] = useState(0);
  // A column may go away while picked: fall back to the first stage.
  const index = picked < rankings.length ? picked : 0;
  const chosen = rankings[index];
  const working = useMemo(() => {
    if (!chosen) return null;
    const { ranking } = chosen;
    return {
      ndcg: ndcgSteps(ranking, judgments, k, gain),
      ap: apSteps(ranking, judgments),
      curve: precisionRecallCurve(ranking, judgments),
      listLength: rankedIds(ranking).length,
    };
  }, [chosen, judgments, k, gain]);
  if (!chosen || !working) return null;
  return (
    <div data-testid="how-computed" className="mt-2 space-y-3 text-xs text-slate-700">
      <label htmlFor={selectId} className="flex items-center gap-1">
        Worked for
        <select id={selectId} value={index} onChange={(e) => setPicked(Number(e.target.value))} className="max-w-72 rounded border border-slate-300 bg-white px-1.5 py-1">
          {rankings.map((r, i) => (
            <option key={`${i}:${r.name}`} value={i}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      {working.ndcg === null || working.ap === null || working.curve === null ? (
        <p>Judge at least one document relevant (grade 1 or more) to see the working: with no relevant judgments every metric is n/a.</p>
      ) : (
        <>
          <NdcgWorking steps={working.ndcg} listLength={working.listLength} />
          <ApWorking steps={working.ap} />
          <section className="space-y-1">
            <h4 className="font-medium text-slate-700">Precision and recall at each cut-off</h4>
            <p>
              Precision at a cut-off divides the relevant documents so far by the cut-off; recall divides them by all {working.ap.totalRelevant} judged
              relevant. Shown up to rank {Math.min(working.listLength, MAX_CURVE_CUTOFF)}.
            </p>
            <PrecisionRecallChart points={working.curve} k={k} />
          </section>
        </>
      )}
    </div>
  );
}
