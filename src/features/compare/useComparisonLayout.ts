import { useLayoutEffect, useState, type RefObject } from 'react';
import { planRowSlides, slidesInView, type ListBox, type ListSnapshot } from '../../core/rankLines';
import { columnElements, columnLists, drawnBoxes, levelLists, measureLists, sameBoxes, type MeasuredList } from './measureLists';
import { useAppStore } from '../../store';
import { selectRunInFlight } from './runInFlight';
import { prefersReducedMotion, RowSlides } from './slideRows';

/**
 * Keeps the comparison's geometry current and animates reorders:
 * - a DOM change inside the grid (rows reordered, scores arrived, a column added) levels the lists, slides
 *   the rows that moved (FLIP), then measures; it runs as a microtask, after React's commit, before the paint;
 * - while a model runs (selectRunInFlight), a DOM change only levels and measures on the next frame: no
 *   slides and no lines that follow them frame by frame, since that main-thread work takes the cores the
 *   model's threads need. The run's last update (its scores in their final order) slides as usual;
 * - a size change (a row expanded, the window resized, fonts loaded) levels and measures on the next frame
 *   (leveling changes sizes: doing it inside the ResizeObserver callback would loop);
 * - while rows slide, the lines follow them every frame, from the slides' progress: no layout work.
 * `origin` is the element the returned boxes are relative to; `grid` holds the columns.
 */
export function useComparisonLayout(origin: RefObject<HTMLElement | null>, grid: RefObject<HTMLElement | null>): (ListBox | null)[] {
  const [boxes, setBoxes] = useState<(ListBox | null)[]>([]);

  useLayoutEffect(() => {
    const originEl = origin.current;
    const gridEl = grid.current;
    if (!originEl || !gridEl) return;
    const snapshots = new WeakMap<HTMLElement, ListSnapshot>();
    let measured: (MeasuredList | null)[] = [];
    let frame = 0;
    const draw = () => {
      const next = drawnBoxes(measured, slides.offsetsByList());
      setBoxes((previous) => (sameBoxes(previous, next) ? previous : next));
    };
    const slides = new RowSlides(draw);

    const measure = (lists = columnLists(gridEl)) => {
      measured = measureLists(originEl, lists, slides.offset);
      for (const list of measured) if (list) snapshots.set(list.element, list.snapshot);
    };
    const followSlides = () => {
      if (frame) return;
      const tick = () => {
        draw();
        frame = slides.running ? requestAnimationFrame(tick) : 0;
      };
      frame = requestAnimationFrame(tick);
    };
    const slide = () => {
      const lists = columnLists(gridEl);
      const before = lists.map((list) => (list ? snapshots.get(list) : undefined));
      measure(lists);
      const firstStageTops = new Map(measured[0]?.snapshot.rows.map((r) => [r.id, r.top]));
      // The window in the boxes' coordinates: rows that never pass through it just take their places.
      const viewTop = -originEl.getBoundingClientRect().top;
      const viewBottom = viewTop + window.innerHeight;
      measured.forEach((list, i) => {
        if (!list) return;
        // Only a reranked list slides rows in from their first-stage place.
        const plan = planRowSlides(before[i], list.snapshot, i === 0 ? new Map() : firstStageTops);
        slides.play(list.element, slidesInView(plan, list.box.rows, viewTop, viewBottom));
      });
    };

    // One level, measure and draw on the next frame, however many changes come before it.
    let measureFrame = 0;
    const measureNextFrame = () => {
      if (measureFrame) return;
      measureFrame = requestAnimationFrame(() => {
        measureFrame = 0;
        levelLists(gridEl);
        measure();
        draw();
      });
    };
    const resizes = new ResizeObserver(measureNextFrame);
    const watched = new Set<Element>();
    const watchColumns = () => {
      // A column's height changes when its rows expand or its run status grows; observe each column once.
      for (const column of watched) {
        if (column.isConnected) continue;
        resizes.unobserve(column);
        watched.delete(column);
      }
      for (const column of columnElements(gridEl)) {
        if (watched.has(column)) continue;
        watched.add(column);
        resizes.observe(column);
      }
    };
    const mutations = new MutationObserver(() => {
      watchColumns();
      if (selectRunInFlight(useAppStore.getState())) {
        slides.cancelAll();
        measureNextFrame();
        return;
      }
      levelLists(gridEl);
      if (prefersReducedMotion()) measure();
      else slide();
      draw();
      if (slides.running) followSlides();
    });

    // Observing starts with one notification per target: that first call draws the lines.
    resizes.observe(gridEl);
    watchColumns();
    mutations.observe(gridEl, { childList: true, subtree: true });
    return () => {
      mutations.disconnect();
      resizes.disconnect();
      slides.cancelAll();
      cancelAnimationFrame(frame);
      cancelAnimationFrame(measureFrame);
    };
  }, [origin, grid]);

  return boxes;
}
