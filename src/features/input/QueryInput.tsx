import { useCallback, useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../store';

/**
 * How long the typist pauses before the query reaches the store. The field shows each key at once from a local
 * draft; every store change of the query re-ranks and re-renders the first stage, the rows' judgments and the
 * metrics, which takes 100 ms and more while a rerank streams in and shares the cores with the model. A key
 * that lands during that render waits for it, so during a run the query is handed over only after a pause
 * longer than the gap between keys of a normal typist (150-300 ms): one re-rank per pause, not one per key.
 * Without a run the render is short, and a shorter pause keeps the list close behind the typing.
 */
const commitDelayMs = { idle: 100, duringRun: 300 } as const;

export function QueryInput() {
  const query = useAppStore((s) => s.query);
  const setQuery = useAppStore((s) => s.setQuery);
  // The text typed and not yet in the store; null when the store has it all (the field then shows the store's,
  // so an example, a share link or another tab's edit appears at once).
  const [draft, setDraft] = useState<string | null>(null);
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const commit = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    if (pending.current === null) return;
    setQuery(pending.current);
    pending.current = null;
    setDraft(null);
  }, [setQuery]);

  useEffect(() => {
    // Whatever reads the store next must see every keystroke: a reload or closing the tab (before the saved
    // state is written: capture listeners on window run before the store's own `pagehide` one), and a share
    // link opened in this tab (before the link handler compares it with the work on screen).
    const options = { capture: true };
    const onHidden = () => document.visibilityState === 'hidden' && commit();
    window.addEventListener('beforeunload', commit, options);
    window.addEventListener('pagehide', commit, options);
    window.addEventListener('hashchange', commit, options);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('beforeunload', commit, options);
      window.removeEventListener('pagehide', commit, options);
      window.removeEventListener('hashchange', commit, options);
      document.removeEventListener('visibilitychange', onHidden);
      commit();
    };
  }, [commit]);

  return (
    <div>
      <label htmlFor="query" className="mb-1 block text-sm font-medium text-slate-700">
        Query
      </label>
      <input
        id="query"
        type="text"
        value={draft ?? query}
        onChange={(e) => {
          const value = e.target.value;
          pending.current = value;
          setDraft(value);
          clearTimeout(timer.current);
          timer.current = setTimeout(commit, useAppStore.getState().running ? commitDelayMs.duringRun : commitDelayMs.idle);
        }}
        // Leaving the field (to click Rerank, Share, an example...) or pressing Enter commits at once.
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
        placeholder="What is the user searching for?"
        className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-inner focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200"
      />
    </div>
  );
}
