import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { signedRankDistribution } from '../../src/stats/index.ts';
import { expectProbability, reference } from './reference/load-reference.ts';

describe('signedRankDistribution', () => {
  test.each(reference.signedRankDistribution)("agrees with R's dsignrank(0:(n(n + 1)/2), $n)", ({ n, p }) => {
    const distribution = signedRankDistribution(n);
    expect(distribution.length).toBe(p.length);
    p.forEach((expected, v) => expectProbability(distribution[v]!, expected));
  });

  test('n = 0: V is 0 for certain', () => {
    expect(Array.from(signedRankDistribution(0))).toEqual([1]);
  });

  test('n = 1: V is 0 or 1, each with probability ½', () => {
    expect(Array.from(signedRankDistribution(1))).toEqual([0.5, 0.5]);
  });

  test('n = 49 (the largest exact size): counts stay exact, the tails are 2⁻⁴⁹', () => {
    const distribution = signedRankDistribution(49);
    expect(distribution[0]).toBe(2 ** -49);
    expect(distribution[distribution.length - 1]).toBe(2 ** -49);
  });

  test('sums to 1 and is symmetric', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 49 }), (n) => {
        const distribution = signedRankDistribution(n);
        const max = (n * (n + 1)) / 2;
        expect(distribution.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 13);
        for (let v = 0; v <= max; v++) expect(distribution[v]).toBe(distribution[max - v]);
      }),
      { seed: 51, numRuns: 40 },
    );
  });

  test('refuses a size that is not a whole number ≥ 0', () => {
    expect(() => signedRankDistribution(-1)).toThrow(new RangeError('signedRankDistribution needs a whole number n ≥ 0, got -1'));
    expect(() => signedRankDistribution(2.5)).toThrow(RangeError);
  });
});
