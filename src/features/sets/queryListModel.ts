/**
 * The query list's model, free of React: one view-model per query, the filters, the sort, and the order shown.
 * The order shown is also the order Previous/Next steps through, so it is computed here, once, for both.
 */
import { formatDelta, formatMetric } from '../../core/metrics';
import type { Outcome } from '../../core/sets/aggregate';
import type { RankerInfo, SetRow } from '../../store/setSelectors';
import type { SetMetric } from '../../store/setSlice';

/** |delta| at or below this is a tie: float noise is not a win (the aggregate's rule). */
export const TIE_EPSILON = 1e-9;

export type QueryListFilter = 'all' | 'wins' | 'losses' | 'ties' | 'unjudged' | 'unscored';

export type SortColumn =
  | { kind: 'id' }
  | { kind: 'text' }
  | { kind: 'candidates' }
  | { kind: 'relevant' }
  | { kind: 'value'; rankerId: string }
  | { kind: 'delta'; rankerId: string };

export type SortDirection = 'ascending' | 'descending';

export interface QueryListSort {
  column: SortColumn;
  direction: SortDirection;
}

/** What the user chose for the list. The metric is the app's `setMetric`, shared with the chart. */
export interface QueryListView {
  /** null: the default, the change of the compared column, losses first (or set order without a reranked column). */
  sort: QueryListSort | null;
  filter: QueryListFilter;
  search: string;
  /** The reranked column that Wins/Losses/Ties and the default sort are about; null: the first reranked column. */
  compareRankerId: string | null;
}

export const defaultQueryListView: QueryListView = { sort: null, filter: 'all', search: '', compareRankerId: null };

/** One ranker's numbers for one query. */
export interface RankerCell {
  rankerId: string;
  /** false: this ranker has no result for the query yet (shown "—"). */
  scored: boolean;
  /** null when scored but undefined: no relevant judgments ("n/a"). */
  value: number | null;
  /** This value − the first stage's; null for the first stage itself, or when either side has no value. */
  delta: number | null;
  outcome: Outcome | null;
  /** The result came from other inputs or settings than those on screen. */
  stale: boolean;
}

export interface QueryRowView {
  id: string;
  text: string;
  candidateCount: number;
  relevantCount: number;
  /** First the first stage, then one per reranked column, as `selectRankers` lists them. */
  cells: RankerCell[];
  /** The row's place in the set, so equal sort keys keep set order in either direction. */
  setIndex: number;
}

export function classifyDelta(delta: number | null, epsilon = TIE_EPSILON): Outcome | null {
  if (delta === null || !Number.isFinite(delta)) return null;
  if (Math.abs(delta) <= epsilon) return 'tie';
  return delta > 0 ? 'win' : 'loss';
}

function cellOf(row: SetRow, position: number, rankerId: string, metric: SetMetric, baseValue: number | null): RankerCell {
  const result = row.results[position];
  const scored = Boolean(result?.ranking);
  const value = scored ? (result?.values?.[metric] ?? null) : null;
  const delta = position > 0 && value !== null && baseValue !== null ? value - baseValue : null;
  return { rankerId, scored, value, delta, outcome: classifyDelta(delta), stale: Boolean(scored && result?.stale) };
}

/** One view-model per query, in set order, on the chosen metric. */
export function buildQueryRows(rows: readonly SetRow[], rankers: readonly RankerInfo[], metric: SetMetric): QueryRowView[] {
  return rows.map((row, setIndex) => {
    const first = row.results[0];
    const baseValue = first?.ranking ? (first.values?.[metric] ?? null) : null;
    return {
      id: row.query.id,
      text: row.query.text,
      candidateCount: row.candidates.length,
      relevantCount: row.relevantCount,
      cells: rankers.map((ranker, position) => cellOf(row, position, ranker.id, metric, baseValue)),
      setIndex,
    };
  });
}

/** The position (in `rankers`) of the column that filters and the default sort compare; 0 when there is none to compare. */
export function compareRankerIndex(rankers: readonly RankerInfo[], compareRankerId: string | null): number {
  if (rankers.length < 2) return 0;
  const chosen = compareRankerId === null ? -1 : rankers.findIndex((r, i) => i > 0 && r.id === compareRankerId);
  return chosen > 0 ? chosen : 1;
}

export function matchesFilter(row: QueryRowView, filter: QueryListFilter, compareIndex: number): boolean {
  const cell = row.cells[compareIndex];
  switch (filter) {
    case 'all':
      return true;
    case 'wins':
      return cell?.outcome === 'win';
    case 'losses':
      return cell?.outcome === 'loss';
    case 'ties':
      return cell?.outcome === 'tie';
    case 'unjudged':
      return row.relevantCount === 0;
    case 'unscored':
      return !cell?.scored;
  }
}

