/**
 * Groups pairs into batches of similar token length, so that padding wastes little compute, while keeping
 * each pair's original index so that scores map back.
 */

export interface Batch {
  /** Original indices of the pairs in this batch, shortest first. */
  indices: number[];
  /** The longest pair in the batch: every row is padded to it. */
  paddedLength: number;
}

/**
 * Sorts pairs by token length, shortest first (ties by original index, so the plan is deterministic),
 * and cuts the order into batches of at most `batchSize`. Shortest first makes the first partial
 * results arrive soonest.
 *
 * @throws RangeError when batchSize is not a positive integer.
 */
export function planBatches(lengths: readonly number[], batchSize: number): Batch[] {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  const order = lengths.map((_, index) => index).sort((a, b) => (lengths[a] ?? 0) - (lengths[b] ?? 0) || a - b);
  const batches: Batch[] = [];
  for (let start = 0; start < order.length; start += batchSize) {
    const indices = order.slice(start, start + batchSize);
    batches.push({ indices, paddedLength: Math.max(...indices.map((i) => lengths[i] ?? 0)) });
  }
  return batches;
}

/** Padding tokens a plan wastes: sum over batches of (paddedLength - length) per row. */
export function paddingWaste(lengths: readonly number[], batches: readonly Batch[]): number {
  return batches.reduce((sum, batch) => sum + batch.indices.reduce((s, i) => s + batch.paddedLength - (lengths[i] ?? 0), 0), 0);
}

/** Writes batch scores back into input order. */
export function scatterScores(target: number[], indices: readonly number[], scores: readonly number[]): void {
  indices.forEach((originalIndex, k) => {
    const score = scores[k];
    if (score !== undefined) target[originalIndex] = score;
  });
}
