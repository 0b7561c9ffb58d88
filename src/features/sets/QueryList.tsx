import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useAppStore } from '../../store';
import { selectRankers, selectSetRows, type RankerInfo } from '../../store/setSelectors';
import { metricLabel } from './deltaChartModel';
import { QueryListControls } from './QueryListControls';
import { QueryListRow, ROW_HEIGHT } from './QueryListRow';
import { buildQueryRows, compareRankerIndex, effectiveSort, filterCounts, sameColumn, visibleQueryRows, type QueryListSort, type SortColumn } from './queryListModel';
import { selectQueryListView, useQueryListView } from './queryListState';
import { useVirtualRows } from './useVirtualRows';

interface HeaderColumn {
  key: string;
  column: SortColumn;
  label: string;
  /** Read by screen readers only, after the label: which ranker a "Δ" column is about. */
  hiddenLabel?: string;
  title: string;
  /** CSS width; the query text takes what is left. */
  width?: string;
  numeric: boolean;
}

function headerColumns(rankers: readonly RankerInfo[], metricName: string): HeaderColumn[] {
  const columns: HeaderColumn[] = [
    { key: 'id', column: { kind: 'id' }, label: 'Query id', title: 'The query id', width: '8rem', numeric: false },
    { key: 'text', column: { kind: 'text' }, label: 'Query', title: 'The query text', numeric: false },
    { key: 'candidates', column: { kind: 'candidates' }, label: 'Candidates', title: 'Documents the first stage returned for this query', width: '6.5rem', numeric: true },
    { key: 'relevant', column: { kind: 'relevant' }, label: 'Relevant', title: 'Documents judged relevant (grade ≥ 1), retrieved or not', width: '5.5rem', numeric: true },
  ];
  rankers.forEach((r, i) => {
    columns.push({ key: `${r.id}:value`, column: { kind: 'value', rankerId: r.id }, label: r.name, title: `${metricName} of ${r.name}`, width: '10rem', numeric: true });
    if (i > 0) {
      columns.push({
        key: `${r.id}:delta`,
        column: { kind: 'delta', rankerId: r.id },
        label: 'Δ',
        hiddenLabel: ` ${r.name}`,
        title: `Change in ${metricName} of ${r.name} against the first stage: a win, tie or loss`,
        width: '9rem',
        numeric: true,
      });
    }
  });
  return columns;
}

function ariaSort(sort: QueryListSort | null, column: SortColumn): 'ascending' | 'descending' | 'none' {
  return sort && sameColumn(sort.column, column) ? sort.direction : 'none';
}

const TEXT_MIN_WIDTH = '16rem';

