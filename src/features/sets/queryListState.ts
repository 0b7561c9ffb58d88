/**
 * The query list's view state (sort, filter, search, compared column): a small store of its own, because it is
 * view state, not work to keep, and because Previous/Next must step in the order the list shows.
 */
import { create } from 'zustand';
import { useAppStore } from '../../store';
import { memoizeLast } from '../../store/memo';
import { selectRankers, selectSetRows, type RankerInfo, type SetRow } from '../../store/setSelectors';
import type { SetMetric } from '../../store/setSlice';
import { defaultQueryListView, effectiveSort, nextSort, visibleQueryOrder, type QueryListFilter, type QueryListView, type SortColumn } from './queryListModel';

export interface QueryListViewState extends QueryListView {
  /** A header click: sorts by the column, or flips the direction when it is the column in force. */
  toggleSort: (column: SortColumn, rankers: readonly RankerInfo[]) => void;
  setFilter: (filter: QueryListFilter) => void;
  setSearch: (search: string) => void;
  setCompareRanker: (rankerId: string | null) => void;
  /** Back to the defaults; done by itself whenever the set on screen is replaced. */
  resetView: () => void;
}

export const useQueryListView = create<QueryListViewState>()((set, get) => ({
  ...defaultQueryListView,
  toggleSort: (column, rankers) => set({ sort: nextSort(effectiveSort(get(), rankers), column) }),
  setFilter: (filter) => set({ filter }),
  setSearch: (search) => set({ search }),
  setCompareRanker: (compareRankerId) => set({ compareRankerId }),
  resetView: () => set({ ...defaultQueryListView }),
}));

// A new set starts with the defaults: a search or filter from the last set would hide the new one's queries.
useAppStore.subscribe((state, previous) => {
  if (state.querySet !== previous.querySet) useQueryListView.getState().resetView();
});

const viewMemo = memoizeLast(
  (sort: QueryListView['sort'], filter: QueryListFilter, search: string, compareRankerId: string | null): QueryListView => ({ sort, filter, search, compareRankerId }),
);

/** The view's fields as one object that keeps its identity while they do (safe as a zustand selector). */
export const selectQueryListView = (s: QueryListView): QueryListView => viewMemo(s.sort, s.filter, s.search, s.compareRankerId);

/** The query ids as the list shows them; recomputed only when an input changes identity. */
export const selectVisibleOrder: (rows: readonly SetRow[], rankers: readonly RankerInfo[], view: QueryListView, metric: SetMetric) => string[] =
  memoizeLast(visibleQueryOrder);

/** The query ids in the list's order (sorted and filtered), for Previous/Next. */
export function useVisibleQueryOrder(): readonly string[] {
  const rows = useAppStore(selectSetRows);
  const rankers = useAppStore(selectRankers);
  const metric = useAppStore((s) => s.setMetric);
  const view = useQueryListView(selectQueryListView);
  return selectVisibleOrder(rows, rankers, view, metric);
}
