import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { normalCdf, tCdf } from '../../src/stats/index.ts';
import { expectProbability, expectRelative, reference, scipyReference } from './reference/load-reference.ts';

describe('tCdf', () => {
  test.each(reference.tCdf)('agrees with R: pt($t, $df)', ({ t, df, p }) => expectProbability(tCdf(t, df), p));

  test.each(reference.tCdf.filter(({ p }) => p > 1e-300))('holds 1e-8 relative at every df and tail: pt($t, $df)', ({ t, df, p }) =>
    expectRelative(tCdf(t, df), p, 1e-8),
  );

  test.each(scipyReference.tCdf)('agrees with SciPy: t.cdf($t, $df)', ({ t, df, p }) => expectProbability(tCdf(t, df), p));

  test('edges: t = 0, ±Infinity, df = Infinity; invalid arguments give NaN', () => {
    expect(tCdf(0, 3)).toBe(0.5);
    expect(tCdf(Number.NEGATIVE_INFINITY, 3)).toBe(0);
    expect(tCdf(Number.POSITIVE_INFINITY, 3)).toBe(1);
    expect(tCdf(2, Number.POSITIVE_INFINITY)).toBe(normalCdf(2));
    expect(tCdf(1, 0)).toBeNaN();
    expect(tCdf(Number.NaN, 3)).toBeNaN();
  });

  test('is monotone in t and symmetric', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: 1e-6, max: 20, noNaN: true }),
        fc.double({ min: 0.3, max: 1e6, noNaN: true }),
        (t, step, df) => {
          expect(tCdf(t + step, df)).toBeGreaterThanOrEqual(tCdf(t, df));
          expect(tCdf(t, df) + tCdf(-t, df)).toBeCloseTo(1, 13);
        },
      ),
      { seed: 17, numRuns: 300 },
    );
  });

  test('approaches the normal CDF as df grows', () => {
    expect(Math.abs(tCdf(-2, 1e12) - normalCdf(-2))).toBeLessThan(1e-12);
  });
});
