import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { hodgesLehmann } from '../../src/stats/index.ts';
import { expectRelative, reference } from './reference/load-reference.ts';

const sample = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 25 });
const tiedSample = fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 60 });

/** R finds normal-approximation limits with uniroot(tol = 1e-4); the exact limits are order statistics. */
function expectLimits(actual: { low: number; high: number }, expected: { low: number; high: number; exact: boolean }) {
  if (expected.exact) {
    expectRelative(actual.low, expected.low, 1e-12);
    expectRelative(actual.high, expected.high, 1e-12);
  } else {
    expect(Math.abs(actual.low - expected.low)).toBeLessThan(2e-4 * Math.max(1, Math.abs(expected.low)));
    expect(Math.abs(actual.high - expected.high)).toBeLessThan(2e-4 * Math.max(1, Math.abs(expected.high)));
  }
}

describe('hodgesLehmann', () => {
  test.each(reference.hodgesLehmann)("agrees with R's wilcox.test(y, x, conf.int = TRUE): $name", (row) => {
    const result = hodgesLehmann(row.x, row.y, row.confidence);
    expectLimits(result, row);
    // R's estimate is the median of the differences when exact; otherwise a uniroot root inside
    // the flat step between the two middle differences, which is where the median lies.
    if (row.exact) expectRelative(result.shift, row.shift, 1e-12);
    else expect(Math.abs(result.shift - row.shift)).toBeLessThan(0.5 * (result.high - result.low) + 1e-9);
    // R reports the achieved level when the requested one cannot be reached.
    if (row.rConfidence < row.confidence) expect(result.achievedConfidence).toBeCloseTo(row.rConfidence, 12);
    else expect(result.achievedConfidence).toBeGreaterThanOrEqual(row.confidence - 1e-12);
  });

  test.each(reference.randomRank.map((row, i) => ({ ...row, i, m: row.x.length, n: row.y.length })))(
    "interval agrees with R's wilcox.test on random case $i ($m vs $n, exact: $exact)",
    (row) => expectLimits(hodgesLehmann(row.x, row.y, row.confidence), row),
  );

  test('small n: the shift is the median of all pairwise differences y − x', () => {
    expect(hodgesLehmann([1, 2], [4, 10]).shift).toBe(5.5);
    expect(hodgesLehmann([0], [3]).shift).toBe(3);
  });

  test('n < 1 on a side, or a level outside (0, 1): refuses', () => {
    expect(() => hodgesLehmann([1], [])).toThrow(new RangeError('hodgesLehmann needs at least 1 value per sample, got 1 and 0'));
    expect(() => hodgesLehmann([1, 2], [3, 4], 1)).toThrow(new RangeError('confidence must be in (0, 1), got 1'));
  });

  test('too few runs to reach the level: the interval spans every difference and says what it covers', () => {
    const result = hodgesLehmann([1, 2], [3.5, 4.5]);
    expect(result).toMatchObject({ low: 1.5, high: 3.5, confidence: 0.95 });
    expect(result.achievedConfidence).toBeCloseTo(2 / 3, 12);
  });

  test('identical samples: shift 0 inside a symmetric interval', () => {
    const x = [5.1, 5.3, 5.2, 5.4, 5.0];
    const result = hodgesLehmann(x, [...x]);
    expect(result.shift).toBe(0);
    expect(result.low).toBeCloseTo(-result.high, 12);
  });

  test('both samples constant: the shift and both limits are the difference', () => {
    expect(hodgesLehmann([2, 2, 2], [3, 3, 3])).toMatchObject({ shift: 1, low: 1, high: 1 });
  });

  test('log values give a ratio: exp(shift) of a uniform 20% slowdown is 1.2', () => {
    const base = [100, 101, 99, 102, 98, 100.5, 99.5, 101.5];
    const result = hodgesLehmann(
      base.map(Math.log),
      base.map((v) => Math.log(v * 1.2)),
    );
    expect(Math.exp(result.shift)).toBeCloseTo(1.2, 12);
    expect(Math.exp(result.low)).toBeLessThanOrEqual(1.2);
    expect(Math.exp(result.high)).toBeGreaterThanOrEqual(1.2);
  });

  test('swapping the samples negates the shift and mirrors the interval', () => {
    fc.assert(
      fc.property(fc.oneof(sample, tiedSample), fc.oneof(sample, tiedSample), (x, y) => {
        const forward = hodgesLehmann(x, y);
        const backward = hodgesLehmann(y, x);
        expect(backward.shift).toBeCloseTo(-forward.shift, 8);
        expect(backward.low).toBeCloseTo(-forward.high, 8);
        expect(backward.high).toBeCloseTo(-forward.low, 8);
        expect(forward.low).toBeLessThanOrEqual(forward.shift);
        expect(forward.high).toBeGreaterThanOrEqual(forward.shift);
      }),
      { seed: 41, numRuns: 200 },
    );
  });

  test('shifting y by c shifts the estimate and interval by c', () => {
    fc.assert(
      fc.property(sample, sample, fc.integer({ min: -100, max: 100 }), (x, y, c) => {
        const plain = hodgesLehmann(x, y);
        const shifted = hodgesLehmann(
          x,
          y.map((v) => v + c),
        );
        expect(shifted.shift).toBeCloseTo(plain.shift + c, 8);
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  test('a higher level never gives a narrower interval', () => {
    fc.assert(
      fc.property(sample, sample, (x, y) => {
        const narrow = hodgesLehmann(x, y, 0.8);
        const wide = hodgesLehmann(x, y, 0.99);
        expect(wide.low).toBeLessThanOrEqual(narrow.low);
        expect(wide.high).toBeGreaterThanOrEqual(narrow.high);
      }),
      { seed: 43, numRuns: 200 },
    );
  });
});
