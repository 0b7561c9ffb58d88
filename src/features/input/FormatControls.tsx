import type { InputFormat, ParseResult } from '../../core/parse';
import { useAppStore } from '../../store';
import type { FieldRole } from '../../store/inputSlice';

const formats: { value: InputFormat; label: string }[] = [
  { value: 'auto', label: 'Detect' },
  { value: 'text', label: 'Plain text' },
  { value: 'json', label: 'JSON' },
  { value: 'jsonl', label: 'JSONL' },
  { value: 'csv', label: 'CSV' },
  { value: 'tsv', label: 'TSV' },
];

const roles: { role: FieldRole; label: string }[] = [
  { role: 'text', label: 'Text field' },
  { role: 'id', label: 'Id field' },
  { role: 'score', label: 'Score field' },
  { role: 'relevance', label: 'Relevance field' },
];

const selectClass = 'rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs';

/** Lets the user correct any guess: the format, the plain-text reading, and which field is which. */
export function FormatControls({ parsed }: { parsed: ParseResult }) {
  const format = useAppStore((s) => s.format);
  const textMode = useAppStore((s) => s.textMode);
  const fields = useAppStore((s) => s.fields);
  const setFormat = useAppStore((s) => s.setFormat);
  const setTextMode = useAppStore((s) => s.setTextMode);
  const setField = useAppStore((s) => s.setField);
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-xs text-slate-700">
      <label className="flex items-center gap-1">
        Format
        <select className={selectClass} value={format} onChange={(e) => setFormat(e.target.value as InputFormat)}>
          {formats.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
      {parsed.format === 'text' && (
        <fieldset className="flex items-center gap-2">
          <legend className="sr-only">Plain-text reading</legend>
          {(['lines', 'paragraphs'] as const).map((mode) => (
            <label key={mode} className="flex items-center gap-1">
              <input
                type="radio"
                name="text-mode"
                checked={(textMode === 'auto' ? parsed.textMode : textMode) === mode}
                onChange={() => setTextMode(mode)}
              />
              {mode === 'lines' ? 'One per line' : 'Blank-line paragraphs'}
            </label>
          ))}
          {textMode !== 'auto' && (
            <button type="button" className="text-indigo-700 underline" onClick={() => setTextMode('auto')}>
              detect
            </button>
          )}
        </fieldset>
      )}
      {parsed.fields &&
        roles.map(({ role, label }) => (
          <label key={role} className="flex items-center gap-1">
            {label}
            <select
              className={selectClass}
              value={fields[role] ?? ''}
              onChange={(e) => setField(role, e.target.value === '' ? undefined : e.target.value)}
            >
              <option value="">{`Auto${parsed.fields?.used[role] ? ` (${parsed.fields.used[role]})` : role === 'text' ? '' : ' (none)'}`}</option>
              {parsed.fields?.available.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        ))}
    </div>
  );
}
