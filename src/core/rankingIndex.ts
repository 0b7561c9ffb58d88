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

/** An index under construction: the entries before `next` are in it (see indexAhead). */
interface PartialIndex {
  next: number;
  positionOf: Map<string, number>;
  ids: string[];
  firstEntries: RankedEntry[];
}

const partial = new WeakMap<Ranking, PartialIndex>();

/** Adds the entries before `until` to the partial index. */
function extend(ranking: Ranking, index: PartialIndex, until: number): void {
  const { entries } = ranking;
  const end = Math.min(until, entries.length);
  for (let i = index.next; i < end; i++) {
    const entry = entries[i] as RankedEntry;
    if (index.positionOf.has(entry.id)) continue;
    index.positionOf.set(entry.id, index.ids.length);
    index.ids.push(entry.id);
    index.firstEntries.push(entry);
  }
  index.next = end;
}

/** The index of `ranking`, built on first use (finishing what indexAhead began). */
export function rankingIndex(ranking: Ranking): RankingIndex {
  const hit = indexCache.get(ranking);
  if (hit) return hit;
  const building = partial.get(ranking) ?? { next: 0, positionOf: new Map(), ids: [], firstEntries: [] };
  extend(ranking, building, ranking.entries.length);
  partial.delete(ranking);
  const index = { ids: building.ids, positionOf: building.positionOf, firstEntries: building.firstEntries };
  indexCache.set(ranking, index);
  return index;
}

/**
 * Indexes up to `count` more entries of `ranking`, for building the index in idle time (a first stage of 50,000
 * takes tens of milliseconds in one go, which the first relevance click would otherwise pay). True once complete.
 */
export function indexAhead(ranking: Ranking, count: number): boolean {
  if (indexCache.has(ranking)) return true;
  const building = partial.get(ranking) ?? { next: 0, positionOf: new Map(), ids: [], firstEntries: [] };
  partial.set(ranking, building);
  extend(ranking, building, building.next + Math.max(1, count));
  if (building.next < ranking.entries.length) return false;
  rankingIndex(ranking);
  return true;
}

/** Whether the index of `ranking` is complete. */
export const isIndexed = (ranking: Ranking): boolean => indexCache.has(ranking);

/** The first entry of `id` in the indexed ranking, if it has one. */
export function firstEntryOf(index: RankingIndex, id: string): RankedEntry | undefined {
  const position = index.positionOf.get(id);
  return position === undefined ? undefined : index.firstEntries[position];
}

/**
 * The first entry of each of `ids` in `ranking`, walking it only until all are found: a reranked top N sits at the
 * top of a first stage of 50,000, so this reads about N entries and builds no index of the rest.
 */
export function findFirstEntries(ranking: Ranking, ids: ReadonlySet<string>): Map<string, RankedEntry> {
  const found = new Map<string, RankedEntry>();
  if (ids.size === 0) return found;
  for (const entry of ranking.entries) {
    if (!ids.has(entry.id) || found.has(entry.id)) continue;
    found.set(entry.id, entry);
    if (found.size === ids.size) break;
  }
  return found;
}