/** One row per query of the set, with each ranker's metric and its change; sortable, filterable, virtual. */
export function QueryList() {
  const rows = useAppStore(selectSetRows);
  const rankers = useAppStore(selectRankers);
  const metric = useAppStore((s) => s.setMetric);
  const k = useAppStore((s) => s.metricK);
  const activeQueryId = useAppStore((s) => s.activeQueryId);
  const openQuery = useAppStore((s) => s.openQuery);
  const view = useQueryListView(selectQueryListView);
  const toggleSort = useQueryListView((s) => s.toggleSort);

  const all = useMemo(() => buildQueryRows(rows, rankers, metric), [rows, rankers, metric]);
  const visible = useMemo(() => visibleQueryRows(all, rankers, view), [all, rankers, view]);
  const compareIndex = compareRankerIndex(rankers, view.compareRankerId);
  const counts = useMemo(() => filterCounts(all, compareIndex), [all, compareIndex]);
  const sort = effectiveSort(view, rankers);
  const columns = headerColumns(rankers, metricLabel(metric, k, 'query'));
  // The store's null means "the set's first query".
  const openId = activeQueryId ?? rows[0]?.query.id ?? null;

  const headingId = useId();
  const headRef = useRef<HTMLTableSectionElement>(null);
  const headerHeight = useCallback(() => headRef.current?.offsetHeight ?? 0, []);
  const { start, end, paddingTop, paddingBottom, scrollToIndex, containerRef, container } = useVirtualRows({ rowCount: visible.length, rowHeight: ROW_HEIGHT, headerHeight });

  // Arrow keys may target a row outside the rendered window: it is focused once it has rendered.
  const pendingFocus = useRef<number | null>(null);
  const focusPending = useCallback(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const button = container?.querySelector<HTMLButtonElement>(`button[data-row-index="${index}"]`);
    if (!button) return;
    pendingFocus.current = null;
    button.focus({ preventScroll: true });
  }, [container]);
  useLayoutEffect(focusPending);

  const onMove = useCallback(
    (from: number, key: 'ArrowUp' | 'ArrowDown' | 'Home' | 'End') => {
      const last = visible.length - 1;
      const target = key === 'Home' ? 0 : key === 'End' ? last : Math.min(last, Math.max(0, from + (key === 'ArrowDown' ? 1 : -1)));
      pendingFocus.current = target;
      scrollToIndex(target);
      focusPending();
    },
    [visible.length, scrollToIndex, focusPending],
  );

  // The row Tab lands on: the one last focused, else the open query, else the first rendered.
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const inWindow = (id: string | null) => {
    if (id === null) return -1;
    const at = visible.findIndex((r) => r.id === id);
    return at >= start && at < end ? at : -1;
  };
  const focusedAt = inWindow(focusedId);
  const openAt = inWindow(openId);
  const tabStop = focusedAt >= 0 ? focusedAt : openAt >= 0 ? openAt : start;

  // Previous/Next (or a click) changes the open query: bring its row into view, once per change.
  const openIndex = useMemo(() => visible.findIndex((r) => r.id === openId), [visible, openId]);
  const shownOpenId = useRef<string | null>(null);
  useEffect(() => {
    if (!container || shownOpenId.current === openId || openIndex < 0) return;
    shownOpenId.current = openId;
    scrollToIndex(openIndex);
  }, [container, openId, openIndex, scrollToIndex]);

  if (rows.length === 0) return null;
  const minWidth = `calc(${TEXT_MIN_WIDTH} + ${columns.map((c) => c.width ?? '0rem').join(' + ')})`;
  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <h3 id={headingId} className="text-sm font-semibold text-slate-800">
        Queries
      </h3>
      <QueryListControls rankers={rankers} compareIndex={compareIndex} counts={counts} shown={visible.length} total={all.length} />
      <div ref={containerRef} data-testid="query-list-scroll" className="max-h-[28rem] overflow-auto rounded-md border border-slate-200">
        <table aria-label="Queries of the set" aria-rowcount={visible.length + 1} className="w-full table-fixed text-sm" style={{ minWidth }}>
          <colgroup>
            {columns.map((c) => (
              <col key={c.key} style={c.width ? { width: c.width } : undefined} />
            ))}
          </colgroup>
          <thead ref={headRef}>
            <tr aria-rowindex={1}>
              {columns.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={ariaSort(sort, c.column)}
                  title={c.title}
                  className="sticky top-0 z-10 bg-slate-50 px-2 py-1.5 text-xs font-medium text-slate-700 shadow-[inset_0_-1px_0_var(--color-slate-200)]"
                >
                  <button
                    type="button"
                    onClick={() => toggleSort(c.column, rankers)}
                    className={`flex w-full items-center gap-1 rounded hover:text-slate-900 ${c.numeric ? 'justify-end text-right' : 'text-left'}`}
                  >
                    <span className="truncate">
                      {c.label}
                      {c.hiddenLabel && <span className="sr-only">{c.hiddenLabel}</span>}
                    </span>
                    <span aria-hidden="true" className="w-3 shrink-0 text-slate-600">
                      {ariaSort(sort, c.column) === 'ascending' ? '▲' : ariaSort(sort, c.column) === 'descending' ? '▼' : ''}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {paddingTop > 0 && (
              <tr aria-hidden="true" style={{ height: paddingTop }}>
                <td colSpan={columns.length} />
              </tr>
            )}
            {visible.slice(start, end).map((row, i) => (
              <QueryListRow
                key={row.id}
                row={row}
                index={start + i}
                isOpen={row.id === openId}
                isTabStop={start + i === tabStop}
                onOpen={openQuery}
                onMove={onMove}
                onFocusRow={setFocusedId}
              />
            ))}
            {paddingBottom > 0 && (
              <tr aria-hidden="true" style={{ height: paddingBottom }}>
                <td colSpan={columns.length} />
              </tr>
            )}
            {visible.length === 0 && (
              <tr>
                <td colSpan={columns.length} className="px-2 py-3 text-sm text-slate-700">
                  No query matches this filter and search.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
