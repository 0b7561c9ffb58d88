import { describe, expect, it } from 'vitest';
import { highlightSegments } from './highlightSegments';

describe('highlightSegments', () => {
  it('is one plain run without ranges, and nothing for an empty text', () => {
    expect(highlightSegments(5, [])).toEqual([{ start: 0, end: 5, kinds: [] }]);
    expect(highlightSegments(0, [{ start: 0, end: 3, kind: 'term' }])).toEqual([]);
  });

  it('splits overlapping ranges into runs that carry both kinds', () => {
    // window 2..8, term 5..9 in 10: plain 0..2, window 2..5, both 5..8, term 8..9, plain 9..10
    expect(
      highlightSegments(10, [
        { start: 2, end: 8, kind: 'window' },
        { start: 5, end: 9, kind: 'term' },
      ]),
    ).toEqual([
      { start: 0, end: 2, kinds: [] },
      { start: 2, end: 5, kinds: ['window'] },
      { start: 5, end: 8, kinds: ['window', 'term'] },
      { start: 8, end: 9, kinds: ['term'] },
      { start: 9, end: 10, kinds: [] },
    ]);
  });

  it('merges touching and nested ranges of one kind', () => {
    expect(
      highlightSegments(4, [
        { start: 0, end: 2, kind: 'term' },
        { start: 2, end: 4, kind: 'term' },
      ]),
    ).toEqual([{ start: 0, end: 4, kinds: ['term'] }]);
    expect(
      highlightSegments(6, [
        { start: 2, end: 4, kind: 'term' },
        { start: 0, end: 6, kind: 'term' },
      ]),
    ).toEqual([{ start: 0, end: 6, kinds: ['term'] }]);
  });

  it('clamps ranges to the text and ignores empty, reversed and non-finite ones', () => {
    expect(
      highlightSegments(10, [
        { start: -3, end: 2, kind: 'term' },
        { start: 8, end: 20, kind: 'window' },
        { start: 5, end: 3, kind: 'term' },
        { start: 4, end: 4, kind: 'term' },
        { start: Number.NaN, end: 6, kind: 'term' },
      ]),
    ).toEqual([
      { start: 0, end: 2, kinds: ['term'] },
      { start: 2, end: 8, kinds: [] },
      { start: 8, end: 10, kinds: ['window'] },
    ]);
  });
});
