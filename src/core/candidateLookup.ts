import type { Candidate } from './types';

/**
 * A query's candidates by id. The Map is built on the first lookup by id: a fresh paste of 50,000 documents shows its
 * first stage through `of(entry)`, which finds an entry's candidate by its input position, and builds none.
 */
export class CandidateLookup implements ReadonlyMap<string, Candidate> {
  private byId: Map<string, Candidate> | null = null;

  constructor(private readonly candidates: readonly Candidate[]) {}

  /** The candidate of a ranked entry: at its input position when that holds it (the usual case), else by id. */
  of(entry: { id: string; index: number }): Candidate | undefined {
    const atPosition = this.candidates[entry.index];
    return atPosition?.id === entry.id ? atPosition : this.get(entry.id);
  }

  private map(): Map<string, Candidate> {
    if (this.byId) return this.byId;
    // A loop rather than new Map(candidates.map(...)): no 50,000 pair arrays to allocate and collect.
    const byId = new Map<string, Candidate>();
    for (const c of this.candidates) byId.set(c.id, c);
    this.byId = byId;
    return byId;
  }

  get size(): number {
    return this.map().size;
  }
  get(id: string): Candidate | undefined {
    return this.map().get(id);
  }
  has(id: string): boolean {
    return this.map().has(id);
  }
  forEach(callback: (value: Candidate, key: string, map: ReadonlyMap<string, Candidate>) => void, thisArg?: unknown): void {
    this.map().forEach((value, key) => callback.call(thisArg, value, key, this));
  }
  entries(): MapIterator<[string, Candidate]> {
    return this.map().entries();
  }
  keys(): MapIterator<string> {
    return this.map().keys();
  }
  values(): MapIterator<Candidate> {
    return this.map().values();
  }
  [Symbol.iterator](): MapIterator<[string, Candidate]> {
    return this.map()[Symbol.iterator]();
  }
}
