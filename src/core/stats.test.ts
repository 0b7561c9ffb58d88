import { describe, expect, it } from 'vitest';
import {
  describePValue,
  logGamma,
  pairedRandomizationTest,
  pairedTTest,
  regularizedIncompleteBeta,
  studentTTwoSidedP,
} from './stats';

/** n values of +1 then m values of −1, as (a, b) pairs with b − a = ±1. */
function plusMinusOnes(plus: number, minus: number): { a: number[]; b: number[] } {
  const d = [...Array<number>(plus).fill(1), ...Array<number>(minus).fill(-1)];
  return { a: d.map(() => 0.5), b: d.map((value) => 0.5 + value) };
}

describe('pairedRandomizationTest, exact', () => {
  it('matches the 32 sign flips of a 5-query set counted by hand', () => {
    // d = b − a = [0.1, 0.2, 0.3, −0.1, 0.4]; in tenths [1, 2, 3, −1, 4], observed sum 9.
    // Flipping a subset F of the values gives 9 − 2·s(F), where s(F) is the sum of F's (signed) values.
    // |9 − 2s| >= 9  <=>  s <= 0 or s >= 9.
    //   s <= 0: {} (0), {−1} (−1), {1, −1} (0). No other subset sums to <= 0 (the rest are positive and
    //           adding −1 to any of {2}, {3}, {4}, {1,2}… leaves it >= 1). That is 3 subsets.
    //   s >= 9: exactly the complements of those 3 (the complement of F sums to 9 − s(F)). 3 more.
    // 6 of 32 patterns: p = 6/32 = 0.1875.
    // In floating point the observed sum is 0.9000000000000001, while flipping {1, −1} (and its mirror) gives
    // exactly 0.9: without the 1e-12 epsilon those two would be lost and p would read 4/32.
    const a = [0, 0, 0, 0, 0];
    const b = [0.1, 0.2, 0.3, -0.1, 0.4];
    const result = pairedRandomizationTest(a, b);
    expect(result.exact).toBe(true);
    expect(result.trials).toBe(32);
    expect(result.pValue).toBe(0.1875);
    expect(result.meanDifference).toBeCloseTo(0.18, 12);
  });

  it('is a sign test when every difference is ±1: 10 up, 4 down of 14', () => {
    // Each flipped copy sums to 14 − 2K with K ~ Binomial(14, 1/2), whatever the original signs.
    // Observed |sum| = 6; |14 − 2K| >= 6 <=> K <= 4 or K >= 10.
    // p = 2·(C(14,0)+C(14,1)+C(14,2)+C(14,3)+C(14,4)) / 2^14 = 2·(1+14+91+364+1001)/16384 = 2942/16384.
    const { a, b } = plusMinusOnes(10, 4);
    const result = pairedRandomizationTest(a, b, { trials: 16_384 });
    expect(result.exact).toBe(true);
    expect(result.pValue).toBe(2942 / 16_384);
  });

  it('gives p = 1 when the rankers agree on every query, and for no queries', () => {
    expect(pairedRandomizationTest([0.1, 0.2, 0.3], [0.1, 0.2, 0.3]).pValue).toBe(1);
    expect(pairedRandomizationTest([], [])).toEqual({ pValue: 1, meanDifference: 0, trials: 1, exact: true });
  });

  it('refuses values that cannot be paired', () => {
    expect(() => pairedRandomizationTest([1, 2], [1])).toThrow(/2 and 1/);
    expect(() => pairedRandomizationTest([1, NaN], [1, 2])).toThrow(/Query 2/);
  });
});

