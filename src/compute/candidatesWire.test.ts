import { describe, expect, it } from 'vitest';
import type { Candidate } from '../core/types';
import { decodeCandidates, encodeCandidates } from './candidatesWire';

describe('the candidates wire format', () => {
  it('round-trips ids, texts (empty and unicode too), scores, grades and positions', () => {
    const candidates: Candidate[] = [
      { id: '__proto__', text: 'first', index: 0, score: 1.5, relevance: 2 },
      { id: 'constructor', text: '', index: 1 },
      { id: 'c', text: 'naïve 🐍 text', index: 2, score: -0, relevance: 0 },
    ];
    const wire = encodeCandidates(candidates);
    expect(wire.joined).toBe('firstnaïve 🐍 text');
    expect([...wire.ends]).toEqual([5, 5, 5 + 'naïve 🐍 text'.length]);
    expect(decodeCandidates(wire)).toEqual(candidates);
  });
});
