interface ProgressBarProps {
  value: number;
  max: number;
  label: string;
  className?: string;
}

/** A progress bar that looks the same in every browser; the role and values keep it accessible. */
export function ProgressBar({ value, max, label, className = '' }: ProgressBarProps) {
  const fraction = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      className={`h-2 overflow-hidden rounded-full bg-slate-200 ${className}`}
    >
      <div className="h-full rounded-full bg-indigo-500 transition-[width] duration-200" style={{ width: `${fraction * 100}%` }} />
    </div>
  );
}
