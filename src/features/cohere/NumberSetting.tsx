import { useState } from 'react';

interface NumberSettingProps {
  label: string;
  value: number;
  isValid: (value: number) => boolean;
  onCommit: (value: number) => void;
  step?: number | 'any';
  className?: string;
}

/**
 * A number field that lets the user clear it and type: what they type stays on screen, and only a valid
 * number reaches the store. On leaving the field it shows the value in force again.
 */
export function NumberSetting({ label, value, isValid, onCommit, step = 1, className = '' }: NumberSettingProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const parse = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
  const invalid = draft !== null && !isValid(parse(draft));
  return (
    <label className="flex items-center gap-1">
      {label}
      <input
        type="number"
        step={step}
        value={draft ?? String(value)}
        aria-invalid={invalid}
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
}
