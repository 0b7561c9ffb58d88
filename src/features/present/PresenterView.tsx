import { useEffect, useRef } from 'react';
import '../../app/presenter.css';
import { useAppStore } from '../../store';
import { selectPresenterStep } from '../../store/presenterSlice';
import { MetricsPanel } from '../metrics/MetricsPanel';
import { Comparison } from '../rankings/Comparison';
import { ConfirmOpenDialog } from '../share/ConfirmOpenDialog';
import { ShareNotices } from '../share/ShareNotices';
import { PresenterBar } from './PresenterBar';
import { presenterStepName } from './steps';
import { usePresenterKeys } from './usePresenterKeys';

/**
 * Presenter mode, shown instead of the page: no inputs, the rankings across the full width, text for a projector,
 * revealed a step at a time. The steps are attributes on the root (presenter.css hides what a step has not reached),
 * so the rankings render exactly as on the page, lines and highlight included.
 */
export function PresenterView() {
  const step = useAppStore(selectPresenterStep);
  usePresenterKeys();
  const root = useRef<HTMLDivElement>(null);
  const metrics = useRef<HTMLElement>(null);
  // Focus starts here, so the keys work at once and a screen reader starts at the top.
  useEffect(() => root.current?.focus({ preventScroll: true }), []);
  useEffect(() => {
    // The metrics sit below the rankings: bring them up when they appear, and the rankings back for a new query.
    if (step === 3) metrics.current?.scrollIntoView({ block: 'start' });
    else if (step === 0) window.scrollTo({ top: 0 });
  }, [step]);
  return (
    <div
      ref={root}
      tabIndex={-1}
      data-presenter=""
      data-presenter-step={step}
      data-presenter-step-name={presenterStepName(step)}
      className="min-h-screen bg-white text-slate-900 outline-none"
    >
      <PresenterBar />
      <main className="space-y-6 px-6 py-4">
        <section aria-label="Rankings" data-presenter-comparison="">
          {/* The columns' titles are h3, as on the page. */}
          <h2 className="sr-only">Rankings</h2>
          <Comparison />
        </section>
        {step >= 3 && (
          <section ref={metrics} aria-label="Metrics" data-presenter-metrics="" className="scroll-mt-4 border-t border-slate-300 pt-4">
            <h2 className="mb-3 text-lg font-semibold text-slate-900">Metrics</h2>
            <MetricsPanel />
          </section>
        )}
      </main>
      <ConfirmOpenDialog />
      <ShareNotices />
    </div>
  );
}
