import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { normalCdf } from '../../src/stats/index.ts';
import { expectProbability, expectRelative, reference } from './reference/load-reference.ts';

describe('normalCdf', () => {
  test.each(reference.normalCdf)('agrees with R: pnorm($z)', ({ z, p }) => expectProbability(normalCdf(z), p));

  test.each(reference.normalCdf.filter(({ z, p }) => z <= -1 && p > 0))('keeps relative precision far in the lower tail: pnorm($z)', ({ z, p }) =>
    expectRelative(normalCdf(z), p, 1e-12),
  );

  test('edges: 0, ±Infinity and NaN', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });

  test('is symmetric and monotone', () => {
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), fc.double({ min: 1e-6, max: 3, noNaN: true }), (z, step) => {
        expect(normalCdf(z) + normalCdf(-z)).toBeCloseTo(1, 14);
        expect(normalCdf(z + step)).toBeGreaterThanOrEqual(normalCdf(z));
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});
