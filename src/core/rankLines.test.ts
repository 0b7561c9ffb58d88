import { describe, expect, it } from 'vitest';
import type { RankMove } from './ranking';
import { anchorY, curvePath, levelingPads, lineStyle, maxMoveFor, planRowSlides, rankLinesBetween, slidesInView, type ListBox } from './rankLines';

describe('maxMoveFor', () => {
  it('is the longest possible move, capped at 10 places', () => {
    expect(maxMoveFor(4)).toBe(3); // 4 documents: from rank 4 to rank 1 at most
    expect(maxMoveFor(11)).toBe(10);
    expect(maxMoveFor(50)).toBe(10);
  });

  it('is at least 1, so a width never divides by zero', () => {
    expect(maxMoveFor(1)).toBe(1);
    expect(maxMoveFor(0)).toBe(1);
  });
});

describe('lineStyle', () => {
  it('colours by direction and thickens linearly with the places moved', () => {
    // width = 1 + 3 * min(by, max) / max
    expect(lineStyle({ kind: 'up', by: 3 }, 3)).toEqual({ move: 'up', width: 4, dashed: false });
    expect(lineStyle({ kind: 'down', by: 1 }, 3)).toEqual({ move: 'down', width: 2, dashed: false });
    expect(lineStyle({ kind: 'down', by: 2 }, 3)).toEqual({ move: 'down', width: 3, dashed: false });
    expect(lineStyle({ kind: 'up', by: 5 }, 10)).toEqual({ move: 'up', width: 2.5, dashed: false });
  });

  it('caps the width at maxMove places', () => {
    expect(lineStyle({ kind: 'up', by: 40 }, 10).width).toBe(4);
  });

  it('draws an unchanged rank thin and solid', () => {
    expect(lineStyle({ kind: 'same', by: 0 }, 3)).toEqual({ move: 'same', width: 1, dashed: false });
  });

  it('draws a document only one side ranked thin and dashed', () => {
    const notRanked = { move: 'not-reranked', width: 1, dashed: true };
    expect(lineStyle({ kind: 'not reranked' }, 3)).toEqual(notRanked);
    expect(lineStyle({ kind: 'new' }, 3)).toEqual(notRanked);
    expect(lineStyle(undefined, 3)).toEqual(notRanked);
  });
});

describe('anchorY', () => {
  it('is the middle of a short row', () => {
    expect(anchorY({ id: 'a', top: 100, height: 40 })).toBe(120);
  });

  it('stays 28 px below the top of a tall (expanded) row', () => {
    expect(anchorY({ id: 'a', top: 100, height: 300 })).toBe(128);
  });
});

describe('curvePath', () => {
  it('is a cubic curve with both control points at the middle x, level with each end', () => {
    // mid x = (300 + 348) / 2 = 324
    expect(curvePath(300, 20, 348, 110)).toBe('M300 20C324 20 324 110 348 110');
  });

  it('rounds to a tenth of a pixel', () => {
    // mid x = (10.04 + 20.15) / 2 = 15.095 -> 15.1
    expect(curvePath(10.04, 5.55, 20.15, 7.26)).toBe('M10 5.6C15.1 5.6 15.1 7.3 20.2 7.3');
  });
});

describe('rankLinesBetween', () => {
  // Seed preset: first stage 101, 205, 312, 450 (rows 50 px tall); reranked 450, 101, 312, 205.
  const rows = (ids: string[]) => ids.map((id, i) => ({ id, top: i * 50, height: 50 }));
  const firstStage: ListBox = { left: 0, right: 300, rows: rows(['doc_101', 'doc_205', 'doc_312', 'doc_450']) };
  const reranked: ListBox = { left: 348, right: 648, rows: rows(['doc_450', 'doc_101', 'doc_312', 'doc_205']) };
  const moves = new Map<string, RankMove>([
    ['doc_101', { kind: 'down', by: 1 }],
    ['doc_205', { kind: 'down', by: 2 }],
    ['doc_312', { kind: 'same', by: 0 }],
    ['doc_450', { kind: 'up', by: 3 }],
  ]);

  it('joins each document rendered in both lists, row middle to row middle, 4 px clear of each list', () => {
    const lines = rankLinesBetween(firstStage, reranked, moves, 3);
    expect(lines.map((l) => [l.docId, l.move, l.width])).toEqual([
      ['doc_101', 'down', 2],
      ['doc_205', 'down', 3],
      ['doc_312', 'same', 1],
      ['doc_450', 'up', 4],
    ]);
    // doc_450: rank 4 (middle y = 150 + 25 = 175) to rank 1 (y = 25); x from 300 + 4 to 348 - 4, middle 324.
    expect(lines[3]?.path).toBe('M304 175C324 175 324 25 344 25');
  });

  it('draws no line for a document rendered on one side only (paging)', () => {
    const shortList: ListBox = { ...reranked, rows: reranked.rows.slice(0, 2) };
    expect(rankLinesBetween(firstStage, shortList, moves, 3).map((l) => l.docId)).toEqual(['doc_101', 'doc_450']);
  });
});

