import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { hodgesLehmannOneSample } from '../../src/stats/index.ts';
import { expectRelative, reference, type SignedRankRow } from './reference/load-reference.ts';

const rows = [...reference.signedRank, ...reference.randomSignedRank].map((row) => ({ ...row, n: row.x.length }));
const values = fc.array(fc.double({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 60 });
const tiedValues = fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 1, maxLength: 80 });

/** R finds normal-approximation limits and estimates with uniroot(tol = 1e-4); exact limits are Walsh averages. */
function near(actual: number, expected: number, exact: boolean) {
  if (exact) expectRelative(actual, expected, 1e-12);
  else expect(Math.abs(actual - expected), `actual ${actual}, expected ${expected}`).toBeLessThan(2e-4 * Math.max(1, Math.abs(expected)));
}

describe('hodgesLehmannOneSample', () => {
  test.each(rows)("agrees with R's wilcox.test(x, conf.int = TRUE): $name ($n values, exact: $exact)", (row: SignedRankRow) => {
    const result = hodgesLehmannOneSample(row.x, row.confidence);
    expect(result.exact).toBe(row.exact);
    if (row.low === null || row.high === null) {
      // R gives no interval when every non-zero value is the same: benchgate gives that value.
      expect(result.low).toBe(result.high);
      expect(result.achievedConfidence).toBe(0);
      expect(result.estimate).toBeCloseTo(row.estimate, 12);
      return;
    }
    near(result.low, row.low, row.exact);
    near(result.high, row.high, row.exact);
    // R's asymptotic estimate is a uniroot root inside the flat step around the median of the Walsh averages.
    if (row.exact) expectRelative(result.estimate, row.estimate, 1e-12);
    else expect(Math.abs(result.estimate - row.estimate)).toBeLessThan(0.5 * (result.high - result.low) + 2e-4);
    // R reports the level it reached when the requested one is out of reach (rounded to 2 digits when exact).
    if (row.rConfidence < row.confidence - 1e-12) {
      if (row.exact) expect(Math.abs(result.achievedConfidence - row.rConfidence)).toBeLessThan(0.005 + 1e-12);
      else expect(result.achievedConfidence).toBeCloseTo(row.rConfidence, 12);
    } else {
      // R keeps the requested level when the achieved 1 − level is within half of the requested one.
      expect(result.achievedConfidence).toBeGreaterThanOrEqual(row.confidence - (1 - row.confidence) / 2 - 1e-12);
    }
  });

  test('n = 1: the estimate and both limits are the value, with no coverage', () => {
    expect(hodgesLehmannOneSample([0.3])).toMatchObject({ estimate: 0.3, low: 0.3, high: 0.3, exact: true, achievedConfidence: 0 });
  });

  test('all zeros (head equal to base in every round): estimate and interval are exactly 0', () => {
    expect(hodgesLehmannOneSample([0, 0, 0])).toMatchObject({ estimate: 0, low: 0, high: 0, n: 0, zeros: 3 });
  });

  test('zeros are dropped before the estimate, as in R, and counted', () => {
    const result = hodgesLehmannOneSample([0, 0, 0.1, 0.2, 0.3, -0.05, 0.15, 0.12]);
    expect(result).toMatchObject({ n: 6, zeros: 2, exact: false });
    expect(result.estimate).toBe(hodgesLehmannOneSample([0.1, 0.2, 0.3, -0.05, 0.15, 0.12]).estimate);
  });

  test('a constant non-zero sample (R: NaN): the interval is the value, with no stated coverage', () => {
    expect(hodgesLehmannOneSample([0.1, 0.1, 0.1, 0.1])).toMatchObject({ estimate: 0.1, low: 0.1, high: 0.1, achievedConfidence: 0 });
  });

  test('ties: the normal approximation with the tie-corrected variance', () => {
    const result = hodgesLehmannOneSample([1, 2, 2, -3, 3, 3, 4, -1, 5, 2]);
    expect(result.exact).toBe(false);
    expect(result.low).toBeLessThanOrEqual(result.estimate);
    expect(result.high).toBeGreaterThanOrEqual(result.estimate);
  });

  test('log ratios of a uniform 20% slowdown give exp(estimate) = 1.2 inside the interval', () => {
    const noise = [0.01, -0.012, 0.004, -0.003, 0.007, -0.008, 0.002, 0.011, -0.006, 0.0005];
    const result = hodgesLehmannOneSample(noise.map((e) => Math.log(1.2) + e));
    expect(Math.exp(result.estimate)).toBeCloseTo(1.2, 2);
    expect(Math.exp(result.low)).toBeLessThan(1.2);
    expect(Math.exp(result.high)).toBeGreaterThan(1.2);
  });

  test('negating x negates the estimate and mirrors the interval', () => {
    fc.assert(
      fc.property(fc.oneof(values, tiedValues), (x) => {
        const forward = hodgesLehmannOneSample(x);
        const backward = hodgesLehmannOneSample(x.map((v) => -v));
        expect(backward.estimate).toBeCloseTo(-forward.estimate, 8);
        expect(backward.low).toBeCloseTo(-forward.high, 8);
        expect(backward.high).toBeCloseTo(-forward.low, 8);
        expect(forward.low).toBeLessThanOrEqual(forward.estimate);
        expect(forward.high).toBeGreaterThanOrEqual(forward.estimate);
      }),
      { seed: 61, numRuns: 200 },
    );
  });

  test('a higher level never gives a narrower interval (unless R lowered it further for a tiny sample)', () => {
    fc.assert(
      fc.property(fc.oneof(values, tiedValues), (x) => {
        const narrow = hodgesLehmannOneSample(x, 0.8);
        const wide = hodgesLehmannOneSample(x, 0.99);
        // R halves 1 − level until the sample can reach it: from 0.99 that can end below 0.8's end point.
        if (wide.achievedConfidence < narrow.achievedConfidence) return;
        expect(wide.low).toBeLessThanOrEqual(narrow.low);
        expect(wide.high).toBeGreaterThanOrEqual(narrow.high);
      }),
      { seed: 62, numRuns: 200 },
    );
  });

  test('2,000 values (2 million Walsh averages) are fine', () => {
    const x = Array.from({ length: 2000 }, (_, i) => Math.sin(i) * 0.05 + 0.01);
    const result = hodgesLehmannOneSample(x);
    expect(result.low).toBeLessThan(result.estimate);
    expect(result.high).toBeGreaterThan(result.estimate);
  });

  test('refuses an empty sample, values that are not finite, and a level outside (0, 1)', () => {
    expect(() => hodgesLehmannOneSample([])).toThrow(new RangeError('hodgesLehmannOneSample needs at least 1 value, got 0'));
    expect(() => hodgesLehmannOneSample([1, Infinity])).toThrow(new RangeError('hodgesLehmannOneSample needs finite values, got Infinity at index 1'));
    expect(() => hodgesLehmannOneSample([1, 2], 1)).toThrow(new RangeError('confidence must be in (0, 1), got 1'));
  });
});
