/**
 * Paired significance tests over per-query metric values: did ranker b beat ranker a by more than chance?
 * Both tests work on the per-query differences d = b − a, paired by position (the caller pairs by query id).
 */

import { mulberry32Uint32 } from './random';

export interface RandomizationResult {
  /** Two-sided: the share of sign assignments whose |mean| is at least the observed |mean|. */
  pValue: number;
  /** mean(b − a). */
  meanDifference: number;
  /** How many sign assignments were counted: 2^n when exact, else the random trials drawn. */
  trials: number;
  /** true when all 2^n sign assignments were enumerated. */
  exact: boolean;
}

export interface RandomizationOptions {
  /** Random trials; when 2^n <= trials every assignment is enumerated instead. Default 10,000. */
  trials?: number;
  /** PRNG seed, so a result can be reproduced. Default 1. */
  seed?: number;
}

export interface TTestResult {
  t: number;
  df: number;
  pValue: number;
  meanDifference: number;
}

/** Two means closer than this (on the mean, so per query) count as equal: float sums differ by order. */
const EQUALITY_EPSILON = 1e-12;

function differences(a: readonly number[], b: readonly number[]): Float64Array {
  if (a.length !== b.length) {
    throw new RangeError(`A paired test needs one value per query on both sides, but got ${a.length} and ${b.length}.`);
  }
  const d = new Float64Array(a.length);
  for (let i = 0; i < a.length; i += 1) {
    const value = (b[i] ?? NaN) - (a[i] ?? NaN);
    if (!Number.isFinite(value)) {
      throw new RangeError(`Query ${i + 1} of the pair has a value that is not a finite number; leave such queries out first.`);
    }
    d[i] = value;
  }
  return d;
}


/**
 * For each block of 8 queries, the sum of d over each of the 256 subsets of the block (the last block padded
 * with zeros): a trial then costs one lookup per 8 queries instead of a branch per query.
 */
function byteSubsetSums(d: Float64Array): Float64Array {
  const blocks = Math.ceil(d.length / 8);
  const sums = new Float64Array(blocks * 256);
  for (let block = 0; block < blocks; block += 1) {
    const offset = block * 256;
    for (let subset = 1; subset < 256; subset += 1) {
      // The subset's sum is that of the subset without its lowest member, plus that member.
      const lowest = 31 - Math.clz32(subset & -subset);
      sums[offset + subset] = (sums[offset + (subset & (subset - 1))] ?? 0) + (d[block * 8 + lowest] ?? 0);
    }
  }
  return sums;
}

/**
 * Two-sided paired randomization (sign-flip) test, as in Smucker, Allan & Carterette (CIKM 2007).
 * Under the null hypothesis each query's difference is as likely to have either sign, so the statistic
 * |mean(d)| is compared with |mean| over sign-flipped copies of d. A copy counts when it is at least the
 * observed value (equality counts), less 1e-12 so that float noise cannot drop the observed pattern itself.
 *
 * p-value convention:
 * - Exact (2^n <= trials): p = count / 2^n over all assignments; the observed one is among them, so p >= 2^-n.
 * - Monte Carlo: p = (count + 1) / (trials + 1), counting the observed assignment as one more sample
 *   (Phipson & Smyth 2010). It never reports 0, which a finite sample cannot justify, and it is a valid
 *   (not anti-conservative) p-value. The plain fraction count / trials differs from it by under 1 / trials.
 * With no queries there is nothing to test: p = 1 and a mean difference of 0.
 */
export function pairedRandomizationTest(
  a: readonly number[],
  b: readonly number[],
  options: RandomizationOptions = {},
): RandomizationResult {
  const d = differences(a, b);
  const n = d.length;
  const trials = Math.max(1, Math.floor(options.trials ?? 10_000));
  if (n === 0) return { pValue: 1, meanDifference: 0, trials: 1, exact: true };
  let total = 0;
  for (let i = 0; i < n; i += 1) total += d[i] ?? 0;
  // Compare sums, not means: same test, and the epsilon scales by n to stay "1e-12 on the mean".
  const threshold = Math.abs(total) - EQUALITY_EPSILON * n;
  const meanDifference = total / n;

  if (n < 31 && 2 ** n <= trials) {
    const assignments = 2 ** n;
    let count = 0;
    for (let mask = 0; mask < assignments; mask += 1) {
      // Each sum is computed afresh (not by Gray-code updates) so rounding cannot accumulate.
      let sum = 0;
      for (let i = 0; i < n; i += 1) sum += (mask >>> i) & 1 ? -(d[i] ?? 0) : (d[i] ?? 0);
      if (Math.abs(sum) >= threshold) count += 1;
    }
    return { pValue: count / assignments, meanDifference, trials: assignments, exact: true };
  }

  const subsetSums = byteSubsetSums(d);
  const blocks = subsetSums.length / 256;
  const next = mulberry32Uint32(options.seed ?? 1);
  let count = 0;
  for (let trial = 0; trial < trials; trial += 1) {
    // A flipped copy sums to total − 2 × (sum of the flipped values). One 32-bit draw gives the signs
    // of 32 queries, read a byte (8 queries) at a time from the table.
    let flipped = 0;
    for (let block = 0; block < blocks; block += 4) {
      const bits = next();
      const end = Math.min(blocks, block + 4);
      for (let b = block; b < end; b += 1) flipped += subsetSums[b * 256 + ((bits >>> (8 * (b - block))) & 0xff)] ?? 0;
    }
    if (Math.abs(total - 2 * flipped) >= threshold) count += 1;
  }
  return { pValue: (count + 1) / (trials + 1), meanDifference, trials, exact: false };
}

