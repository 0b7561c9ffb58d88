import { describe, expect, it } from 'vitest';
import { findFirstEntries, firstEntryOf, indexAhead, isIndexed, rankingIndex } from './rankingIndex';
import type { Ranking } from './types';

const rankingOf = (ids: string[]): Ranking => ({ scoreKind: 'BM25', entries: ids.map((id, i) => ({ id, rank: i + 1, score: 10 - i, index: i })) });

describe('rankingIndex', () => {
  it('keeps each id once, at its first position, with its first entry', () => {
    const ranking = rankingOf(['a', '__proto__', 'a', 'constructor', '__proto__']);
    const index = rankingIndex(ranking);
    expect(index.ids).toEqual(['a', '__proto__', 'constructor']);
    expect(index.positionOf.get('constructor')).toBe(2);
    expect(firstEntryOf(index, '__proto__')?.rank).toBe(2);
    expect(firstEntryOf(index, 'toString')).toBeUndefined();
    expect(rankingIndex(ranking)).toBe(index);
  });

  it('built a slice at a time, gives the same index as built at once', () => {
    const ids = Array.from({ length: 25 }, (_, i) => `d${i % 17}`);
    const whole = rankingIndex(rankingOf(ids));
    const sliced = rankingOf(ids);
    const steps: boolean[] = [];
    while (!isIndexed(sliced)) steps.push(indexAhead(sliced, 10));
    expect(steps).toEqual([false, false, true]);
    const index = rankingIndex(sliced);
    expect(index.ids).toEqual(whole.ids);
    expect([...index.positionOf]).toEqual([...whole.positionOf]);
    expect(index.firstEntries).toEqual(whole.firstEntries);
  });

  it('finishes a half-built index when asked for it', () => {
    const ranking = rankingOf(['x', 'y', 'z', 'x']);
    expect(indexAhead(ranking, 2)).toBe(false);
    expect(rankingIndex(ranking).ids).toEqual(['x', 'y', 'z']);
    expect(indexAhead(ranking, 1)).toBe(true);
  });
});

describe('findFirstEntries', () => {
  it('finds the first entry of each id asked for, and nothing for an id the ranking lacks', () => {
    const ranking = rankingOf(['a', 'b', 'a', 'c']);
    const found = findFirstEntries(ranking, new Set(['a', 'c', 'missing']));
    expect(found.get('a')?.rank).toBe(1);
    expect(found.get('c')?.rank).toBe(4);
    expect(found.has('missing')).toBe(false);
  });
});
