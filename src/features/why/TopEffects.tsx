import { useMemo } from 'react';
import { topEffects, type OcclusionResult } from '../../core/occlusion';
import { formatEffect } from './heatStyle';

const TOP_COUNT = 10;

/** The units that moved the score most, with their effect in raw logit: the heat map in numbers. */
export function TopEffects({ result, docId }: { result: OcclusionResult; docId: string }) {
  const top = useMemo(() => topEffects(result.effects, TOP_COUNT), [result.effects]);
  if (top.length === 0) return <p className="text-sm text-slate-700">No {result.kind} changed the score when left out.</p>;
  return (
    <table className="w-full text-left text-sm" data-testid="why-top">
      <caption className="mb-1 text-left text-xs font-semibold text-slate-700">
        Top {top.length} {result.kind}s of {docId} by effect
      </caption>
      <thead>
        <tr className="border-b border-slate-200 text-xs text-slate-600">
          <th scope="col" className="py-1 pr-2 font-medium">
            {result.kind === 'word' ? 'Word' : 'Sentence'}
          </th>
          <th scope="col" className="py-1 pr-2 font-medium">
            Position
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            Effect (raw logit)
          </th>
        </tr>
      </thead>
      <tbody>
        {top.map((unit) => (
          <tr key={unit.index} className="border-b border-slate-100">
            <td className="max-w-[16rem] truncate py-1 pr-2 font-mono text-xs text-slate-900" title={unit.text}>
              {unit.text}
            </td>
            <td className="py-1 pr-2 tabular-nums text-slate-700">{unit.index + 1}</td>
            <td className={`py-1 text-right font-mono tabular-nums ${unit.effect > 0 ? 'text-orange-800' : 'text-blue-800'}`}>
              {unit.effect > 0 ? '▲ ' : '▼ '}
              {formatEffect(unit.effect)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
