import { useId, useState } from 'react';

interface NumberSettingProps {
  label: string;
  value: number;
  isValid: (value: number) => boolean;
  onCommit: (value: number) => void;
  step?: number | 'any';
  /** Native bounds for the spinner arrows; `isValid` still decides what is committed. */
  min?: number;
  max?: number;
  className?: string;
  /** Shown beside the field and read with it, e.g. its bounds ("1 to 16"). */
  hint?: string;
}

/**
 * A number field that lets the user clear it and type: what they type stays on screen, and only a valid
 * number reaches the store. On leaving the field it shows the value in force again.
 */
export function NumberSetting({ label, value, isValid, onCommit, step = 1, min, max, className = '', hint }: NumberSettingProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const hintId = useId();
  const parse = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
  const invalid = draft !== null && !isValid(parse(draft));
  const field = (
    <label className="flex items-center gap-1">
      {label}
      <input
        type="number"
        step={step}
        min={min}
        max={max}
        value={draft ?? String(value)}
        aria-invalid={invalid}
        aria-describedby={hint === undefined ? undefined : hintId}
        onChange={(e) => {
          setDraft(e.target.value);
          const next = parse(e.target.value);
          if (isValid(next)) onCommit(next);
        }}
        onBlur={() => setDraft(null)}
        className={`rounded border bg-white px-1.5 py-1 text-xs ${invalid ? 'border-red-400' : 'border-slate-300'} ${className}`}
      />
    </label>
  );
  if (hint === undefined) return field;
  // The hint sits outside the label, so it describes the field without becoming part of its name.
  return (
    <div className="flex items-center gap-1">
      {field}
      <span id={hintId} className="text-slate-500">
        {hint}
      </span>
    </div>
  );
}
