/**
 * A ranking's index: each id once, at its first position, with its entry. Cached per ranking (rankings are never
 * changed in place), so that what a relevance click or a streamed score recomputes takes time in the judged or
 * reranked documents, not in a first stage of 50,000.
 */
import type { RankedEntry, Ranking } from './types';

export interface RankingIndex {
  /** The ranked ids in order, each id once (its first position wins). */
  ids: readonly string[];
  /** Each id's position in `ids` (0-based). */
  positionOf: ReadonlyMap<string, number>;
  /** The entry of `ids[p]`: its first entry in the ranking. */
  firstEntries: readonly RankedEntry[];
}

const indexCache = new WeakMap<Ranking, RankingIndex>();

/** The index of `ranking`, built on first use. */
export function rankingIndex(ranking: Ranking): RankingIndex {
  const hit = indexCache.get(ranking);
  if (hit) return hit;
  const positionOf = new Map<string, number>();
  const ids: string[] = [];
  const firstEntries: RankedEntry[] = [];
  for (const entry of ranking.entries) {
    if (positionOf.has(entry.id)) continue;
    positionOf.set(entry.id, ids.length);
    ids.push(entry.id);
    firstEntries.push(entry);
  }
  const index = { ids, positionOf, firstEntries };
  indexCache.set(ranking, index);
  return index;
}

/** The first entry of `id` in the indexed ranking, if it has one. */
export function firstEntryOf(index: RankingIndex, id: string): RankedEntry | undefined {
  const position = index.positionOf.get(id);
  return position === undefined ? undefined : index.firstEntries[position];
}
