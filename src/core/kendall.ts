/**
 * Kendall's tau-b, in O(n log n) by Knight's algorithm (1966): sort by one key then the other, count the
 * ties, and count the discordant pairs as the swaps a merge sort makes on the second key.
 *
 * tau-b = (n_c − n_d) / sqrt((n0 − n1)(n0 − n2)),  n0 = n(n − 1)/2,
 * n1 / n2 = pairs tied in the first / second ranking. Pairs tied in either count as neither concordant
 * nor discordant. Same definition and results as scipy.stats.kendalltau (variant 'b', its default).
 */
import type { Ranking } from './types';

/**
 * tau-b between paired keys: item i has key x[i] in one ordering and y[i] in the other.
 * Only the direction matters, and it must be the same on both sides (both "higher is better", or both
 * "lower is better"). null with fewer than 2 items, or when one side ties every item (the denominator is 0).
 * @throws RangeError when the lengths differ or a key is NaN (NaN has no place in an order).
 */
export function kendallTauB(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  const n = x.length;
  if (y.length !== n) throw new RangeError(`kendallTauB: ${n} keys in x but ${y.length} in y; pass one pair per item`);
  rejectNaN(x, 'x');
  rejectNaN(y, 'y');
  if (n < 2) return null;

  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((i, j) => compare(x[i] as number, x[j] as number) || compare(y[i] as number, y[j] as number));

  const xAt = (k: number): number => x[order[k] as number] as number;
  const yAt = (k: number): number => y[order[k] as number] as number;
  // Equal keys sit next to each other in this order: ties in x (n1), and in both x and y (n3).
  const tiedInX = tiedPairsInRuns(n, (k) => xAt(k) === xAt(k - 1));
  const tiedInBoth = tiedPairsInRuns(n, (k) => xAt(k) === xAt(k - 1) && yAt(k) === yAt(k - 1));

  // Within an x-tie, y ascends, so every strict inversion left in y is a discordant pair.
  const ys = Float64Array.from({ length: n }, (_, k) => yAt(k));
  const discordant = sortCountingInversions(ys);
  const tiedInY = tiedPairsInRuns(n, (k) => ys[k] === ys[k - 1]);

  const allPairs = pairsIn(n);
  const untiedX = allPairs - tiedInX;
  const untiedY = allPairs - tiedInY;
  if (untiedX === 0 || untiedY === 0) return null;
  // n_c − n_d = (n0 − n1 − n2 + n3 − n_d) − n_d. Every count is an integer below 2^53, so this is exact.
  const balance = allPairs - tiedInX - tiedInY + tiedInBoth - 2 * discordant;
  // sqrt(a) * sqrt(a) can miss a by an ulp, which would turn an exact 1 into 0.9999999999999999.
  const denominator = untiedX === untiedY ? untiedX : Math.sqrt(untiedX) * Math.sqrt(untiedY);
  return Math.min(1, Math.max(-1, balance / denominator));
}

function rejectNaN(keys: ArrayLike<number>, name: string): void {
  for (let i = 0; i < keys.length; i++) {
    if (Number.isNaN(keys[i])) throw new RangeError(`kendallTauB: ${name}[${i}] is NaN; give every item a number`);
  }
}

