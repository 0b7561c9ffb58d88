import { METRIC_NAMES } from '../../core/sets/aggregate';
import { useAppStore } from '../../store';
import type { RankerInfo } from '../../store/setSelectors';
import type { SetMetric } from '../../store/setSlice';
import { metricLabel } from './deltaChartModel';
import { showingText, type QueryListFilter } from './queryListModel';
import { useQueryListView } from './queryListState';

const filterNames: [QueryListFilter, string][] = [
  ['all', 'All'],
  ['wins', 'Wins'],
  ['losses', 'Losses'],
  ['ties', 'Ties'],
  ['unjudged', 'Unjudged'],
  ['unscored', 'Not scored yet'],
];

const fieldClass = 'rounded border border-slate-300 bg-white px-1.5 py-1 text-sm text-slate-900';

interface QueryListControlsProps {
  rankers: readonly RankerInfo[];
  compareIndex: number;
  counts: ReadonlyMap<QueryListFilter, number>;
  shown: number;
  total: number;
}

/** The metric, the compared column, the filter and the search above the query list. */
export function QueryListControls({ rankers, compareIndex, counts, shown, total }: QueryListControlsProps) {
  const metric = useAppStore((s) => s.setMetric);
  const k = useAppStore((s) => s.metricK);
  const setMetric = useAppStore((s) => s.setSetMetric);
  const filter = useQueryListView((s) => s.filter);
  const search = useQueryListView((s) => s.search);
  const setFilter = useQueryListView((s) => s.setFilter);
  const setSearch = useQueryListView((s) => s.setSearch);
  const setCompareRanker = useQueryListView((s) => s.setCompareRanker);
  const reranked = rankers.slice(1);
  const compared = rankers[compareIndex];
  return (
    <div className="flex flex-wrap items-end gap-x-4 gap-y-2 text-xs text-slate-700">
      <label className="flex items-center gap-1">
        Metric
        <select value={metric} onChange={(e) => setMetric(e.target.value as SetMetric)} className={fieldClass}>
          {METRIC_NAMES.map((name) => (
            <option key={name} value={name}>
              {metricLabel(name, k, 'query')}
            </option>
          ))}
        </select>
      </label>
      {reranked.length > 1 && compared && (
        <label className="flex items-center gap-1">
          Wins and losses of
          <select value={compared.id} onChange={(e) => setCompareRanker(e.target.value)} className={`${fieldClass} max-w-64`}>
            {reranked.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="flex items-center gap-1">
        Show
        <select aria-label="Show queries" value={filter} onChange={(e) => setFilter(e.target.value as QueryListFilter)} className={fieldClass}>
          {filterNames.map(([value, name]) => (
            <option key={value} value={value} disabled={reranked.length === 0 && (value === 'wins' || value === 'losses' || value === 'ties')}>
              {name} ({(counts.get(value) ?? 0).toLocaleString('en-US')})
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1">
        Search
        <input
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder="id or text"
          className={`${fieldClass} w-48`}
        />
      </label>
      <p aria-live="polite" data-testid="query-list-count" className="ml-auto text-slate-700">
        {showingText(shown, total)}
      </p>
    </div>
  );
}
