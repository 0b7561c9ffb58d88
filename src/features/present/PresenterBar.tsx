import { useAppStore } from '../../store';
import { selectActiveSetQuery } from '../../store/activeQuery';
import { PRESENTER_STEPS, presenterMove, selectPresenterStep } from '../../store/presenterSlice';
import { QueryNavigator } from '../sets/QueryNavigator';
import { useVisibleQueryOrder } from '../sets/queryListState';
import { PresenterToggle } from './PresenterToggle';
import { presenterAnnouncement, presenterStepShortLabels } from './steps';

const button =
  'rounded-md border border-slate-400 bg-white px-3 py-1 text-sm font-medium text-slate-900 hover:bg-slate-100 aria-disabled:cursor-not-allowed aria-disabled:border-slate-300 aria-disabled:text-slate-600';

/** The presenter's top bar: the query, the steps (each one can be jumped to), Back and Next, Rerank, and the way out. */
export function PresenterBar() {
  const order = useVisibleQueryOrder();
  const step = useAppStore(selectPresenterStep);
  const pasteQuery = useAppStore((s) => s.query);
  const setQuery = useAppStore(selectActiveSetQuery);
  const canBack = useAppStore((s) => presenterMove(s, -1, order) !== null);
  const canNext = useAppStore((s) => presenterMove(s, 1, order) !== null);
  const { presenterNext, presenterBack, showPresenterStep, rerank } = useAppStore.getState();
  const running = useAppStore((s) => s.running);
  const position = setQuery ? { id: setQuery.id, at: order.indexOf(setQuery.id), of: order.length } : null;
  return (
    <header className="space-y-2 border-b border-slate-300 bg-white px-6 py-3">
      <h1 className="sr-only">Rerank Playground, presenter mode</h1>
      <div className="flex flex-wrap items-center gap-3">
        {setQuery ? (
          <div className="min-w-0 flex-1">
            <QueryNavigator />
          </div>
        ) : (
          <p data-testid="presenter-query" className="min-w-0 flex-1 text-xl font-semibold text-slate-900">
            <span className="mr-2 text-sm font-medium text-slate-700">Query</span>
            {pasteQuery || '(empty query)'}
          </p>
        )}
        <PresenterToggle />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <ol aria-label="Steps" className="flex flex-wrap gap-1">
          {PRESENTER_STEPS.map((name, i) => (
            <li key={name}>
              <button
                type="button"
                aria-current={i === step ? 'step' : undefined}
                onClick={() => showPresenterStep(i)}
                className={`rounded-md px-2 py-0.5 text-xs font-medium ${i === step ? 'bg-indigo-700 text-white' : i < step ? 'bg-indigo-100 text-indigo-900' : 'bg-slate-100 text-slate-800'}`}
              >
                {i + 1} {presenterStepShortLabels.get(name)}
              </button>
            </li>
          ))}
        </ol>
        <button type="button" className={button} aria-label="Previous step" aria-disabled={!canBack} onClick={() => canBack && presenterBack(order)}>
          ←
        </button>
        <button type="button" className={button} aria-label="Next step" aria-disabled={!canNext} onClick={() => canNext && presenterNext(order)}>
          →
        </button>
        <button
          type="button"
          // aria-disabled, not disabled: a disabled button drops keyboard focus to <body> mid-run.
          aria-disabled={running}
          onClick={() => !running && void rerank()}
          className="rounded-md bg-indigo-700 px-3 py-1 text-sm font-semibold text-white hover:bg-indigo-800 aria-disabled:cursor-not-allowed aria-disabled:bg-indigo-500"
        >
          {running ? 'Reranking…' : 'Rerank'}
        </button>
        <p className="ml-auto text-xs text-slate-700">→ or Space: next · ←: back · Esc: leave</p>
      </div>
      <p role="status" data-testid="presenter-step" className="sr-only">
        {presenterAnnouncement(step, position)}
      </p>
    </header>
  );
}
