import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  benjaminiHochberg,
  bootstrapRatioOfMedians,
  coefficientOfVariation,
  createRandom,
  hodgesLehmann,
  holm,
  mannWhitneyDistribution,
  mannWhitneyU,
  midRanks,
  normalCdf,
  normalQuantile,
  shuffle,
  tCdf,
  tQuantile,
  tukeyFences,
  welchTTest,
} from '../../src/stats/index.ts';

const sample = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true }), { minLength: 2, maxLength: 25 });

describe('named edge cases', () => {
  test('n < 2: Welch refuses with a clear message', () => {
    expect(() => welchTTest([1], [1, 2, 3])).toThrow('welchTTest needs at least 2 values per sample, got 1 and 3');
  });

  test('n < 1: rank tests refuse', () => {
    expect(() => mannWhitneyU([], [1])).toThrow(RangeError);
    expect(() => hodgesLehmann([1], [])).toThrow(RangeError);
  });

  test('identical samples: no evidence of a shift', () => {
    const x = [5.1, 5.3, 5.2, 5.4, 5.0];
    const mw = mannWhitneyU(x, [...x]);
    expect(mw.exact).toBe(false);
    expect(mw.pTwoSided).toBe(1);
    expect(hodgesLehmann(x, [...x]).shift).toBe(0);
    expect(welchTTest(x, [...x]).pTwoSided).toBeCloseTo(1, 12);
  });

  test('a constant sample on both sides, equal: every p is 1', () => {
    expect(welchTTest([3, 3, 3], [3, 3])).toMatchObject({ pTwoSided: 1, pLess: 1, pGreater: 1 });
    expect(mannWhitneyU([3, 3, 3], [3, 3])).toMatchObject({ pTwoSided: 1, pLess: 1, pGreater: 1 });
    expect(coefficientOfVariation([3, 3, 3])).toBe(0);
  });

  test('constant samples that differ: the difference is certain', () => {
    const welch = welchTTest([2, 2, 2], [3, 3, 3]);
    expect(welch).toMatchObject({ t: Number.NEGATIVE_INFINITY, pLess: 0, pGreater: 1, pTwoSided: 0 });
    const mw = mannWhitneyU([2, 2, 2, 2, 2], [3, 3, 3, 3, 3]);
    expect(mw.pLess).toBeLessThan(0.01);
    expect(hodgesLehmann([2, 2, 2], [3, 3, 3])).toMatchObject({ shift: 1, low: 1, high: 1 });
  });

  test('ties switch Mann–Whitney to the tie-corrected normal approximation', () => {
    expect(mannWhitneyU([1, 2, 2], [2, 3, 4]).exact).toBe(false);
    expect(mannWhitneyU([1, 2, 3], [4, 5, 6]).exact).toBe(true);
  });

  test('more than 50 per side uses the normal approximation', () => {
    const x = Array.from({ length: 51 }, (_, i) => i);
    const y = Array.from({ length: 10 }, (_, i) => i + 0.5);
    expect(mannWhitneyU(x, y).exact).toBe(false);
  });

  test('the exact U distribution sums to 1 and is symmetric', () => {
    const distribution = mannWhitneyDistribution(7, 4);
    expect(distribution.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    for (let u = 0; u <= 28; u++) expect(distribution[u]).toBeCloseTo(distribution[28 - u]!, 15);
  });

  test('mid-ranks average tied positions', () => {
    expect(midRanks([10, 20, 20, 30])).toEqual({ ranks: [1, 2.5, 2.5, 4], ties: [1, 2, 1] });
  });

  test('the coefficient of variation is undefined for n < 2 and a zero mean', () => {
    expect(coefficientOfVariation([4])).toBeNaN();
    expect(coefficientOfVariation([-1, 1])).toBeNaN();
  });

  test('a baseline median of 0 has no ratio', () => {
    expect(() => bootstrapRatioOfMedians([0, 0, 0], [1, 2, 3])).toThrow(/baseline median is 0/);
  });

  test('the bootstrap is reproducible by seed and records it', () => {
    const x = [10, 11, 9, 10.5, 10.2, 9.8];
    const y = [12, 12.5, 11.4, 12.1, 13, 11.9];
    const a = bootstrapRatioOfMedians(x, y, { seed: 7 });
    expect(bootstrapRatioOfMedians(x, y, { seed: 7 })).toEqual(a);
    expect(a.seed).toBe(7);
    expect(a.low).toBeLessThanOrEqual(a.ratio);
    expect(a.high).toBeGreaterThanOrEqual(a.ratio);
    expect(bootstrapRatioOfMedians(x, y, { seed: 8 }).low).not.toBe(a.low);
  });

  test('Tukey fences of a constant sample flag nothing', () => {
    expect(tukeyFences([5, 5, 5, 5])).toEqual({ low: 5, high: 5, outliers: [] });
  });

  test('probability edges', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(tCdf(0, 3)).toBe(0.5);
    expect(tCdf(2, Number.POSITIVE_INFINITY)).toBe(normalCdf(2));
    expect(tQuantile(0.5, 4)).toBe(0);
  });
});

