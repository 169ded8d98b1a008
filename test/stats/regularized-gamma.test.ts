import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { regularizedGammaP, regularizedGammaQ } from '../../src/stats/index.ts';
import { expectProbability, reference } from './reference/load-reference.ts';

describe('regularizedGammaP and regularizedGammaQ', () => {
  test.each(reference.incompleteGamma)('agree with R: pgamma($x, $a) both tails', ({ a, x, p, q }) => {
    expectProbability(regularizedGammaP(a, x), p);
    expectProbability(regularizedGammaQ(a, x), q);
  });

  test('edges: x = 0, x = Infinity; invalid arguments give NaN', () => {
    expect(regularizedGammaP(2, 0)).toBe(0);
    expect(regularizedGammaQ(2, 0)).toBe(1);
    expect(regularizedGammaQ(2, Number.POSITIVE_INFINITY)).toBe(0);
    expect(regularizedGammaP(0, 1)).toBeNaN();
    expect(regularizedGammaQ(1, -1)).toBeNaN();
  });

  test('P + Q = 1', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 200, noNaN: true }), fc.double({ min: 0, max: 400, noNaN: true }), (a, x) => {
        expect(regularizedGammaP(a, x) + regularizedGammaQ(a, x)).toBeCloseTo(1, 12);
      }),
      { seed: 16, numRuns: 200 },
    );
  });
});
