import { describe, expect, it } from 'vitest';
import { rowsInView, scrollTopToShow, virtualWindow } from './useVirtualRows';

// Rows 36 px tall, a 448 px (28rem) viewport, a 30 px sticky header.
describe('rowsInView', () => {
  it('counts the rows that fit, with a partial one at each end', () => {
    // 448 / 36 = 12.4 → 13 rows, + 1 for the row cut at the top.
    expect(rowsInView(0, 448, 36)).toEqual({ firstRow: 0, viewportRows: 14 });
    // (1000 − 30) / 36 = 26.9 → row 26 is the first below the header.
    expect(rowsInView(1000, 448, 36, 30).firstRow).toBe(26);
  });
});

describe('virtualWindow', () => {
  it('renders the rows in view plus the overscan, and pads for the rest', () => {
    // span 14 + 2 × 8 = 30 rows from 26 − 8 = 18; padding 18 × 36 above, (1000 − 48) × 36 below.
    expect(virtualWindow({ firstRow: 26, viewportRows: 14 }, 1000, 36, 8)).toEqual({ start: 18, end: 48, paddingTop: 648, paddingBottom: 34272 });
  });

  it('clamps to the top and to the end of the list', () => {
    // At the top the window keeps its 30 rows too: 0..30, and (1000 − 30) × 36 = 34920 below.
    expect(virtualWindow({ firstRow: 0, viewportRows: 14 }, 1000, 36, 8)).toEqual({ start: 0, end: 30, paddingTop: 0, paddingBottom: 34920 });
    // Near the end, 970..1000: 970 × 36 = 34920 above.
    expect(virtualWindow({ firstRow: 990, viewportRows: 14 }, 1000, 36, 8)).toEqual({ start: 970, end: 1000, paddingTop: 34920, paddingBottom: 0 });
  });

  it('still shows rows when a filter shrank the list under the scroll position', () => {
    expect(virtualWindow({ firstRow: 500, viewportRows: 14 }, 20, 36, 8)).toEqual({ start: 0, end: 20, paddingTop: 0, paddingBottom: 0 });
    expect(virtualWindow({ firstRow: 500, viewportRows: 14 }, 0, 36, 8)).toEqual({ start: 0, end: 0, paddingTop: 0, paddingBottom: 0 });
  });
});

describe('scrollTopToShow', () => {
  it('leaves a row in view alone', () => {
    // Row 5 spans 30 + 180 = 210 .. 246 in the content, inside 30 .. 448.
    expect(scrollTopToShow(5, 0, 448, 36, 30)).toBeNull();
  });

  it('scrolls down just enough to show a row below the view', () => {
    // Row 20 ends at 30 + 21 × 36 = 786: scroll to 786 − 448 = 338.
    expect(scrollTopToShow(20, 0, 448, 36, 30)).toBe(338);
  });

  it('scrolls up so a row is not hidden under the sticky header', () => {
    // Row 3 starts at 30 + 108 = 138; at scrollTop 108 the header covers 108 .. 138, so it shows whole.
    expect(scrollTopToShow(3, 200, 448, 36, 30)).toBe(108);
    // Row 5, half under the header at scrollTop 190.
    expect(scrollTopToShow(5, 190, 448, 36, 30)).toBe(180);
  });
});