/** Case-insensitive, over the id and the text; blank matches everything. */
export function matchesSearch(row: QueryRowView, search: string): boolean {
  const needle = search.trim().toLowerCase();
  return needle === '' || row.id.toLowerCase().includes(needle) || row.text.toLowerCase().includes(needle);
}

/** How many rows each filter keeps, over the whole set (the search aside): shown beside each filter. */
export function filterCounts(rows: readonly QueryRowView[], compareIndex: number): Map<QueryListFilter, number> {
  const filters: QueryListFilter[] = ['all', 'wins', 'losses', 'ties', 'unjudged', 'unscored'];
  return new Map(filters.map((f) => [f, rows.filter((row) => matchesFilter(row, f, compareIndex)).length]));
}

// Numeric, so q2 comes before q10; base sensitivity, so case alone does not order (set order does).
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

type SortKey = string | number | null;

function sortKey(row: QueryRowView, column: SortColumn, rankers: readonly RankerInfo[]): SortKey {
  switch (column.kind) {
    case 'id':
      return row.id;
    case 'text':
      return row.text;
    case 'candidates':
      return row.candidateCount;
    case 'relevant':
      return row.relevantCount;
    case 'value':
    case 'delta': {
      const cell = row.cells[rankers.findIndex((r) => r.id === column.rankerId)];
      return (column.kind === 'value' ? cell?.value : cell?.delta) ?? null;
    }
  }
}

function compareKeys(a: Exclude<SortKey, null>, b: Exclude<SortKey, null>): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** Sorted by the column; values that are missing ("n/a", "—") go last in either direction; equal keys keep set order. */
export function sortRows(rows: readonly QueryRowView[], sort: QueryListSort | null, rankers: readonly RankerInfo[]): QueryRowView[] {
  if (sort === null) return [...rows];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, key: sortKey(row, sort.column, rankers) }));
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null) {
      if (a.key !== b.key) return a.key === null ? 1 : -1;
    } else {
      const order = compareKeys(a.key, b.key);
      if (order !== 0) return sign * order;
    }
    return a.row.setIndex - b.row.setIndex;
  });
  return keyed.map((k) => k.row);
}

function refersToRanker(column: SortColumn, rankers: readonly RankerInfo[]): boolean {
  return (column.kind !== 'value' && column.kind !== 'delta') || rankers.some((r) => r.id === column.rankerId);
}

/**
 * The sort in force: the user's, while its column exists; else the change of the compared column, losses first
 * (the queries a reranker hurt most are the ones worth reading); set order when nothing is reranked.
 */
export function effectiveSort(view: QueryListView, rankers: readonly RankerInfo[]): QueryListSort | null {
  if (view.sort && refersToRanker(view.sort.column, rankers)) return view.sort;
  const compared = rankers[compareRankerIndex(rankers, view.compareRankerId)];
  if (rankers.length < 2 || !compared) return null;
  return { column: { kind: 'delta', rankerId: compared.id }, direction: 'ascending' };
}

export function sameColumn(a: SortColumn, b: SortColumn): boolean {
  if (a.kind !== b.kind) return false;
  return !('rankerId' in a) || !('rankerId' in b) || a.rankerId === b.rankerId;
}

/** A header click: the same column flips direction; a new one starts A→Z for words, highest first for numbers. */
export function nextSort(current: QueryListSort | null, column: SortColumn): QueryListSort {
  if (current && sameColumn(current.column, column)) {
    return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { column, direction: column.kind === 'id' || column.kind === 'text' ? 'ascending' : 'descending' };
}

/** The rows as shown: filtered, searched, sorted. */
export function visibleQueryRows(rows: readonly QueryRowView[], rankers: readonly RankerInfo[], view: QueryListView): QueryRowView[] {
  const compareIndex = compareRankerIndex(rankers, view.compareRankerId);
  const kept = rows.filter((row) => matchesFilter(row, view.filter, compareIndex) && matchesSearch(row, view.search));
  return sortRows(kept, effectiveSort(view, rankers), rankers);
}

/** The query ids in the order the list shows them (sorted and filtered): the order Previous/Next steps through. */
export function visibleQueryOrder(rows: readonly SetRow[], rankers: readonly RankerInfo[], view: QueryListView, metric: SetMetric): string[] {
  return visibleQueryRows(buildQueryRows(rows, rankers, metric), rankers, view).map((row) => row.id);
}

/** "—" when the ranker has not scored the query, "n/a" when it cannot be scored (no relevant judgments). */
export function cellValueText(cell: RankerCell): string {
  return cell.scored ? formatMetric(cell.value) : '—';
}

export function cellDeltaText(cell: RankerCell): string {
  return cell.scored ? formatDelta(cell.delta) : '—';
}

export function showingText(shown: number, total: number): string {
  return `Showing ${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} ${total === 1 ? 'query' : 'queries'}`;
}
