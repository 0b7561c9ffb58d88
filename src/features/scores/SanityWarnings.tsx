import { Notice } from '../../components/Notice';
import type { ScorerWarning } from '../../core/sanity';

/** A column's sanity warnings, each as a notice with its title and likely cause; nothing when there are none. */
export function SanityWarnings({ warnings }: { warnings: readonly ScorerWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <div className="my-2 space-y-1" data-testid="scorer-warnings">
      {warnings.map((warning) => (
        <div key={warning.kind} data-kind={warning.kind}>
          <Notice tone="warning" title={warning.title}>
            <p>{warning.message}</p>
          </Notice>
        </div>
      ))}
    </div>
  );
}
