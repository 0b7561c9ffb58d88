import { useId, useState, type KeyboardEvent } from 'react';
import { formatBounds, parseBoundedNumber, type NumberBounds } from '../core/numberInput';

interface NumberFieldProps {
  /** The visible label, which is also the field's accessible name ("Rerank the top N"): tests find it by this. */
  label: string;
  /** What is accepted; `bounds.label` is the name used in messages ("Top N"). */
  bounds: NumberBounds;
  /** The value in force. */
  value: number;
  /** Called with a valid value only, on blur or Enter. */
  onCommit: (value: number) => void;
  /** 'stacked': a small label above the field; 'inline': the label before it. */
  layout?: 'stacked' | 'inline';
  /** Size classes of the input itself: width, padding, text size. */
  inputClassName?: string;
}

/**
 * A bounded number field. What the user types stays on screen as a draft (clearing the field and typing
 * "20" gives 20, not 120); the draft is checked on blur or Enter, and only a valid number is committed.
 * An invalid draft is marked and explained, and the last valid value stays in force; Escape brings it back.
 * The bounds sit beside the field, outside the label, so they describe it without changing its name.
 */
export function NumberField({ label, bounds, value, onCommit, layout = 'inline', inputClassName = 'w-16 px-1.5 py-1 text-xs' }: NumberFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [draftError, setDraftError] = useState<string | null>(null);
  const inputId = useId();
  const boundsId = useId();
  const messageId = useId();
  const check = (text: string) => parseBoundedNumber(text, bounds);
  // The value in force can be out of bounds too: another model has a lower limit, or an old saved setting.
  const inForce = check(String(value));
  const message = draftError ?? (draft === null && !inForce.ok ? inForce.message : null);

  const commit = (): void => {
    if (draft === null) return;
    const parsed = check(draft);
    if (!parsed.ok) {
      setDraftError(parsed.message);
      return;
    }
    setDraft(null);
    setDraftError(null);
    if (parsed.value !== value) onCommit(parsed.value);
  };
  const restore = (): void => {
    setDraft(null);
    setDraftError(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape' && draft !== null) {
      event.preventDefault();
      restore();
    }
  };

  const labelElement = (
    <label htmlFor={inputId} className={layout === 'stacked' ? 'block text-xs font-medium' : undefined}>
      {label}
    </label>
  );
  return (
    <div className={layout === 'stacked' ? 'text-sm text-slate-700' : 'text-xs text-slate-700'}>
      {layout === 'stacked' && labelElement}
      <div className="flex items-center gap-1">
        {layout === 'inline' && labelElement}
        <input
          id={inputId}
          type="text"
          inputMode={bounds.integer ? 'numeric' : 'decimal'}
          autoComplete="off"
          spellCheck={false}
          value={draft ?? String(value)}
          aria-invalid={message !== null}
          aria-describedby={message === null ? boundsId : `${boundsId} ${messageId}`}
          onChange={(e) => {
            setDraft(e.target.value);
            // Once a commit failed, keep the message in step with what is typed, so a fix shows at once.
            if (draftError !== null) {
              const parsed = check(e.target.value);
              setDraftError(parsed.ok ? null : parsed.message);
            }
          }}
          onBlur={commit}
          onKeyDown={onKeyDown}
          className={`rounded border bg-white ${message === null ? 'border-slate-300' : 'border-red-500'} ${inputClassName}`}
        />
        <span id={boundsId} className="whitespace-nowrap text-xs text-slate-500">
          {formatBounds(bounds)}
        </span>
      </div>
      <p id={messageId} aria-live="polite" className="max-w-xs text-xs text-red-700">
        {message}
      </p>
    </div>
  );
}
