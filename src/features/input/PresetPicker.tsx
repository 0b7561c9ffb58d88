import { exampleSetTitle } from '../../core/exampleSet';
import { presets } from '../../core/presets';
import { useAppStore } from '../../store';
import { loadExampleSet } from '../../store/setActions';

/** The option that opens the bundled query set instead of a single-query preset. */
const EXAMPLE_SET_OPTION = '__example-set__';

/** Ready-made examples, each with a lesson. Picking one replaces the query and documents. */
export function PresetPicker() {
  const presetId = useAppStore((s) => s.presetId);
  const loadPreset = useAppStore((s) => s.loadPreset);
  const current = presets.find((p) => p.id === presetId);
  return (
    <div className="space-y-1">
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <span className="font-medium">Example</span>
        <select
          value={presetId ?? ''}
          onChange={(e) => (e.target.value === EXAMPLE_SET_OPTION ? void loadExampleSet() : loadPreset(e.target.value))}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        >
          {presetId === null && <option value="">Your own input</option>}
          {presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
          <option value={EXAMPLE_SET_OPTION}>{exampleSetTitle}</option>
        </select>
      </label>
      {current && <p className="text-xs leading-snug text-slate-600">{current.lesson}</p>}
    </div>
  );
}