function compare(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function pairsIn(count: number): number {
  return (count * (count - 1)) / 2;
}

/** Pairs within runs of neighbours that `sameAsPrevious(k)` joins: the sum of t(t − 1)/2 over runs of length t. */
function tiedPairsInRuns(n: number, sameAsPrevious: (k: number) => boolean): number {
  let total = 0;
  let run = 1;
  for (let k = 1; k < n; k++) {
    if (sameAsPrevious(k)) run += 1;
    else {
      total += pairsIn(run);
      run = 1;
    }
  }
  return total + pairsIn(run);
}

/** Sorts `values` ascending in place (bottom-up merge sort) and returns how many pairs i < j had values[i] > values[j]. */
function sortCountingInversions(values: Float64Array<ArrayBuffer>): number {
  const n = values.length;
  let source: Float64Array<ArrayBuffer> = values;
  let target = new Float64Array(n);
  let inversions = 0;
  for (let width = 1; width < n; width *= 2) {
    for (let start = 0; start < n; start += 2 * width) {
      const middle = Math.min(start + width, n);
      const end = Math.min(start + 2 * width, n);
      let left = start;
      let right = middle;
      let out = start;
      while (left < middle && right < end) {
        // Equal values take the left first: a tie is not an inversion.
        if ((source[right] as number) < (source[left] as number)) {
          inversions += middle - left;
          target[out++] = source[right++] as number;
        } else target[out++] = source[left++] as number;
      }
      while (left < middle) target[out++] = source[left++] as number;
      while (right < end) target[out++] = source[right++] as number;
    }
    [source, target] = [target, source];
  }
  if (source !== values) values.set(source);
  return inversions;
}

/**
 * Each document's place in a ranking as a tie group: 0 for the first entry, one more each time the score
 * changes from the entry above. Equal scores sit next to each other in a ranking sorted by score, so this is
 * "higher score, better group" without reading what the scores mean. That covers 'input order' (1, 2, 3:
 * lower is better), documents without a score (NaN, listed last, tied with each other), and a reranked
 * column's list, whose reranked top N and the rest below the cut carry scores on two scales that must never
 * be compared with each other (only with the entry just above: the one place where two scales meet, the last
 * reranked score and the first below the cut, would count as a tie only if the two numbers were exactly equal).
 */
function tieGroups(ranking: Ranking): ReadonlyMap<string, number> {
  const cached = tieGroupCache.get(ranking);
  if (cached) return cached;
  const groups = new Map<string, number>();
  let group = 0;
  ranking.entries.forEach((entry, i) => {
    const above = ranking.entries[i - 1];
    if (above && !sameScore(above.score, entry.score)) group += 1;
    // A repeated id keeps its first (best) place.
    if (!groups.has(entry.id)) groups.set(entry.id, group);
  });
  tieGroupCache.set(ranking, groups);
  return groups;
}

function sameScore(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

// Rankings are immutable values in this app, so results can be kept per ranking object: re-rendering
// (a relevance click changes judgments, not rankings) then recomputes nothing.
const tieGroupCache = new WeakMap<Ranking, ReadonlyMap<string, number>>();
const tauCache = new WeakMap<Ranking, WeakMap<Ranking, number | null>>();

/**
 * Kendall's tau-b between two rankings, over the ids both contain: 1 same order, 0 unrelated, −1 reversed.
 * Documents with equal scores count as tied (not ordered by input position). Each ranking is read in the
 * order it lists its entries, with ties where neighbouring entries have equal scores (see tieGroups).
 * null when fewer than 2 ids are shared, or when one ranking ties every shared document.
 * Cached per pair of ranking objects (and symmetric): do not mutate a ranking after asking.
 */
export function kendallTau(a: Ranking, b: Ranking): number | null {
  const hit = tauCache.get(a)?.get(b);
  if (hit !== undefined) return hit;
  const groupsA = tieGroups(a);
  const groupsB = tieGroups(b);
  const x: number[] = [];
  const y: number[] = [];
  for (const [id, groupB] of groupsB) {
    const groupA = groupsA.get(id);
    if (groupA === undefined) continue;
    x.push(groupA);
    y.push(groupB);
  }
  const tau = kendallTauB(x, y);
  remember(a, b, tau);
  remember(b, a, tau);
  return tau;
}

function remember(a: Ranking, b: Ranking, tau: number | null): void {
  let row = tauCache.get(a);
  if (!row) {
    row = new WeakMap();
    tauCache.set(a, row);
  }
  row.set(b, tau);
}

/** tau-b between every two rankings, as rows: matrix[i][j] = kendallTau(rankings[i], rankings[j]). */
export function kendallTauMatrix(rankings: readonly Ranking[]): (number | null)[][] {
  return rankings.map((a) => rankings.map((b) => kendallTau(a, b)));
}
