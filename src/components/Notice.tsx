import type { ReactNode } from 'react';

interface NoticeProps {
  tone: 'error' | 'warning' | 'info';
  title?: string;
  children: ReactNode;
}

const toneClass = {
  error: 'border-red-300 bg-red-50 text-red-900',
  warning: 'border-amber-300 bg-amber-50 text-amber-900',
  info: 'border-sky-200 bg-sky-50 text-sky-900',
} as const;

/** An inline message. Errors are announced to screen readers as alerts; the rest politely. */
export function Notice({ tone, title, children }: NoticeProps) {
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={`rounded-md border px-3 py-2 text-sm ${toneClass[tone]}`}>
      {title && <p className="font-semibold">{title}</p>}
      <div>{children}</div>
    </div>
  );
}
