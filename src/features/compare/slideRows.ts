import type { RowSlide } from '../../core/rankLines';
import { documentRows } from './measureLists';

/** Long enough to follow a row with the eye, short enough not to hold up reading. */
export const SLIDE_MS = 300;
/** Our animations carry this id, to tell them from any other animation on the page (and in tests). */
export const SLIDE_ANIMATION_ID = 'rank-slide';

export function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

interface Slide {
  from: number;
  animation: Animation;
}

/**
 * The rows sliding now (the Invert and Play of FLIP), and how far each is from its place. The offset comes
 * from the animation's own eased progress: reading it costs no style or layout work, so lines can follow
 * the rows every frame.
 */
export class RowSlides {
  private readonly slides = new Map<HTMLElement, Slide>();

  constructor(private readonly onAllDone: () => void) {}

  get running(): boolean {
    return this.slides.size > 0;
  }

  /** How far the row is drawn from its layout place, in px (0 when it is not sliding). */
  offset = (row: HTMLElement): number => {
    const slide = this.slides.get(row);
    const progress = slide?.animation.effect?.getComputedTiming().progress;
    return slide && progress !== null && progress !== undefined ? slide.from * (1 - progress) : 0;
  };

  /** Offsets by list, then by document id: what the lines need to follow the rows. */
  offsetsByList(): Map<HTMLElement, Map<string, number>> {
    const byList = new Map<HTMLElement, Map<string, number>>();
    for (const row of this.slides.keys()) {
      const list = row.parentElement;
      if (!list || row.dataset.docId === undefined) continue;
      const offsets = byList.get(list) ?? new Map<string, number>();
      offsets.set(row.dataset.docId, this.offset(row));
      byList.set(list, offsets);
    }
    return byList;
  }

  /** Each row starts where it is drawn now (mid-slide included) and moves to its new place. */
  play(list: HTMLElement, plan: readonly RowSlide[]): void {
    if (plan.length === 0) return;
    const rows = new Map(documentRows(list).map((row) => [row.dataset.docId, row]));
    for (const step of plan) {
      const row = rows.get(step.id);
      if (!row) continue;
      const from = step.fromOffset + this.offset(row);
      this.slides.get(row)?.animation.cancel();
      if (Math.abs(from) < 0.5 && !step.entering) continue;
      const animation = row.animate(
        [
          { transform: `translateY(${from}px)`, opacity: step.entering ? 0.4 : 1 },
          { transform: 'none', opacity: 1 },
        ],
        { duration: SLIDE_MS, easing: 'cubic-bezier(0.2, 0, 0, 1)', id: SLIDE_ANIMATION_ID },
      );
      const slide = { from, animation };
      this.slides.set(row, slide);
      const done = () => {
        if (this.slides.get(row) !== slide) return;
        this.slides.delete(row);
        if (this.slides.size === 0) this.onAllDone();
      };
      animation.addEventListener('finish', done);
      animation.addEventListener('cancel', done);
    }
  }

  cancelAll(): void {
    for (const { animation } of [...this.slides.values()]) animation.cancel();
  }
}
