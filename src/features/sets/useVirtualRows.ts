import { useCallback, useLayoutEffect, useState } from 'react';

/** Which rows of a fixed-height list to render, and the room the others take above and below. */
export interface VirtualWindow {
  /** First rendered row (inclusive). */
  start: number;
  /** Last rendered row (exclusive). */
  end: number;
  paddingTop: number;
  paddingBottom: number;
}

export interface RowsInView {
  /** The first row at least partly below the (sticky) header. */
  firstRow: number;
  /** How many rows fit in the viewport, counting a partial one at each end. */
  viewportRows: number;
}

/** The rows in view at a scroll position. `headerHeight` is the content above the first row (a table's head). */
export function rowsInView(scrollTop: number, viewportHeight: number, rowHeight: number, headerHeight = 0): RowsInView {
  return {
    firstRow: Math.floor(Math.max(0, scrollTop - headerHeight) / rowHeight),
    viewportRows: Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1,
  };
}

/**
 * The rows in view plus `overscan` on each side, clamped to the list. When the list has shrunk under the scroll
 * position (a filter), the window still ends at the last row instead of rendering nothing.
 */
export function virtualWindow(inView: RowsInView, rowCount: number, rowHeight: number, overscan: number): VirtualWindow {
  const span = inView.viewportRows + 2 * overscan;
  const start = Math.max(0, Math.min(inView.firstRow - overscan, rowCount - span));
  const end = Math.min(rowCount, start + span);
  return { start, end, paddingTop: start * rowHeight, paddingBottom: (rowCount - end) * rowHeight };
}

/** The scroll position that brings a row fully into view under the sticky header; null when it already is. */
export function scrollTopToShow(index: number, scrollTop: number, viewportHeight: number, rowHeight: number, headerHeight = 0): number | null {
  const top = headerHeight + index * rowHeight;
  if (top - headerHeight < scrollTop) return index * rowHeight;
  if (top + rowHeight > scrollTop + viewportHeight) return top + rowHeight - viewportHeight;
  return null;
}

export interface VirtualRows extends VirtualWindow {
  /** Scrolls just enough to show the row (by its place in the list) whole, below the sticky header. */
  scrollToIndex: (index: number) => void;
  containerRef: (element: HTMLElement | null) => void;
  container: HTMLElement | null;
}

interface VirtualRowsOptions {
  rowCount: number;
  rowHeight: number;
  overscan?: number;
  /** Before the container is measured: the height it is styled to (28rem). */
  fallbackHeight?: number;
  /** The height of the sticky content above the rows, read when needed (a table's head). */
  headerHeight?: () => number;
}

/**
 * A list of fixed-height rows inside a scrolling container renders only the rows in view, plus some overscan.
 * Renders again only when the window moves by a row, not on every scroll event.
 * Put `containerRef` on the scrolling element; `container` is that element once mounted.
 */
export function useVirtualRows(options: VirtualRowsOptions): VirtualRows {
  const { rowCount, rowHeight, overscan = 8, fallbackHeight = 448, headerHeight } = options;
  const [container, containerRef] = useState<HTMLElement | null>(null);
  const [firstRow, setFirstRow] = useState(0);
  const [viewportRows, setViewportRows] = useState(() => rowsInView(0, fallbackHeight, rowHeight).viewportRows);

  const sync = useCallback(
    (scrollTop: number, viewportHeight: number) => {
      const inView = rowsInView(scrollTop, viewportHeight, rowHeight, headerHeight?.() ?? 0);
      // Equal numbers bail out in React: no render while the window stays on the same rows.
      setFirstRow(inView.firstRow);
      setViewportRows(inView.viewportRows);
    },
    [rowHeight, headerHeight],
  );

  useLayoutEffect(() => {
    if (!container) return;
    const onScroll = () => sync(container.scrollTop, container.clientHeight);
    container.addEventListener('scroll', onScroll, { passive: true });
    // The observer also reports once when it starts: that is the first measurement.
    const resizes = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(onScroll);
    resizes?.observe(container);
    return () => {
      container.removeEventListener('scroll', onScroll);
      resizes?.disconnect();
    };
  }, [container, sync]);

  const scrollToIndex = useCallback(
    (index: number) => {
      if (!container) return;
      const target = scrollTopToShow(index, container.scrollTop, container.clientHeight, rowHeight, headerHeight?.() ?? 0);
      if (target === null) return;
      container.scrollTo({ top: target, behavior: 'instant' });
      // Now, not on the scroll event: the caller may want the row rendered in this very update.
      sync(target, container.clientHeight);
    },
    [container, rowHeight, headerHeight, sync],
  );

  return { ...virtualWindow({ firstRow, viewportRows }, rowCount, rowHeight, overscan), scrollToIndex, containerRef, container };
}
