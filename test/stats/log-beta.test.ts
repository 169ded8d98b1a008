import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { logBeta } from '../../src/stats/index.ts';
import { expectRelative, reference } from './reference/load-reference.ts';

describe('logBeta', () => {
  test.each(reference.logBeta)('agrees with R: lbeta($a, $b)', ({ a, b, value }) => {
    // Near its zero (a or b ≈ 1 with the other small) ln B is an absolute, not a relative, quantity.
    if (Math.abs(value) < 1) expect(Math.abs(logBeta(a, b) - value)).toBeLessThan(1e-14);
    else expectRelative(logBeta(a, b), value, 1e-13);
  });

  test('edges: non-positive arguments give NaN', () => {
    expect(logBeta(0, 1)).toBeNaN();
    expect(logBeta(1, -2)).toBeNaN();
    expect(logBeta(Number.NaN, 1)).toBeNaN();
  });

  test('is symmetric and satisfies B(a, 1) = 1/a', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e7, noNaN: true }), fc.double({ min: 0.01, max: 1e7, noNaN: true }), (a, b) => {
        expect(logBeta(a, b)).toBe(logBeta(b, a));
        expect(logBeta(a, 1)).toBeCloseTo(-Math.log(a), 9);
      }),
      { seed: 15, numRuns: 200 },
    );
  });
});
