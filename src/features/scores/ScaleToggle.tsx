import { useId } from 'react';
import type { ScoreDisplay } from '../../core/scoreDisplay';
import { scaleButtonLabels } from './scoreFormat';

const scales: readonly ScoreDisplay[] = ['raw', 'sigmoid', 'minmax'];

interface ScaleToggleProps {
  /** Names the group for a screen reader: "Scale of the plot for model A". */
  legend: string;
  value: ScoreDisplay;
  onChange: (scale: ScoreDisplay) => void;
  /** Scales that mean nothing here, with the reason (BM25 has no sigmoid). */
  unavailable?: ReadonlyMap<ScoreDisplay, string>;
}

/** Raw / sigmoid / min-max as radio buttons: arrow keys move between them, and the chosen one is marked by more than colour. */
export function ScaleToggle({ legend, value, onChange, unavailable }: ScaleToggleProps) {
  const name = useId();
  return (
    <fieldset className="inline-flex overflow-hidden rounded border border-slate-300 text-[11px]">
      <legend className="sr-only">{legend}</legend>
      {scales.map((scale) => {
        const reason = unavailable?.get(scale);
        const checked = scale === value;
        return (
          <label
            key={scale}
            title={reason}
            className={`cursor-pointer border-l border-slate-300 px-1.5 py-0.5 first-of-type:border-l-0 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-700 ${
              checked ? 'bg-indigo-700 font-semibold text-white' : reason ? 'cursor-not-allowed text-slate-500 line-through' : 'bg-white text-slate-700 hover:bg-slate-50'
            }`}
          >
            <input type="radio" name={name} className="sr-only" checked={checked} disabled={reason !== undefined} onChange={() => onChange(scale)} />
            {scaleButtonLabels[scale]}
            {reason && <span className="sr-only"> ({reason})</span>}
          </label>
        );
      })}
    </fieldset>
  );
}
