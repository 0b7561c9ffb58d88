/**
 * Turns a model's token vectors into one vector per text, as sentence-transformers does: 'mean' averages the
 * vectors of the tokens the attention mask keeps (padding never counts), 'cls' takes the first token's vector.
 * Then, optionally, L2 normalization, after which a dot product is the cosine.
 */
import type { Pooling } from '../denseCatalog';

/** A [batch, sequence, hidden] float tensor as flat row-major data, and its attention mask as [batch, sequence]. */
export interface TokenVectors {
  data: ArrayLike<number>;
  dims: readonly [number, number, number];
  attentionMask: ArrayLike<number | bigint>;
}

export function poolBatch(tokens: TokenVectors, pooling: Pooling, normalize: boolean): Float32Array[] {
  const [batch, sequence, hidden] = tokens.dims;
  if (tokens.data.length !== batch * sequence * hidden) {
    throw new RangeError(`pooling: ${tokens.data.length} values do not fill dims [${tokens.dims.join(', ')}]`);
  }
  const vectors: Float32Array[] = [];
  for (let row = 0; row < batch; row++) {
    const pooled = pooling === 'cls' ? clsVector(tokens, row) : meanVector(tokens, row);
    vectors.push(normalize ? l2Normalize(pooled) : pooled);
  }
  return vectors;
}

function clsVector({ data, dims: [, sequence, hidden] }: TokenVectors, row: number): Float32Array {
  const out = new Float32Array(hidden);
  const offset = row * sequence * hidden;
  for (let h = 0; h < hidden; h++) out[h] = data[offset + h] ?? 0;
  return out;
}

function meanVector({ data, dims: [, sequence, hidden], attentionMask }: TokenVectors, row: number): Float32Array {
  // Summed in float64, so a long text's mean does not depend on the order of the additions.
  const sum = new Float64Array(hidden);
  let kept = 0;
  for (let position = 0; position < sequence; position++) {
    if (Number(attentionMask[row * sequence + position] ?? 0) === 0) continue;
    kept += 1;
    const offset = (row * sequence + position) * hidden;
    for (let h = 0; h < hidden; h++) sum[h] = (sum[h] ?? 0) + (data[offset + h] ?? 0);
  }
  // sentence-transformers divides by max(count, 1e-9): a row with no kept token pools to zeros.
  const divisor = Math.max(kept, 1e-9);
  return Float32Array.from(sum, (value) => value / divisor);
}

/** Divides by the L2 norm; a zero vector stays zero (torch's F.normalize clamps the norm at 1e-12 the same way). */
export function l2Normalize(vector: ArrayLike<number>): Float32Array {
  let squares = 0;
  for (let i = 0; i < vector.length; i++) squares += (vector[i] ?? 0) ** 2;
  const norm = Math.max(Math.sqrt(squares), 1e-12);
  return Float32Array.from({ length: vector.length }, (_, i) => (vector[i] ?? 0) / norm);
}

/** Cosine similarity; 0 when either vector is all zeros. */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`cosine: vectors of ${a.length} and ${b.length} dimensions`);
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}