describe('pairedRandomizationTest, Monte Carlo', () => {
  it('agrees with the exact p of a 20-query sign test within a binomial tolerance', () => {
    // 14 up, 6 down: observed |sum| = 8; |20 − 2K| >= 8 <=> K <= 6 or K >= 14.
    // exact p = 2·(1+20+190+1140+4845+15504+38760)/2^20 = 120920/1048576 ≈ 0.11532.
    // 2^20 > 10,000, so this draws 10,000 trials: sd = sqrt(p(1−p)/10000) ≈ 0.0032; allow 4 sd.
    const { a, b } = plusMinusOnes(14, 6);
    const result = pairedRandomizationTest(a, b);
    expect(result.exact).toBe(false);
    expect(result.trials).toBe(10_000);
    expect(Math.abs(result.pValue - 120_920 / 1_048_576)).toBeLessThan(4 * 0.0032);
  });

  it('agrees with the exact sign test on a set longer than 32 queries (more than one draw per trial)', () => {
    // 45 up, 25 down of 70: |sum| = 20; |70 − 2K| >= 20 <=> K <= 25 or K >= 45.
    // p = 2·P(Binomial(70, 1/2) <= 25), summed here in exact integer arithmetic.
    let lowerTail = 0n;
    let choose = 1n; // C(70, k)
    for (let k = 0n; k <= 25n; k += 1n) {
      lowerTail += choose;
      choose = (choose * (70n - k)) / (k + 1n);
    }
    const exact = Number(2n * lowerTail) / 2 ** 70;
    const { a, b } = plusMinusOnes(45, 25);
    const result = pairedRandomizationTest(a, b, { seed: 7 });
    const sd = Math.sqrt((exact * (1 - exact)) / 10_000);
    expect(Math.abs(result.pValue - exact)).toBeLessThan(4 * sd);
  });

  it('counts the observed assignment: (count + 1) / (trials + 1), never 0', () => {
    // 40 differences of +1: only 2 of 2^40 assignments reach |sum| = 40, so no random trial does.
    const { a, b } = plusMinusOnes(40, 0);
    expect(pairedRandomizationTest(a, b).pValue).toBe(1 / 10_001);
  });

  it('is reproducible with a seed, and another seed draws other trials', () => {
    const { a, b } = plusMinusOnes(14, 6);
    const first = pairedRandomizationTest(a, b, { seed: 42 });
    expect(pairedRandomizationTest(a, b, { seed: 42 })).toEqual(first);
    expect(pairedRandomizationTest(a, b, { seed: 43 }).pValue).not.toBe(first.pValue);
  });
});

describe('pairedTTest', () => {
  it('matches a 4-query t-test worked by hand', () => {
    // d = b − a = [0.3, 0.2, 0.1, 0.2]: mean 0.2; deviations [0.1, 0, −0.1, 0], sum of squares 0.02;
    // sd² = 0.02/3; se = sd/√4, so t² = 0.2² / (0.02/12) = 24, t = √24 ≈ 4.898979, df = 3.
    // python3 -c "from scipy import stats; print(stats.ttest_rel([0.5,0.6,0.6,0.5],[0.2,0.4,0.5,0.3]))"
    //   -> statistic=4.898979485566355, pvalue=0.01627660345942857, df=3
    const result = pairedTTest([0.2, 0.4, 0.5, 0.3], [0.5, 0.6, 0.6, 0.5]);
    expect(result?.df).toBe(3);
    expect(result?.t).toBeCloseTo(Math.sqrt(24), 10);
    expect(result?.meanDifference).toBeCloseTo(0.2, 12);
    expect(result?.pValue).toBeCloseTo(0.01627660345942857, 10);
  });

  it('is Cauchy at df = 1: d = [0, 2] gives t = 1 and p exactly 1/2', () => {
    // mean 1, sd √2, se √2/√2 = 1, so t = 1; for Cauchy P(|T| >= 1) = 1 − (2/π)·atan(1) = 1/2.
    const result = pairedTTest([0, 0], [0, 2]);
    expect(result?.t).toBeCloseTo(1, 12);
    expect(result?.pValue).toBeCloseTo(0.5, 12);
  });

  it('matches the closed form at df = 2: d = [1, 2, 3]', () => {
    // mean 2, sd 1, se 1/√3, t = 2√3. For df = 2, P(|T| >= t) = 1 − t/√(2 + t²) = 1 − √(12/14) = 1 − √(6/7).
    const result = pairedTTest([0, 0, 0], [1, 2, 3]);
    expect(result?.t).toBeCloseTo(2 * Math.sqrt(3), 12);
    expect(result?.pValue).toBeCloseTo(1 - Math.sqrt(6 / 7), 12);
  });

  it('gives a negative t when b is worse', () => {
    const result = pairedTTest([0.5, 0.6, 0.6, 0.5], [0.2, 0.4, 0.5, 0.3]);
    expect(result?.t).toBeCloseTo(-Math.sqrt(24), 10);
    expect(result?.pValue).toBeCloseTo(0.01627660345942857, 10);
  });

  it('handles equal differences and too few queries as documented', () => {
    expect(pairedTTest([0.1, 0.2], [0.3, 0.4])).toMatchObject({ t: Infinity, pValue: 0, df: 1 });
    expect(pairedTTest([0.3, 0.4], [0.1, 0.2])).toMatchObject({ t: -Infinity, pValue: 0 });
    expect(pairedTTest([0.1, 0.2], [0.1, 0.2])).toEqual({ t: 0, df: 1, pValue: 1, meanDifference: 0 });
    expect(pairedTTest([0.1], [0.9])).toBeNull();
  });
});

