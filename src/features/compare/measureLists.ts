import { levelingPads, type ListBox, type ListSnapshot } from '../../core/rankLines';

/** Comparison.tsx wraps each column in an element with this attribute (its index, first stage 0). */
export const COLUMN_ATTRIBUTE = 'data-compare-column';

export function columnElements(root: ParentNode): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(`[${COLUMN_ATTRIBUTE}]`));
}

/** Each column's ranked list, or null where the column shows none yet (no run). */
export function columnLists(root: ParentNode): (HTMLOListElement | null)[] {
  return columnElements(root).map((column) => column.querySelector('ol'));
}

/** A list's document rows, in order: pending rows and separators carry no document id. */
export function documentRows(list: HTMLElement): HTMLElement[] {
  return Array.from(list.children).filter((el): el is HTMLElement => el instanceof HTMLElement && el.dataset.docId !== undefined);
}

/**
 * Pads the top of each column so that all lists start level, whatever each header holds (a local model's
 * settings are taller than BM25's). Reads every position first, then writes, to lay out only once.
 */
export function levelLists(root: ParentNode): void {
  const columns = columnElements(root);
  const naturalTops = columns.map((column) => {
    const list = column.querySelector('ol');
    if (!list) return null;
    const padding = Number.parseFloat(column.style.paddingTop) || 0;
    return list.getBoundingClientRect().top - column.getBoundingClientRect().top - padding;
  });
  levelingPads(naturalTops).forEach((pad, i) => {
    const column = columns[i];
    const value = pad >= 0.5 ? `${Math.round(pad * 10) / 10}px` : '';
    if (column && column.style.paddingTop !== value) column.style.paddingTop = value;
  });
}

/** One list measured at rest: where its rows are for the lines, and within the list for the slides. */
export interface MeasuredList {
  element: HTMLElement;
  /** Relative to the drawing's origin. */
  box: ListBox;
  /** Relative to the list's own top. */
  snapshot: ListSnapshot;
}

/**
 * Measures every list in one pass of reads (one layout at most). Positions are layout positions: the part
 * of a row's place that comes from a running slide, `slideOffset(row)`, is taken out.
 */
export function measureLists(origin: HTMLElement, lists: readonly (HTMLElement | null)[], slideOffset: (row: HTMLElement) => number): (MeasuredList | null)[] {
  const base = origin.getBoundingClientRect();
  return lists.map((list) => {
    if (!list) return null;
    const listBox = list.getBoundingClientRect();
    const rows = documentRows(list).map((row) => {
      const r = row.getBoundingClientRect();
      return { id: row.dataset.docId ?? '', top: r.top - slideOffset(row), height: r.height };
    });
    const waiting = list.querySelectorAll(':scope > li:not([data-doc-id]):not([role="separator"])').length;
    return {
      element: list,
      box: { left: listBox.left - base.left, right: listBox.right - base.left, rows: rows.map((r) => ({ ...r, top: r.top - base.top })) },
      snapshot: { rows: rows.map((r) => ({ id: r.id, top: r.top - listBox.top })), waiting },
    };
  });
}

/** The boxes as drawn right now: each sliding row moved by its slide's current offset. */
export function drawnBoxes(measured: readonly (MeasuredList | null)[], offsets: ReadonlyMap<HTMLElement, ReadonlyMap<string, number>>): (ListBox | null)[] {
  return measured.map((list) => {
    if (!list) return null;
    const sliding = offsets.get(list.element);
    if (!sliding) return list.box;
    return { ...list.box, rows: list.box.rows.map((row) => ({ ...row, top: row.top + (sliding.get(row.id) ?? 0) })) };
  });
}

/** Same lists, same rows, same places (to the tenth of a pixel): no need to draw again. */
export function sameBoxes(a: readonly (ListBox | null)[], b: readonly (ListBox | null)[]): boolean {
  if (a.length !== b.length) return false;
  const close = (x: number, y: number) => Math.abs(x - y) < 0.1;
  return a.every((left, i) => {
    const right = b[i];
    if (!left || !right) return left === right;
    if (!close(left.left, right.left) || !close(left.right, right.right) || left.rows.length !== right.rows.length) return false;
    return left.rows.every((row, k) => {
      const other = right.rows[k];
      return other !== undefined && other.id === row.id && close(other.top, row.top) && close(other.height, row.height);
    });
  });
}
