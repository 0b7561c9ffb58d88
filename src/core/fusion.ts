/**
 * Hybrid first stages: fusing two or more rankings of the same documents into one.
 * - Reciprocal Rank Fusion (Cormack, Clarke and Büttcher, SIGIR 2009) uses only ranks, so scores on different
 *   scales (BM25, cosine) need no calibration.
 * - The weighted sum of min-max-normalized scores keeps how far apart the scores are, and has one knob.
 * Document ids are data: they are only ever Map keys and compared as strings.
 */

/** One fused document. `score` is an RRF score or a weighted normalized score, by the function that made it. */
export interface FusedScore {
  readonly id: string;
  readonly score: number;
}

/** One input ranking for RRF: document ids, best first. */
export interface RankedIds {
  readonly ids: readonly string[];
}

/** RRF's k from the original paper; larger k flattens the difference between top and lower ranks. */
export const RRF_DEFAULT_K = 60;

/**
 * Reciprocal Rank Fusion: score(d) = Σ over rankings of 1 / (k + rank of d), ranks 1-based.
 * - A document missing from a ranking gets nothing from that ranking.
 * - An id repeated within one ranking counts once, at its first (best) position.
 * - Order: score descending. Ties: the document placed higher in the first ranking goes first (documents
 *   absent from it after those present), then by id in UTF-16 code-unit order (the same in every locale).
 * Each document's terms are added smallest first, so two documents with the same ranks in a different
 * arrangement get bit-identical sums and meet the tie rule instead of a rounding difference.
 */
export function rrf(rankings: readonly RankedIds[], k: number = RRF_DEFAULT_K): FusedScore[] {
  if (!Number.isFinite(k) || k < 0) {
    throw new RangeError(`RRF k must be a number of 0 or more (got ${String(k)}); ${RRF_DEFAULT_K} is the usual value.`);
  }
  const ranksById = new Map<string, number[]>();
  for (const ranking of rankings) {
    for (const [id, rank] of firstRanks(ranking.ids)) {
      const ranks = ranksById.get(id);
      if (ranks) ranks.push(rank);
      else ranksById.set(id, [rank]);
    }
  }
  const scores = new Map<string, number>();
  for (const [id, ranks] of ranksById) {
    // Largest rank first = smallest term first.
    const sum = [...ranks].sort((a, b) => b - a).reduce((total, rank) => total + 1 / (k + rank), 0);
    scores.set(id, sum);
  }
  const first = rankings[0] ? firstRanks(rankings[0].ids) : new Map<string, number>();
  return sortFused(scores, [first]);
}

/**
 * Min-max normalization over one side's own documents: (s - min) / (max - min), so its best is 1 and its
 * worst 0. When every score is equal (or there is one document) the side cannot tell its documents apart,
 * so all get 0: the side then adds nothing to any document, rather than lifting its documents above those
 * it did not return. Throws for a non-finite score, naming the document.
 */
export function minMaxNormalize(scores: ReadonlyMap<string, number>, sideName = 'scores'): Map<string, number> {
  let min = Infinity;
  let max = -Infinity;
  for (const [id, score] of scores) {
    if (!Number.isFinite(score)) {
      throw new RangeError(`${sideName}: document ${JSON.stringify(id)} has score ${String(score)}; every score must be a finite number.`);
    }
    if (score < min) min = score;
    if (score > max) max = score;
  }
  const spread = max - min;
  const normalized = new Map<string, number>();
  for (const [id, score] of scores) normalized.set(id, spread > 0 ? (score - min) / spread : 0);
  return normalized;
}

/**
 * weight × norm(a) + (1 − weight) × norm(b), each side min-max normalized over its own documents
 * (see `minMaxNormalize`). `weight` is a's share, 0..1: 1 is a's order, 0 is b's.
 * - A document missing from one side gets 0 from it, the same as that side's worst document: a retriever
 *   that did not return a document is taken to rank it no higher than anything it did return.
 * - Order: fused score descending. Ties: by the order of the side with the larger weight (a at 0.5), where
 *   a side's order is its scores descending, equal scores in the Map's insertion order (the app's tie rule);
 *   then by the other side's order; then by id in code-unit order. Documents absent from a side come after
 *   those present in it. So weight 1 gives exactly a's order and weight 0 exactly b's, ties included.
 */
export function weightedFusion(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>, weight: number): FusedScore[] {
  if (!Number.isFinite(weight) || weight < 0 || weight > 1) {
    throw new RangeError(`The fusion weight must be between 0 and 1 (got ${String(weight)}).`);
  }
  const normA = minMaxNormalize(a, 'first side');
  const normB = minMaxNormalize(b, 'second side');
  const scores = new Map<string, number>();
  for (const id of new Set([...normA.keys(), ...normB.keys()])) {
    scores.set(id, weight * (normA.get(id) ?? 0) + (1 - weight) * (normB.get(id) ?? 0));
  }
  const orderA = positionsByScore(a);
  const orderB = positionsByScore(b);
  return sortFused(scores, weight >= 0.5 ? [orderA, orderB] : [orderB, orderA]);
}

/** 1-based rank of each id at its first occurrence. */
function firstRanks(ids: readonly string[]): Map<string, number> {
  const ranks = new Map<string, number>();
  ids.forEach((id, index) => {
    if (!ranks.has(id)) ranks.set(id, index + 1);
  });
  return ranks;
}

/** 1-based position of each id when sorted by score descending, equal scores in insertion order. */
function positionsByScore(scores: ReadonlyMap<string, number>): Map<string, number> {
  // Array.prototype.sort is stable, so equal scores keep the Map's insertion order.
  const ids = [...scores.entries()].sort((x, y) => y[1] - x[1]).map(([id]) => id);
  return firstRanks(ids);
}

/** Score descending; ties by each tie-break order in turn (absent = after present), then id code units. */
function sortFused(scores: ReadonlyMap<string, number>, tieOrders: readonly ReadonlyMap<string, number>[]): FusedScore[] {
  const fused = [...scores].map(([id, score]) => ({ id, score }));
  fused.sort((x, y) => {
    if (x.score !== y.score) return y.score - x.score;
    for (const order of tieOrders) {
      const byOrder = (order.get(x.id) ?? Infinity) - (order.get(y.id) ?? Infinity);
      if (byOrder !== 0 && !Number.isNaN(byOrder)) return byOrder;
    }
    return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
  });
  return fused;
}