describe('the t distribution and its special functions', () => {
  it('has the closed forms of df = 1, 2 and 4', () => {
    expect(studentTTwoSidedP(1, 1)).toBeCloseTo(0.5, 12);
    expect(studentTTwoSidedP(3, 1)).toBeCloseTo(1 - (2 / Math.PI) * Math.atan(3), 12);
    // df = 2: 1 − t/√(2 + t²); at t = 2: 1 − 2/√6.
    expect(studentTTwoSidedP(2, 2)).toBeCloseTo(1 - 2 / Math.sqrt(6), 12);
    // df = 4: 1 − t(t² + 6)/(t² + 4)^(3/2); at t = 1.5: 1 − 1.5·8.25/6.25^1.5 = 1 − 12.375/15.625 = 0.208.
    expect(studentTTwoSidedP(1.5, 4)).toBeCloseTo(0.208, 12);
    expect(studentTTwoSidedP(0, 7)).toBeCloseTo(1, 12);
    expect(studentTTwoSidedP(-Infinity, 7)).toBe(0);
  });

  it('matches scipy at larger df and in the far tail', () => {
    // python3 -c "from scipy import stats; print(stats.t.sf(0.7,30)*2, stats.t.sf(3.2,500)*2, stats.t.sf(12,5)*2)"
    //   -> 0.48932044349967163 0.0014615758015217332 7.089492517161522e-05
    expect(studentTTwoSidedP(0.7, 30)).toBeCloseTo(0.48932044349967163, 10);
    expect(studentTTwoSidedP(3.2, 500)).toBeCloseTo(0.0014615758015217332, 10);
    expect(studentTTwoSidedP(12, 5) / 7.089492517161522e-5).toBeCloseTo(1, 9);
  });

  it('computes I_x(a, b) for the binomial identity and the one-parameter cases', () => {
    // I_x(3, 4) = P(Binomial(6, x) >= 3); at x = 0.4: 20·.064·.216 + 15·.0256·.36 + 6·.01024·.6 + .004096 = 0.45568.
    expect(regularizedIncompleteBeta(0.4, 3, 4)).toBeCloseTo(0.45568, 13);
    expect(regularizedIncompleteBeta(0.3, 2.5, 1)).toBeCloseTo(0.3 ** 2.5, 13); // I_x(a, 1) = x^a
    expect(regularizedIncompleteBeta(0.9, 1, 3)).toBeCloseTo(1 - 0.1 ** 3, 13); // I_x(1, b) = 1 − (1 − x)^b
    expect(regularizedIncompleteBeta(0, 2, 2)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 2)).toBe(1);
    expect(regularizedIncompleteBeta(1.5, 2, 2)).toBeNaN();
  });

  it('computes ln Γ at integers and half-integers', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(logGamma(1)).toBeCloseTo(0, 13);
    // Γ(0.1)·Γ(0.9) = π/sin(0.1π), through the reflection branch; Γ(1.1) = 0.1·Γ(0.1).
    expect(logGamma(0.1) + logGamma(0.9)).toBeCloseTo(Math.log(Math.PI / Math.sin(0.1 * Math.PI)), 12);
    expect(logGamma(1.1)).toBeCloseTo(Math.log(0.1) + logGamma(0.1), 12);
  });
});

describe('describePValue', () => {
  it('reads randomization p-values as shares of shuffles', () => {
    expect(describePValue(0.0312, 'randomization')).toBe(
      'A difference at least this large would appear by chance in about 3% of shuffles.',
    );
    expect(describePValue(0.0004, 'randomization')).toBe(
      'A difference at least this large would appear by chance in fewer than 1 in 1,000 shuffles.',
    );
    expect(describePValue(0.0042, 'randomization')).toContain('about 0.4% of shuffles');
    expect(describePValue(0.996, 'randomization')).toContain('over 99%');
    expect(describePValue(1, 'randomization')).toContain('no sign that the rankers differ');
  });

  it('reads t-test p-values as a chance under equally good rankers', () => {
    expect(describePValue(0.03, 't')).toBe(
      'If the rankers were equally good, a difference at least this large would have about a 3% chance (paired t-test).',
    );
    expect(describePValue(0.00001, 't')).toContain('less than a 0.1% chance');
    expect(describePValue(NaN, 't')).toMatch(/^No p-value/);
  });
});