describe('levelingPads', () => {
  it('pads every list down to the lowest one', () => {
    // First stage list at 60 px, a local model column (tall settings) at 310, BM25 at 90.
    expect(levelingPads([60, 310, 90])).toEqual([250, 0, 220]);
  });

  it('leaves columns without a list, and a lone list, unpadded', () => {
    expect(levelingPads([60, null, 90])).toEqual([30, 0, 0]);
    expect(levelingPads([60, null])).toEqual([0, 0]);
    expect(levelingPads([])).toEqual([]);
  });
});

describe('planRowSlides', () => {
  const snapshot = (ids: string[], waiting = 0, height = 60) => ({ rows: ids.map((id, i) => ({ id, top: i * height })), waiting });

  it('slides rows whose place in the order changed from their old top', () => {
    const slides = planRowSlides(snapshot(['a', 'b', 'c']), snapshot(['c', 'a', 'b']), new Map());
    // c: 120 -> 0 starts 120 px lower; a: 0 -> 60 starts 60 px higher.
    expect(slides).toEqual([
      { id: 'c', fromOffset: 120, entering: false },
      { id: 'a', fromOffset: -60, entering: false },
      { id: 'b', fromOffset: -60, entering: false },
    ]);
  });

  it('leaves rows that only shifted because a row above grew', () => {
    const before = snapshot(['a', 'b']);
    const after = { rows: [{ id: 'a', top: 0 }, { id: 'b', top: 200 }], waiting: 0 };
    expect(planRowSlides(before, after, new Map())).toEqual([]);
  });

  it('slides only the newcomer when a score arrives above rows that keep their order', () => {
    // Streaming: b is scored and lands above a; a and the row below the cut (z) are pushed down one row.
    const before = { rows: [{ id: 'a', top: 0 }, { id: 'z', top: 100 }], waiting: 2 };
    const after = { rows: [{ id: 'b', top: 0 }, { id: 'a', top: 60 }, { id: 'z', top: 150 }], waiting: 1 };
    expect(planRowSlides(before, after, new Map([['b', 60]]))).toEqual([{ id: 'b', fromOffset: 60, entering: true }]);
  });

  it('slides a newly scored row in from its first-stage place', () => {
    // Before: 4 documents waiting (rows without ids). After: all scored; doc_450 was 4th in the first stage.
    const firstStageTops = new Map([['doc_450', 180], ['doc_101', 0]]);
    const slides = planRowSlides(snapshot([], 4), snapshot(['doc_450', 'doc_101']), firstStageTops);
    expect(slides).toEqual([
      { id: 'doc_450', fromOffset: 180, entering: true },
      { id: 'doc_101', fromOffset: -60, entering: true },
    ]);
  });

  it('lets rows new for another reason (a page more shown) just appear', () => {
    expect(planRowSlides(snapshot(['a']), snapshot(['a', 'b']), new Map([['b', 0]]))).toEqual([]);
  });

  it('slides nothing in a list that just appeared', () => {
    expect(planRowSlides(undefined, snapshot(['a', 'b']), new Map([['a', 60]]))).toEqual([]);
  });
});

describe('slidesInView', () => {
  // The view spans 1000..1800 (the window, in the same coordinates as the rows); rows are 80 px tall.
  const rows = [
    { id: '__proto__', top: 1100, height: 80 }, // on screen, comes from far below: 1100 + 2000 = 3100
    { id: 'constructor', top: 5000, height: 80 }, // from 5000 - 500 = 4500 to 5000: never in view
    { id: 'toString', top: 500, height: 80 }, // from 500 + 1000 = 1500 (in view) to 500 (above it)
    { id: 'passer', top: 100, height: 80 }, // from 100 + 3000 = 3100, passing through the view on its way
    { id: 'edge', top: 900, height: 80 }, // from 900 + 20 = 920: its bottom at 980 + 20 = 1000 only touches the view
  ];
  const plan = [
    { id: '__proto__', fromOffset: 2000, entering: false },
    { id: 'constructor', fromOffset: -500, entering: true },
    { id: 'toString', fromOffset: 1000, entering: false },
    { id: 'passer', fromOffset: 3000, entering: false },
    { id: 'edge', fromOffset: 20, entering: false },
    { id: 'not-measured', fromOffset: 10, entering: false },
  ];

  it('keeps the slides that start, end or pass within the view', () => {
    expect(slidesInView(plan, rows, 1000, 1800).map((s) => s.id)).toEqual(['__proto__', 'toString', 'passer']);
  });

  it('keeps none when the view is far from every row', () => {
    expect(slidesInView(plan, rows, 10_000, 10_800)).toEqual([]);
  });
});