/**
 * Two-sided paired t-test on d = b − a, df = n − 1; null when n < 2 (no variance to estimate).
 * When every difference is the same (within 1e-12), the standard deviation is 0 and t is undefined in theory; we return
 * t = ±Infinity with p = 0 when that common difference is non-zero (b is consistently better or worse),
 * and t = 0 with p = 1 when it is zero (the rankers agree on every query).
 */
export function pairedTTest(a: readonly number[], b: readonly number[]): TTestResult | null {
  const d = differences(a, b);
  const n = d.length;
  if (n < 2) return null;
  const df = n - 1;
  const first = d[0] ?? 0;
  const meanDifference = d.reduce((sum, value) => sum + value, 0) / n;
  // "The same" allows float noise: 0.3 − 0.1 and 0.4 − 0.2 differ in the last bit.
  if (d.every((value) => Math.abs(value - first) <= EQUALITY_EPSILON)) {
    return Math.abs(meanDifference) <= EQUALITY_EPSILON
      ? { t: 0, df, pValue: 1, meanDifference: 0 }
      : { t: meanDifference > 0 ? Infinity : -Infinity, df, pValue: 0, meanDifference };
  }
  const squares = d.reduce((sum, value) => sum + (value - meanDifference) ** 2, 0);
  const t = meanDifference / Math.sqrt(squares / (df * n));
  return { t, df, pValue: studentTTwoSidedP(t, df), meanDifference };
}

/** P(|T| >= |t|) for Student's t with df degrees of freedom: I_{df/(df+t²)}(df/2, 1/2). */
export function studentTTwoSidedP(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (!Number.isFinite(t)) return 0;
  return regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
}

// Lanczos approximation, g = 7, nine coefficients: ~1e-15 relative accuracy for x > 0.
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  // Reflection keeps the series where it is accurate: Γ(x) Γ(1 − x) = π / sin(πx).
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let series = LANCZOS[0] ?? 0;
  for (let i = 1; i < LANCZOS.length; i += 1) series += (LANCZOS[i] ?? 0) / (z + i);
  const base = z + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(base) - base + Math.log(series);
}

/** The regularized incomplete beta function I_x(a, b), for a, b > 0 and 0 <= x <= 1 (Numerical Recipes `betai`). */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0) || !(b > 0) || !(x >= 0 && x <= 1)) return NaN;
  if (x === 0 || x === 1) return x;
  const logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  const front = Math.exp(logFront);
  // The continued fraction converges fast only on this side of the mean; use the symmetry I_x(a,b) = 1 − I_{1−x}(b,a).
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(x, a, b)) / a
    : 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** The continued fraction for I_x(a, b), by the modified Lentz method (Numerical Recipes `betacf`). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const maxIterations = 10_000; // O(sqrt(max(a, b))) are needed; this covers df in the millions
  const tolerance = 1e-15;
  const guard = (value: number) => (Math.abs(value) < tiny ? tiny : value);
  let c = 1;
  let dInverse = 1 / guard(1 - ((a + b) * x) / (a + 1));
  let result = dInverse;
  for (let m = 1; m <= maxIterations; m += 1) {
    const evenStep = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    dInverse = 1 / guard(1 + evenStep * dInverse);
    c = guard(1 + evenStep / c);
    result *= dInverse * c;
    const oddStep = (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    dInverse = 1 / guard(1 + oddStep * dInverse);
    c = guard(1 + oddStep / c);
    const delta = dInverse * c;
    result *= delta;
    if (Math.abs(delta - 1) < tolerance) break;
  }
  return result;
}

function percent(p: number): string {
  if (p > 0.99) return 'over 99%';
  if (p < 0.01) return `${(p * 100).toFixed(1)}%`;
  return `${Math.round(p * 100)}%`;
}

/**
 * A plain reading of a p-value for people. It says how often chance alone gives a difference at least this
 * large; it says nothing about how large or how important the difference is.
 */
export function describePValue(p: number, kind: 'randomization' | 't'): string {
  if (!(p >= 0 && p <= 1)) return 'No p-value: there are not enough queries with a value on both sides.';
  if (kind === 'randomization') {
    if (p === 1) return 'Every shuffle gives a difference at least this large: no sign that the rankers differ.';
    return p < 0.001
      ? 'A difference at least this large would appear by chance in fewer than 1 in 1,000 shuffles.'
      : `A difference at least this large would appear by chance in about ${percent(p)} of shuffles.`;
  }
  if (p === 1) return 'The rankers score the same on average: no sign that they differ (paired t-test).';
  const chance = p < 0.001 ? 'less than a 0.1%' : `about a ${percent(p)}`;
  return `If the rankers were equally good, a difference at least this large would have ${chance} chance (paired t-test).`;
}
