import fc from 'fast-check';
import { median } from 'simple-statistics';
import { describe, expect, test } from 'vitest';
import { bootstrapRatioOfMedians, createRandom, DEFAULT_BOOTSTRAP_OPTIONS } from '../../src/stats/index.ts';

const positive = fc.array(fc.double({ min: 1, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 20 });

describe('bootstrapRatioOfMedians', () => {
  const x = [10, 11, 9, 10.5, 10.2, 9.8];
  const y = [12, 12.5, 11.4, 12.1, 13, 11.9];

  test('reproducible by seed, and records the seed and resamples', () => {
    const a = bootstrapRatioOfMedians(x, y, { seed: 7 });
    expect(bootstrapRatioOfMedians(x, y, { seed: 7 })).toEqual(a);
    expect(a).toMatchObject({ seed: 7, resamples: DEFAULT_BOOTSTRAP_OPTIONS.resamples });
    expect(bootstrapRatioOfMedians(x, y, { seed: 8 }).low).not.toBe(a.low);
  });

  test('the ratio is median(y) / median(x) and the interval holds it', () => {
    const result = bootstrapRatioOfMedians(x, y);
    expect(result.ratio).toBeCloseTo(12.05 / 10.1, 14);
    expect(result.low).toBeLessThanOrEqual(result.ratio);
    expect(result.high).toBeGreaterThanOrEqual(result.ratio);
    expect(result.low).toBeGreaterThan(1);
  });

  test('small n: 2 vs 2 still gives an interval around the ratio', () => {
    const result = bootstrapRatioOfMedians([10, 12], [15, 16], { seed: 5 });
    expect(result.ratio).toBeCloseTo(15.5 / 11, 14);
    expect(result.low).toBeGreaterThanOrEqual(15 / 12 - 1e-12);
    expect(result.high).toBeLessThanOrEqual(16 / 10 + 1e-12);
  });

  test('large n: 500 vs 400 runs give a tight interval around the true ratio', () => {
    const random = createRandom(5);
    const base = Array.from({ length: 500 }, () => 100 + random());
    const current = Array.from({ length: 400 }, () => 120 + 1.2 * random());
    const result = bootstrapRatioOfMedians(base, current, { resamples: 500 });
    expect(result.low).toBeGreaterThan(1.19);
    expect(result.high).toBeLessThan(1.21);
  });

  test('unequal sizes and variances: the wider side widens the interval', () => {
    const random = createRandom(6);
    const base = Array.from({ length: 5 }, () => 100 + random());
    const current = Array.from({ length: 40 }, () => 100 + 30 * random());
    const narrow = bootstrapRatioOfMedians(
      base,
      base.map((v) => v * 1.1),
      { seed: 1 },
    );
    const wide = bootstrapRatioOfMedians(base, current, { seed: 1 });
    expect(wide.high - wide.low).toBeGreaterThan(narrow.high - narrow.low);
  });

  test('ties: many equal runs give an interval made of observed ratios', () => {
    const result = bootstrapRatioOfMedians([10, 10, 10, 11, 11], [12, 12, 12, 12, 13], { seed: 2 });
    expect(result.ratio).toBeCloseTo(1.2, 14);
    expect(result.low).toBeGreaterThanOrEqual(12 / 11 - 1e-12);
    expect(result.high).toBeLessThanOrEqual(1.3 + 1e-12);
  });

  test('identical samples: the ratio is 1', () => {
    expect(bootstrapRatioOfMedians(x, [...x]).ratio).toBe(1);
  });

  test('constant samples: a degenerate interval at the ratio', () => {
    expect(bootstrapRatioOfMedians([4, 4, 4], [5, 5])).toMatchObject({ ratio: 1.25, low: 1.25, high: 1.25 });
  });

  test('n = 1 on a side is allowed (the interval comes from the other side alone)', () => {
    const result = bootstrapRatioOfMedians([10], y, { seed: 3 });
    expect(result.low).toBeGreaterThanOrEqual(Math.min(...y) / 10);
  });

  test('refuses empty samples, a zero baseline median and out-of-range options', () => {
    expect(() => bootstrapRatioOfMedians([], [1])).toThrow(RangeError);
    expect(() => bootstrapRatioOfMedians([0, 0, 0], [1, 2, 3])).toThrow(/baseline median is 0/);
    expect(() => bootstrapRatioOfMedians(x, y, { resamples: 0 })).toThrow('resamples must be a positive integer, got 0');
    expect(() => bootstrapRatioOfMedians(x, y, { confidence: 1.5 })).toThrow('confidence must be in (0, 1), got 1.5');
    expect(() => bootstrapRatioOfMedians(x, y, { seed: 0.5 })).toThrow('seed must be an integer, got 0.5');
  });

  test('the percentile interval covers the true ratio about as often as it says', () => {
    // 200 experiments of 20 vs 20 log-normal runs with a true ratio of 1.1: a 90% interval should miss ~10%.
    const random = createRandom(99);
    const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    let covered = 0;
    for (let e = 0; e < 200; e++) {
      const base = Array.from({ length: 20 }, () => 100 * Math.exp(0.05 * normal()));
      const current = Array.from({ length: 20 }, () => 110 * Math.exp(0.05 * normal()));
      const { low, high } = bootstrapRatioOfMedians(base, current, { seed: e, resamples: 400, confidence: 0.9 });
      if (low <= 1.1 && 1.1 <= high) covered++;
    }
    expect(covered).toBeGreaterThan(160);
    expect(covered).toBeLessThan(200);
  });

  test('scaling y by c scales the ratio and the interval by c', () => {
    fc.assert(
      fc.property(positive, positive, fc.integer({ min: 2, max: 50 }), (base, current, c) => {
        const plain = bootstrapRatioOfMedians(base, current, { resamples: 200 });
        const scaled = bootstrapRatioOfMedians(
          base,
          current.map((v) => v * c),
          { resamples: 200 },
        );
        expect(scaled.ratio / plain.ratio).toBeCloseTo(c, 9);
        expect(scaled.low / plain.low).toBeCloseTo(c, 9);
        expect(scaled.high / plain.high).toBeCloseTo(c, 9);
        expect(plain.ratio).toBeCloseTo(median(current) / median(base), 12);
      }),
      { seed: 51, numRuns: 50 },
    );
  });
});
