import { useAppStore } from '../../store';

/** Marks the query's terms in every row, as the first stage's BM25 sees them (its stemming and stopwords). */
export function QueryTermToggle() {
  const on = useAppStore((s) => s.highlightQueryTerms);
  const setOn = useAppStore((s) => s.setHighlightQueryTerms);
  const { stem, stopwords } = useAppStore((s) => s.bm25);
  const analysis = [stem ? 'stemmed' : 'not stemmed', stopwords ? 'stopwords dropped' : 'stopwords kept'].join(', ');
  return (
    <label className="flex flex-wrap items-center gap-x-1.5 text-sm text-slate-700">
      <input type="checkbox" checked={on} onChange={(e) => setOn(e.target.checked)} aria-describedby="query-term-analysis" />
      Highlight query terms
      <span id="query-term-analysis" className="text-xs text-slate-500">
        (as BM25 reads them: {analysis})
      </span>
    </label>
  );
}
