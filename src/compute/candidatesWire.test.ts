import { describe, expect, it } from 'vitest';
import type { Candidate } from '../core/types';
import { decodeCandidates, encodeCandidates } from './candidatesWire';

describe('the candidates wire format', () => {
  it('round-trips ids, texts (empty and unicode too), scores, grades and positions without a source', () => {
    const candidates: Candidate[] = [
      { id: '__proto__', text: 'first', index: 0, score: 1.5, relevance: 2 },
      { id: 'constructor', text: '', index: 1 },
      { id: 'c', text: 'naïve 🐍 text', index: 2, score: -0, relevance: 0 },
    ];
    const wire = encodeCandidates(candidates);
    expect(wire.ids).toBe('__proto__constructorc');
    expect([...wire.idEnds]).toEqual([9, 20, 21]);
    expect(wire.joined).toBe('firstnaïve 🐍 text');
    expect([...wire.textEnds]).toEqual([5, 5, 5 + 'naïve 🐍 text'.length]);
    expect(decodeCandidates(wire)).toEqual(candidates);
  });

  it('sends texts found in the source as offsets, and the rest after the first miss as joined text', () => {
    // "alpha\nbeta\n\"gamma\"\ndelta": alpha at 0..5, beta at 6..10; 'gam"ma' is not in it, so it and
    // everything after it (delta too, though it is there) go to joined.
    const source = 'alpha\nbeta\n"gamma"\ndelta';
    const candidates: Candidate[] = [
      { id: 'toString', text: 'alpha', index: 0 },
      { id: 'b', text: 'beta', index: 1 },
      { id: 'g', text: 'gam"ma', index: 2 },
      { id: 'd', text: 'delta', index: 3 },
    ];
    const wire = encodeCandidates(candidates, source);
    expect([...wire.inSource]).toEqual([1, 1, 0, 0]);
    expect([...wire.textStarts]).toEqual([0, 6, 0, 6]);
    expect([...wire.textEnds]).toEqual([5, 10, 6, 11]);
    expect(wire.joined).toBe('gam"madelta');
    expect(decodeCandidates(wire, source)).toEqual(candidates);
  });
});