describe('properties (fast-check)', () => {
  test('swapping the samples mirrors the one-sided Mann–Whitney p values', () => {
    fc.assert(
      fc.property(sample, sample, (x, y) => {
        const forward = mannWhitneyU(x, y);
        const backward = mannWhitneyU(y, x);
        expect(backward.pLess).toBeCloseTo(forward.pGreater, 10);
        expect(backward.pTwoSided).toBeCloseTo(forward.pTwoSided, 10);
      }),
      { seed: 1, numRuns: 200 },
    );
  });

  test("swapping the samples negates Welch's t and mirrors its p values", () => {
    fc.assert(
      fc.property(sample, sample, (x, y) => {
        const forward = welchTTest(x, y);
        const backward = welchTTest(y, x);
        if (Number.isNaN(forward.t)) return;
        expect(backward.t).toBeCloseTo(-forward.t, 8);
        expect(backward.pLess).toBeCloseTo(forward.pGreater, 10);
      }),
      { seed: 2, numRuns: 200 },
    );
  });

  test('swapping the samples negates the Hodges–Lehmann shift and its interval contains it', () => {
    fc.assert(
      fc.property(sample, sample, (x, y) => {
        const forward = hodgesLehmann(x, y);
        const backward = hodgesLehmann(y, x);
        expect(backward.shift).toBeCloseTo(-forward.shift, 8);
        expect(forward.low).toBeLessThanOrEqual(forward.shift);
        expect(forward.high).toBeGreaterThanOrEqual(forward.shift);
      }),
      { seed: 3, numRuns: 200 },
    );
  });

  test('Holm adjusts up, keeps the raw order, and caps at 1; BH never exceeds Holm', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }), (p) => {
        const adjusted = holm(p);
        const bh = benjaminiHochberg(p);
        p.forEach((raw, i) => {
          expect(adjusted[i]).toBeGreaterThanOrEqual(raw);
          expect(adjusted[i]).toBeLessThanOrEqual(1);
          expect(bh[i]).toBeLessThanOrEqual(adjusted[i]! + 1e-15);
          p.forEach((other, j) => {
            if (raw < other) expect(adjusted[i]).toBeLessThanOrEqual(adjusted[j]!);
          });
        });
      }),
      { seed: 4, numRuns: 200 },
    );
  });

  test('the t CDF is monotone and its quantile inverts it', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: 0.01, max: 20, noNaN: true }),
        fc.double({ min: 0.5, max: 500, noNaN: true }),
        (t, step, df) => {
          expect(tCdf(t + step, df)).toBeGreaterThanOrEqual(tCdf(t, df));
          const p = tCdf(t, df);
          if (p > 1e-10 && p < 1 - 1e-10) expect(tQuantile(p, df)).toBeCloseTo(t, 5);
        },
      ),
      { seed: 5, numRuns: 300 },
    );
  });

  test('the normal quantile inverts the normal CDF', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 5, noNaN: true }), (z) => {
        expect(normalQuantile(normalCdf(z))).toBeCloseTo(z, 7);
      }),
      { seed: 6, numRuns: 300 },
    );
  });

  test('the seeded source is reproducible and uniform in [0, 1); shuffle permutes', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.integer(), { maxLength: 30 }), (seed, items) => {
        const a = createRandom(seed);
        const b = createRandom(seed);
        for (let i = 0; i < 20; i++) {
          const value = a();
          expect(value).toBe(b());
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThan(1);
        }
        const shuffled = shuffle(items, createRandom(seed));
        expect([...shuffled].sort((x, y) => x - y)).toEqual([...items].sort((x, y) => x - y));
        expect(shuffle(items, createRandom(seed))).toEqual(shuffled);
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});
